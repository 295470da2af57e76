/// One pass over a file's bytes that both checks they are well-formed UTF-8 and finds the lines.
///
/// Eight bytes are looked at per step: the ASCII ones are checked and searched for `\n` with a
/// few word operations, and a step ends at the first non-ASCII scalar, which is checked on its
/// own. Validating and splitting cost about one instruction per byte together, instead of a
/// `memchr` call per line plus the standard library's scalar validator on every field.
enum UTF8Scan {
    /// The line ranges of `bytes` (as `TextBuffer` makes them), or nil when the bytes are not
    /// well-formed UTF-8 (Unicode's definition: no overlong forms, surrogates or values above
    /// U+10FFFF — exactly what `String` accepts without repairing).
    static func validatedLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        guard let base = bytes.baseAddress else { return [] }
        let count = bytes.count
        var lines: [Range<Int>] = []
        lines.reserveCapacity(count / 48 + 4)
        var lineStart = 0
        var index = 0
        while index + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let high = word & 0x8080_8080_8080_8080
            // The high bit of each byte of `newlines` is set exactly where a `\n` is (no carries
            // cross bytes: seven-bit values plus 0x7F stay within their byte).
            let other = word ^ 0x0A0A_0A0A_0A0A_0A0A
            var newlines = ~(((other & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | other) & 0x8080_8080_8080_8080
            // ASCII bytes up to the first non-ASCII one (all eight when there is none).
            let asciiBytes = high == 0 ? 8 : high.trailingZeroBitCount >> 3
            if asciiBytes < 8 { newlines &= (1 &<< UInt64(asciiBytes * 8)) &- 1 }
            while newlines != 0 {
                let at = index + newlines.trailingZeroBitCount >> 3
                lines.append(lineStart..<at)
                lineStart = at + 1
                newlines &= newlines &- 1
            }
            index += asciiBytes
            if asciiBytes < 8 {
                guard let length = scalarLength(base, at: index, count: count) else { return nil }
                index += length
            }
        }
        // The last few bytes, one at a time.
        while index < count {
            let byte = base[index]
            if byte < 0x80 {
                if byte == 0x0A {
                    lines.append(lineStart..<index)
                    lineStart = index + 1
                }
                index += 1
            } else {
                guard let length = scalarLength(base, at: index, count: count) else { return nil }
                index += length
            }
        }
        if lineStart < count { lines.append(lineStart..<count) }
        return lines
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
}
