/// The blog's lead-in: the capitalised words that open a post (`THE PRESIDENT OF MEXICO has…`).
enum LeadIn {
    /// `length(of:)` of the first paragraph of `body` (UTF-8, paragraphs separated by `\n`).
    ///
    /// Works on bytes while the words it looks at are ASCII (then a byte is a `Character`, and
    /// `isUppercase` / `isLowercase` mean A–Z / a–z); any other byte on the way sends the
    /// paragraph to the `Character`-based version, so the result is always the same.
    static func length(ofFirstParagraphIn body: [UInt8]) -> Int {
        body.withUnsafeBufferPointer { buffer in
            let end = buffer.firstIndex(of: 0x0A) ?? buffer.count
            return asciiLength(UnsafeBufferPointer(rebasing: buffer[..<end]))
                ?? length(of: String(decoding: buffer[..<end], as: UTF8.self))
        }
    }

    /// The lead-in length when every byte examined is ASCII; nil as soon as one is not.
    static func asciiLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        var end = 0, words = 0, capitals = 0, lastWordLetters = 0
        var index = 0
        while index < count {
            var wordEnd = index
            var upper = 0, lower = 0
            while wordEnd < count, bytes[wordEnd] != 0x20 {
                let byte = bytes[wordEnd]
                guard byte < 0x80 else { return nil }
                if byte >= 0x41, byte <= 0x5A { upper += 1 } else if byte >= 0x61, byte <= 0x7A { lower += 1 }
                wordEnd += 1
            }
            // " " followed by a combining mark is not a space `Character`: the word would go on.
            if wordEnd + 1 < count, bytes[wordEnd + 1] >= 0x80 { return nil }
            guard upper > 0, lower == 0 else { break }
            words += 1
            capitals += upper
            lastWordLetters = upper
            end = wordEnd
            index = wordEnd
            while index < count, bytes[index] == 0x20 { index += 1 }
        }
        guard capitals >= 2, words >= 2 || lastWordLetters >= 5 else { return 0 }
        while end > 0, bytes[end - 1] == 0x2C || bytes[end - 1] == 0x3B || bytes[end - 1] == 0x3A || bytes[end - 1] == 0x2D {
            end -= 1
        }
        return end
    }

    /// Length in `Character`s of the lead-in at the start of `paragraph`; 0 when it opens in mixed case.
    ///
    /// A word belongs to the lead-in when it has an upper-case letter and no lower-case one.
    /// At least two capitals are needed, and a lone word needs five letters, so an acronym
    /// opening a sentence (`US officials said`, `NATO warned`) is not taken for a lead-in.
    static func length(of paragraph: String) -> Int {
        var end = paragraph.startIndex
        var words = 0, capitals = 0, lastWordLetters = 0
        var index = paragraph.startIndex
        while index < paragraph.endIndex {
            // One word: up to the next space.
            var wordEnd = index
            var upper = 0, lower = 0
            while wordEnd < paragraph.endIndex, paragraph[wordEnd] != " " {
                let character = paragraph[wordEnd]
                if character.isUppercase { upper += 1 } else if character.isLowercase { lower += 1 }
                wordEnd = paragraph.index(after: wordEnd)
            }
            guard upper > 0, lower == 0 else { break }
            words += 1
            capitals += upper
            lastWordLetters = upper
            end = wordEnd
            index = wordEnd
            while index < paragraph.endIndex, paragraph[index] == " " { index = paragraph.index(after: index) }
        }
        guard capitals >= 2, words >= 2 || lastWordLetters >= 5 else { return 0 }
        // Punctuation that closes the lead-in ("WASHINGTON," / "MOSCOW —") is not part of it.
        while end > paragraph.startIndex {
            let before = paragraph.index(before: end)
            guard ",;:—–-".contains(paragraph[before]) else { break }
            end = before
        }
        return paragraph[..<end].count
    }
}
