extension AppState {
    /// A prompt while it is open: `/` query, `:` command, tags, a view name, a confirmation.
    public struct Prompt: Sendable, Equatable {
        /// What is being typed.
        public var text: String
        /// The kept query when `/` was pressed (Esc restores it).
        public var previous: String
        /// Why `text` does not parse, e.g. `column 4: unbalanced quote`.
        public var error: String?
        /// What the prompt is for: the query, tags, a view's name, a confirmation.
        public var kind: PromptKind = .query

        /// Applies a text-editing key (insert, delete a character or a word, clear); false for
        /// any other action. One place for every prompt's line editing.
        mutating func edit(_ action: Action) -> Bool {
            switch action {
            case .promptInsert(let character):
                text.append(character)
            case .promptDeleteBackward:
                if !text.isEmpty { text.removeLast() }
            case .promptDeleteWord:
                while text.last?.isWhitespace == true { text.removeLast() }
                while let last = text.last, !last.isWhitespace { text.removeLast() }
            case .promptClear:
                text = ""
            default:
                return false
            }
            return true
        }
    }
}
