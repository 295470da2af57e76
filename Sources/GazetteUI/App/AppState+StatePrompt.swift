import GazetteCore

/// The prompts reader state asks with: tags, a view's name, yes/no questions.
extension AppState {
    /// Keys while a prompt other than the query is open.
    mutating func reduceStatePrompt(_ action: Action) -> [Effect] {
        guard var prompt else { return [] }
        if prompt.kind.isConfirmation {
            self.prompt = nil
            guard case .promptInsert(let character) = action, character == "y" || character == "Y" else {
                message = "Cancelled"
                return []
            }
            return confirmed(prompt.kind)
        }
        switch action {
        case .promptComplete:
            if case .tags = prompt.kind { prompt.text = completeTag(prompt.text) }
            if case .pipe = prompt.kind { prompt.text = completePipe(prompt.text) }
        case .promptCancel:
            self.prompt = nil
            return []
        case .promptSubmit:
            self.prompt = nil
            return submitted(prompt)
        default:
            guard prompt.edit(action) else { return [] }
        }
        prompt.error = nil
        self.prompt = prompt
        return []
    }

    private mutating func confirmed(_ kind: PromptKind) -> [Effect] {
        switch kind {
        case .confirmMarkRead:
            guard let overlay else { return [] }
            let ids = result.indices.filter { !overlay.isRead(Int($0)) }.map { store.articles.id(at: Int($0)).description }
            let noun = ids.count == 1 ? "article" : "articles"
            return [.changeState(StateChange(edits: ids.map { .read(id: $0, value: true) }, label: "Marked \(ids.count) \(noun) read"))]
        case .confirmDeleteView(let name):
            return [.deleteView(name)]
        default:
            return []
        }
    }

    private mutating func submitted(_ prompt: Prompt) -> [Effect] {
        let text = prompt.text.trimmingCharacters(in: .whitespaces)
        switch prompt.kind {
        case .tags(let article):
            let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
            guard !words.isEmpty, article < store.count else { return [] }
            var edits: [StateEdit] = []
            for word in words {
                let remove = word.hasPrefix("-")
                let tag = (remove || word.hasPrefix("+")) ? String(word.dropFirst()) : word
                guard !tag.isEmpty, !tag.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { continue }
                edits.append(store.tagEdit(article, tag, add: !remove))
            }
            return [.changeState(StateChange(edits: edits, label: "Tags: " + words.joined(separator: " ")))]
        case .viewName:
            guard !text.isEmpty, !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                message = "A view needs a name"
                return []
            }
            return [.saveView(SavedView(name: text, query: activeQueryText))]
        case .renameView(let old):
            guard !text.isEmpty, text != old else { return [] }
            return [.renameView(from: old, to: text)]
        case .pipe(let article):
            return pipeSubmitted(text, article: article)
        default:
            return []
        }
    }

    /// Completes the last word of a tag prompt (`+cov` → `+covert action`) from the known tags;
    /// several candidates: their common prefix, and the status line lists a few.
    private mutating func completeTag(_ text: String) -> String {
        let start = text.lastIndex(where: \.isWhitespace).map { text.index(after: $0) } ?? text.startIndex
        var word = String(text[start...])
        var sign = ""
        if let first = word.first, first == "+" || first == "-" {
            sign = String(first)
            word.removeFirst()
        }
        let lower = word.lowercased()
        let candidates = store.knownTags(overlay: overlay).filter { $0.lowercased().hasPrefix(lower) }
        guard let first = candidates.first else {
            message = "No tag starts with '\(word)'"
            return text
        }
        var common = first.lowercased()
        for candidate in candidates.dropFirst() {
            common = String(zip(common, candidate.lowercased()).prefix { $0 == $1 }.map(\.0))
        }
        let completion = candidates.count == 1 ? first : String(first.prefix(common.count))
        if candidates.count > 1 {
            message = candidates.prefix(6).joined(separator: ", ") + (candidates.count > 6 ? ", …" : "")
        }
        return String(text[..<start]) + sign + completion
    }
}
