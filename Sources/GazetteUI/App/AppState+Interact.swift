import GazetteCore

/// Counts, links, pipe and edit: the keys that hand an article to other programs.
///
/// The reducer only decides; the run loop starts the browser, writes the clipboard sequence
/// and suspends the screen for a pipe or an editor (`Effect.openURL`, `.pipe`, `.edit`…).
extension AppState {
    /// Most digits a count keeps (a 4th digit starts nothing useful).
    static let countLimit = 999

    /// The interaction keys; nil for any other action.
    mutating func reduceInteraction(_ action: Action) -> [Effect]? {
        switch action {
        case .countDigit(let digit):
            let count = (pendingCount ?? 0) * 10 + digit
            guard count > 0 else {
                message = "A count starts with 1–9 (0 follows: 10o opens link [10])"
                return []
            }
            pendingCount = min(count, Self.countLimit)
            message = "\(pendingCount!) — o opens link [\(pendingCount!)], Enter opens entry \(pendingCount!)"
            return []
        case .openNumbered:
            guard options.focus == .reader else { return nil }
            guard let count = pendingCount else {
                message = "Type a number, then Enter: replies and More like this are numbered"
                return []
            }
            openNumbered(count)
            return []
        case .openLink, .copyLink:
            guard let url = link(numbered: pendingCount) else { return [] }
            if action == .copyLink {
                message = "Copied " + url
                return [.copyToClipboard(url)]
            }
            message = "Opening " + url
            return [.openURL(url)]
        case .pipeArticle:
            guard let article = interactionArticle else { message = "No article to pipe"; return [] }
            prompt = Prompt(text: "", previous: "", error: nil, kind: .pipe(article: article))
            return []
        case .editSource:
            guard let article = interactionArticle else { message = "No article to edit"; return [] }
            let source = store.articles[article].source
            message = "Editing " + source.path
            return [.edit(path: source.path, line: source.line)]
        default:
            return nil
        }
    }

    /// The article links, pipe and edit act on: the one in the reader, else the list's selection.
    var interactionArticle: Int? { reader.article ?? selectedArticle }

    /// The numbered links and related articles of the current article (the reader's, when laid out).
    var currentExtras: ReaderExtras? {
        guard let article = interactionArticle else { return nil }
        if reader.article == article, let extras = reader.document?.extras { return extras }
        return ReaderExtras(links: LinkScanner.urls(of: store.articles[article]))
    }

    /// Link [number], or with no number the article's own link (its `Link` header, else [1]).
    private mutating func link(numbered number: Int?) -> String? {
        guard let links = currentExtras?.links, !links.isEmpty else {
            message = "No links in this article"
            return nil
        }
        guard let number else {
            // Its own link, wherever the body's numbered links put it in the list.
            return interactionArticle.flatMap { LinkScanner.link(of: store.articles[$0]) } ?? links[0]
        }
        guard number >= 1, number <= links.count else {
            message = "No link [\(number)]: \(links.count == 1 ? "only [1]" : "links are [1]–[\(links.count)]")"
            return nil
        }
        return links[number - 1]
    }

    /// `N` Enter in the reader: reply N, or "More like this" entry N (numbered after the replies).
    private mutating func openNumbered(_ number: Int) {
        guard let article = reader.article else { return }
        let replies = store.replies(to: article)
        if number >= 1, number <= replies.count {
            open(replies[number - 1])
            return
        }
        let extras = currentExtras
        let related = extras?.related ?? []
        let first = extras?.firstRelatedNumber ?? replies.count + 1
        guard number >= first, number < first + related.count else {
            let total = replies.count + related.count
            message = total == 0 ? "Nothing numbered here (no replies, nothing like it yet)" : "Numbered entries are 1–\(total)"
            return
        }
        open(related[number - first])
    }

    /// The `|` prompt's command: a `[pipe]` name runs its command; anything else runs as typed.
    mutating func pipeSubmitted(_ text: String, article: Int) -> [Effect] {
        guard !text.isEmpty else {
            message = "Cancelled"
            return []
        }
        let command = settings.pipe.command(named: text)?.command ?? text
        return [.pipe(command: command, article: article)]
    }

    /// Tab in the `|` prompt: completes a `[pipe]` name from the config.
    mutating func completePipe(_ text: String) -> String {
        let names = settings.pipe.commands.map(\.name).filter { $0.hasPrefix(text) }
        guard let first = names.first else {
            message = settings.pipe.commands.isEmpty ? "No [pipe] commands in the config" : "No [pipe] name starts with '\(text)'"
            return text
        }
        guard names.count > 1 else { return first }
        message = names.prefix(6).joined(separator: ", ") + (names.count > 6 ? ", …" : "")
        var common = first
        for name in names.dropFirst() { common = String(zip(common, name).prefix { $0 == $1 }.map(\.0)) }
        return common
    }
}
