import Foundation
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
            let words = TagPromptWords.parse(text)
            guard !words.isEmpty, article < store.count else { return [] }
            var edits: [StateEdit] = []
            for word in words {
                guard !word.tag.isEmpty, !word.tag.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { continue }
                edits.append(store.tagEdit(article, word.tag, add: !word.remove))
            }
            return [.changeState(StateChange(edits: edits, label: "Tags: " + words.map(\.written).joined(separator: " ")))]
        case .viewName:
            guard !text.isEmpty, !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                message = "A view needs a name"
                return []
            }
            return [.saveView(SavedView(name: text, query: activeQueryText))]
        case .renameView(let old):
            guard !text.isEmpty, text != old else { return [] }
            // The selected view stays selected under its new name (a taken name fails the rename).
            if activeView == .saved(old), !allViews.contains(where: { $0.name == text }) { activeView = .saved(text) }
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
        // The word being typed: the last one, unless the text ends in a space outside quotes.
        let last = TagPromptWords.parse(text).last.flatMap { $0.range.upperBound == text.endIndex ? $0 : nil }
        let start = last?.range.lowerBound ?? text.endIndex
        let sign = last.map { $0.written.hasPrefix("+") ? "+" : $0.written.hasPrefix("-") ? "-" : "" } ?? ""
        let word = last?.typed ?? ""
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
        // A tag with a space is written in quotes (left open while it is not complete yet).
        let quoted = completion.contains(where: \.isWhitespace) || (last?.quoted ?? false)
        let written = quoted ? "\"" + completion + (candidates.count == 1 ? "\"" : "") : completion
        return String(text[..<start]) + sign + written
    }
}

/// The words of the tag prompt: `+tag`, `-tag` or a bare tag (added), a tag with spaces in
/// double quotes (`+"Cold War"`, `-"covert action"`; an unclosed quote runs to the end).
enum TagPromptWords {
    struct Word: Equatable {
        /// The tag, without sign or quotes (and spaces around it).
        var tag: String
        /// The tag as typed so far, spaces kept (what completion extends).
        var typed: String
        var remove: Bool
        /// Whether the tag was quoted.
        var quoted: Bool
        /// The word as typed.
        var written: String
        var range: Range<String.Index>
    }

    static func parse(_ text: String) -> [Word] {
        var words: [Word] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard !text[index].isWhitespace else {
                index = text.index(after: index)
                continue
            }
            let start = index
            var remove = false
            if text[index] == "+" || text[index] == "-" {
                remove = text[index] == "-"
                index = text.index(after: index)
            }
            var tag = ""
            var quoted = false
            if index < text.endIndex, text[index] == "\"" {
                quoted = true
                index = text.index(after: index)
                while index < text.endIndex, text[index] != "\"" {
                    tag.append(text[index])
                    index = text.index(after: index)
                }
                if index < text.endIndex { index = text.index(after: index) }
            } else {
                while index < text.endIndex, !text[index].isWhitespace {
                    tag.append(text[index])
                    index = text.index(after: index)
                }
            }
            let trimmed = tag.trimmingCharacters(in: .whitespaces)
            words.append(Word(tag: trimmed, typed: tag, remove: remove, quoted: quoted, written: String(text[start..<index]), range: start..<index))
        }
        return words
    }
}
