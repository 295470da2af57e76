/// One pass over a file's bytes that both checks they are well-formed UTF-8 and finds the lines.
///
/// Eight bytes are looked at per step: a step with no byte ≥ 0x80 and no `\n` (most of a text
/// file) costs a handful of instructions, so validating and splitting cost about one instruction
/// per byte together, instead of a `memchr` call per line plus the standard library's scalar
/// validator on every field cut out later.
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
        while index < count {
            if index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                if word & 0x8080_8080_8080_8080 == 0 {
                    // All ASCII: the high bit of each byte of `newlines` is set exactly where a `\n` is.
                    let other = word ^ 0x0A0A_0A0A_0A0A_0A0A
                    var newlines = ~(((other & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | other)
                        & 0x8080_8080_8080_8080
                    while newlines != 0 {
                        let at = index + newlines.trailingZeroBitCount >> 3
                        lines.append(lineStart..<at)
                        lineStart = at + 1
                        newlines &= newlines &- 1
                    }
                    index += 8
                    continue
                }
            }
            // Byte by byte to the end of this word (or one scalar past it).
            let stop = min(index + 8, count)
            while index < stop {
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
