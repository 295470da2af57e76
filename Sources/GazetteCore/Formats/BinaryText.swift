/// Tells a binary file (an image, an archive, BOM-less UTF-16) from text with a few stray bad bytes.
enum BinaryText {
    /// How much of the decoded start of a file is looked at.
    static let sampleSize = 8192

    /// True when the sample has control characters (not tab, LF, FF) and over 30 % of its characters
    /// are controls or replacement characters from undecodable input. Text never has many controls;
    /// Latin-1 accents alone (replacement characters, no controls) never count as binary.
    static func looksBinary(_ text: TextBuffer) -> Bool {
        let count = min(text.bytes.count, sampleSize)
        // Fast path: text files almost never hold a control byte, and without one nothing is binary.
        let hasControl = hasControlByte(UnsafeBufferPointer(rebasing: text.bytes[0..<count]))
        guard hasControl else { return false }
        // The bytes may be raw (not yet decoded): decode the sample so that invalid sequences
        // count as replacement characters either way.
        let sample = String(decoding: UnsafeBufferPointer(rebasing: text.bytes[0..<count]), as: UTF8.self)
        var characters = 0, suspicious = 0
        for scalar in sample.unicodeScalars {
            characters += 1
            let value = scalar.value
            if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0C) || value == 0x7F || value == 0xFFFD {
                suspicious += 1
            }
        }
        return suspicious * 10 > characters * 3
    }

    /// A byte below 0x20 other than tab, LF and FF, or DEL: the test every loaded file takes.
    @inline(__always)
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C) || byte == 0x7F
    }

    /// Whether `bytes` holds a control byte (`isControl`), eight bytes at a time: a word with no
    /// byte below 0x20 and no DEL (most words of text) is passed in a few instructions, and only
    /// the rest (a line end or tab among its bytes) is looked at byte by byte.
    static func hasControlByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let below20 = (word &- ones &* 0x20) & ~word & highs
            let del = word ^ (ones &* 0x7F)
            let isDEL = (del &- ones) & ~del & highs
            if below20 | isDEL != 0 {
                for k in index..<index + 8 where isControl(bytes[k]) { return true }
            }
            index += 8
        }
        for k in index..<bytes.count where isControl(bytes[k]) { return true }
        return false
    }
}
