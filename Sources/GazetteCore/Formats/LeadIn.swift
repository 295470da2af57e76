/// The blog's lead-in: the capitalised words that open a post (`THE PRESIDENT OF MEXICO has…`).
enum LeadIn {
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
