/// Tells a binary file (an image, an archive, BOM-less UTF-16) from text with a few stray bad bytes.
enum BinaryText {
    /// How much of the decoded start of a file is looked at.
    static let sampleSize = 8192

    /// True when the sample has control characters (not tab, LF, FF) and over 30 % of its characters
    /// are controls or replacement characters from undecodable input. Text never has many controls;
    /// Latin-1 accents alone (replacement characters, no controls) never count as binary.
    static func looksBinary(_ text: TextBuffer) -> Bool {
        let count = min(text.bytes.count, sampleSize)
        var characters = 0, controls = 0, replacements = 0
        var index = 0
        while index < count {
            let byte = text.bytes[index]
            if byte & 0xC0 != 0x80 { characters += 1 }  // not a continuation byte: one scalar
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C) || byte == 0x7F {
                controls += 1
            } else if byte == 0xEF, index + 2 < text.bytes.count, text.bytes[index + 1] == 0xBF, text.bytes[index + 2] == 0xBD {
                replacements += 1
            }
            index += 1
        }
        return controls > 0 && (controls + replacements) * 10 > characters * 3
    }
}
