/// The common line of prose, counted eight bytes a step: most lines of a body have no column
/// gap, no drawing and no `+`, and for those `LineTraits` needs only three counts.
extension LineTraits {
    /// Counts of a line with words separated by single spaces.
    struct PlainCounts {
        /// Bytes that are ASCII letters or not ASCII (`isLetter`).
        var letters = 0
        /// Characters other than spaces (UTF-8 lead bytes).
        var visible = 0
        var spaces = 0
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let high: UInt64 = 0x8080_8080_8080_8080
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each byte of `word` equal to `byte`, exactly (no borrow between lanes).
    @inline(__always)
    private static func lanes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return ~(((difference & low7) &+ low7) | difference) & high
    }

    /// The counts of `bytes[start..<end]` (trimmed: no space at either end), or nil when the line
    /// needs the full reading: a tab, two spaces together, a `+`, a byte 0xE2 (box drawing and
    /// much else) or a first character that could start a rule or a `|…|` line.
    static func plainCounts(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> PlainCounts? {
        guard start < end, let base = bytes.baseAddress, byteClasses[Int(bytes[start])] & ruleFlag == 0 else { return nil }
        var counts = PlainCounts()
        let raw = UnsafeRawPointer(base)
        var index = start
        var previousSpace: UInt64 = 0  // the last byte of the previous step was a space (bit 7)
        while index + 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let spaces = lanes(word, equalTo: 0x20)
            let refused = lanes(word, equalTo: 0x09) | lanes(word, equalTo: 0xE2) | lanes(word, equalTo: UInt8(ascii: "+"))
            // Two spaces together: in neighbouring lanes, or across the step.
            if refused | (spaces & (spaces >> 8)) | (spaces & previousSpace) != 0 { return nil }
            previousSpace = spaces >> 56
            // ASCII letters: `x | 0x20` in `a`…`z`, for bytes below 0x80; every byte above is a letter.
            let folded = (word | (ones &* 0x20)) & low7
            let atLeastA = (folded &+ ones &* (0x80 - 0x61)) & high
            let atMostZ = ~(folded &+ ones &* (0x80 - 0x7B)) & high
            let letters = (atLeastA & atMostZ & ~word) | (word & high)
            let continuation = word & ~(word << 1) & high
            counts.letters += letters.nonzeroBitCount
            counts.spaces += spaces.nonzeroBitCount
            counts.visible += 8 - continuation.nonzeroBitCount - spaces.nonzeroBitCount
            index += 8
        }
        var lastWasSpace = previousSpace != 0
        while index < end {
            let byte = bytes[index]
            if byte == 0x09 || byte == 0xE2 || byte == UInt8(ascii: "+") { return nil }
            if byte == 0x20 {
                if lastWasSpace { return nil }
                counts.spaces += 1
                lastWasSpace = true
            } else {
                lastWasSpace = false
                if isLetter(byte) { counts.letters += 1 }
                if byte & 0xC0 != 0x80 { counts.visible += 1 }
            }
            index += 1
        }
        return counts
    }
}
