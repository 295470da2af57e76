/// Checks that a file's bytes are well-formed UTF-8 and finds its lines, before any field is cut.
///
/// Validation looks at 32 bytes per step when they are ASCII (most of a text file); lines are
/// found with `memchr`. Together about one instruction per byte, instead of the standard
/// library's scalar validator (used once a field holds one non-ASCII byte) on every field.
enum UTF8Scan {
    /// The line ranges of `bytes` (as `TextBuffer` makes them), or nil when the bytes are not
    /// well-formed UTF-8 (Unicode's definition: no overlong forms, surrogates or values above
    /// U+10FFFF — exactly what `String` accepts without repairing).
    static func validatedLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        guard isWellFormed(bytes) else { return nil }
        return TextBuffer.lines(of: bytes)
    }

    /// Whether `bytes` are well-formed UTF-8. Thirty-two ASCII bytes cost one test; a block with
    /// other bytes is walked word by word, each non-ASCII scalar checked on its own.
    static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 32 <= count {
            let block = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
            if block & high == 0 {
                index += 32
                continue
            }
            let blockEnd = index + 32
            while index < blockEnd, index + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) & high
                if word == 0 {
                    index += 8
                    continue
                }
                index += word.trailingZeroBitCount >> 3
                guard let length = scalarLength(base, at: index, count: count) else { return false }
                index += length
            }
        }
        while index < count {
            if base[index] < 0x80 {
                index += 1
            } else {
                guard let length = scalarLength(base, at: index, count: count) else { return false }
                index += length
            }
        }
        return true
    }

    /// Length of the well-formed multi-byte sequence starting at `index`, nil if it is not one.
    @inline(__always)
    static func scalarLength(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> Int? {
        let lead = base[index]
        @inline(__always) func continuation(_ offset: Int) -> UInt8? {
            guard index + offset < count else { return nil }
            let byte = base[index + offset]
            return byte & 0xC0 == 0x80 ? byte : nil
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) == nil ? nil : 2
        case 0xE0...0xEF:
            guard let second = continuation(1), continuation(2) != nil else { return nil }
            if lead == 0xE0, second < 0xA0 { return nil }  // overlong
            if lead == 0xED, second > 0x9F { return nil }  // surrogate
            return 3
        case 0xF0...0xF4:
            guard let second = continuation(1), continuation(2) != nil, continuation(3) != nil else { return nil }
            if lead == 0xF0, second < 0x90 { return nil }  // overlong
            if lead == 0xF4, second > 0x8F { return nil }  // above U+10FFFF
            return 4
        default:
            return nil
        }
    }

    /// The scalar starting at `index` of well-formed UTF-8, and its length in bytes.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        @inline(__always) func next(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        if lead < 0xE0 { return (Unicode.Scalar((lead & 0x1F) << 6 | next(1))!, 2) }
        if lead < 0xF0 { return (Unicode.Scalar((lead & 0x0F) << 12 | next(1) << 6 | next(2))!, 3) }
        return (Unicode.Scalar((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3))!, 4)
    }
}
