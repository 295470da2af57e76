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
        var hasControl = false
        for index in 0..<count {
            let byte = text.bytes[index]
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C) || byte == 0x7F {
                hasControl = true
                break
            }
        }
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
}
