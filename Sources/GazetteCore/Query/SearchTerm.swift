/// One full-text search word, already folded; a prefix term (`cartel*`) matches any word it starts.
public struct SearchTerm: Sendable, Hashable {
    /// The word as `TextFolding` folds it (lower-case, no diacritics).
    public var folded: String
    /// True for `word*`: matches every word that starts with `folded`.
    public var isPrefix: Bool

    /// A term from an already folded word.
    public init(folded: String, isPrefix: Bool = false) {
        self.folded = folded
        self.isPrefix = isPrefix
    }

    /// Whether a folded word from the text (see `TextFolding.words`) is matched by this term.
    public func matches(foldedWord: String) -> Bool {
        isPrefix ? foldedWord.utf8.starts(with: folded.utf8) : foldedWord.utf8.elementsEqual(folded.utf8)
    }
}
