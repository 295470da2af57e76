/// The byte-level word scanner shared by the index, phrase verification, highlighting and queries.
///
/// A word is a maximal run of letters, digits and combining marks, except that each Chinese
/// character and each kana is a word of its own: Chinese and Japanese put no spaces between
/// words, so a run is a whole sentence; one character a word makes `東京` a two-word phrase
/// that finds the city in any sentence. ASCII bytes are classified by table; only non-ASCII
/// sequences are decoded, so English text never leaves the fast path.
enum Tokenizer {
    /// Calls `body(start, end, isASCII)` for each word in `bytes` (byte offsets, end exclusive).
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Bool) -> Void) {
        let count = bytes.count
        var i = 0
        var start = -1
        var ascii = true
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                if isASCIIWordByte(byte) {
                    if start < 0 { start = i; ascii = true }
                } else if start >= 0 {
                    body(start, i, ascii)
                    start = -1
                }
                i += 1
                continue
            }
            let (scalar, length) = decode(bytes, at: i)
            if let scalar, isWordScalar(scalar) {
                if isIdeographic(scalar) {
                    if start >= 0 { body(start, i, ascii) }
                    let end = afterMarks(bytes, from: i + length)
                    body(i, end, false)
                    start = -1
                    i = end
                    continue
                }
                if start < 0 { start = i }
                ascii = false
            } else if start >= 0 {
                body(start, i, ascii)
                start = -1
            }
            i += length
        }
        if start >= 0 { body(start, count, ascii) }
    }

    /// The first word at or after byte `from`, as `(start, end, isASCII)`.
    static func nextWord(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> (Int, Int, Bool)? {
        var i = from
        var start = -1
        var ascii = true
        while i < bytes.count {
            let byte = bytes[i]
            var length = 1
            let isWord: Bool
            if byte < 0x80 {
                isWord = isASCIIWordByte(byte)
            } else {
                let (scalar, size) = decode(bytes, at: i)
                length = size
                isWord = scalar.map(isWordScalar) ?? false
                if isWord, let scalar, isIdeographic(scalar) {
                    // A word of its own (with the marks on it): ends the word before it, or is the word.
                    return start >= 0 ? (start, i, ascii) : (i, afterMarks(bytes, from: i + length), false)
                }
                if isWord { ascii = false }
            }
            if isWord {
                if start < 0 { start = i }
            } else if start >= 0 {
                return (start, i, ascii)
            }
            i += length
        }
        return start >= 0 ? (start, bytes.count, ascii) : nil
    }

    @inline(__always)
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte &- 0x30) < 10 || ((byte | 0x20) &- 0x61) < 26
    }

    /// Where the combining marks and variation selectors from `index` end (a decomposed が is
    /// か and U+3099; 葛󠄀 carries a selector): they belong to the character before them.
    static func afterMarks(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var end = index
        while end < bytes.count, bytes[end] >= 0x80 {
            let (scalar, length) = decode(bytes, at: end)
            guard let scalar else { break }
            let value = scalar.value
            let isMark = (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) || {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .enclosingMark, .spacingMark: return true
                default: return false
                }
            }()
            guard isMark else { break }
            end += length
        }
        return end
    }

    /// Chinese characters (CJK Unified Ideographs and their extensions, compatibility ideographs)
    /// and kana (not the combining voiced marks U+3099–U+309C): each one a word. Hangul is
    /// written with spaces and stays in runs.
    @inline(__always)
    static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x3040 else { return false }
        return (0x3040...0x3098).contains(value) || (0x309D...0x30FF).contains(value) || (0x31F0...0x31FF).contains(value)
            || (0x3400...0x4DBF).contains(value)
            || (0x4E00...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFF66...0xFF9F).contains(value)
            || (0x20000...0x3134F).contains(value)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        // Latin-1, Latin Extended-A/B and combining diacritics by range: the category lookup is slow.
        let value = scalar.value
        if value < 0xC0 {
            // ª ² ³ µ ¹ º ¼ ½ ¾ are letters or numbers; the rest of 0x80–0xBF is punctuation and symbols.
            return value == 0xAA || value == 0xB2 || value == 0xB3 || value == 0xB5 || value == 0xB9
                || value == 0xBA || (0xBC...0xBE).contains(value)
        }
        if value < 0x250 { return value != 0xD7 && value != 0xF7 }
        if (0x300...0x36F).contains(value) { return true }
        // General Punctuation (spaces, dashes, curly quotes, bullets, ‰): never part of a word.
        if (0x2000...0x206F).contains(value) { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Decodes one UTF-8 sequence at `i`; invalid input yields `nil` and skips one byte.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar?, Int) {
        let lead = UInt32(bytes[i])
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = lead & 0x1F
        case 0xE0...0xEF: length = 3; value = lead & 0x0F
        case 0xF0...0xF4: length = 4; value = lead & 0x07
        default: return (nil, 1)
        }
        guard i + length <= bytes.count else { return (nil, 1) }
        for k in 1..<length {
            let next = UInt32(bytes[i + k])
            guard next & 0xC0 == 0x80 else { return (nil, 1) }
            value = (value << 6) | (next & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return (nil, 1) }
        return (scalar, length)
    }
}
