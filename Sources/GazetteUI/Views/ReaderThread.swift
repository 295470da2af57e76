import GazetteCore

/// What the reader shows of an article's thread: the article it answers and its replies.
public struct ReaderThread: Sendable, Equatable {
    /// The title of the article this one replies to, if it is in the archive.
    public var parent: String?
    /// Each reply as `title — author · date`, oldest first.
    public var replies: [String]
    /// How to follow the links, for the reader (`p`, `1`–`9`); nil in `gazette show`.
    public var keysShown: Bool

    public init(parent: String?, replies: [String], keysShown: Bool = true) {
        self.parent = parent
        self.replies = replies
        self.keysShown = keysShown
    }

    /// The thread around store article `index`; nil when it neither replies nor has replies.
    public static func of(_ index: Int, in store: ArticleStore, keysShown: Bool = true) -> ReaderThread? {
        let parent = store.parent(of: index).map { store.articles[$0].title }
        let replies = store.replies(to: index).map { byline(store.articles[$0]) }
        guard parent != nil || !replies.isEmpty else { return nil }
        return ReaderThread(parent: parent, replies: replies, keysShown: keysShown)
    }

    /// `title — author · date`, as replies and related articles are listed.
    static func byline(_ article: Article) -> String {
        let byline = [article.author.map { AuthorName($0).short }, article.date?.isoDay].compactMap { $0 }.filter { !$0.isEmpty }
        return article.title + (byline.isEmpty ? "" : " — " + byline.joined(separator: " · "))
    }

    /// Most replies that have a key of their own (`1`–`9`).
    public static let keyedReplies = 9
}

extension ReaderDocument {
    /// "In reply to: TITLE", shown under the headers.
    static func parentLines(_ thread: ReaderThread?, measure: Int, highlighter: Highlighter?) -> [StyledLine] {
        guard let thread, let parent = thread.parent else { return [] }
        var spans = [StyledSpan("In reply to: ", Styles.headerName)]
        spans += Highlighting.spans(parent, base: Styles.threadLink, highlighter: highlighter)
        if thread.keysShown { spans.append(StyledSpan(" (p)", Styles.label)) }
        return TextWrap.wrap(spans, width: measure)
    }

    /// "Replies (N)" and a numbered line per reply, shown after the body.
    static func replyLines(_ thread: ReaderThread?, measure: Int, highlighter: Highlighter?) -> [StyledLine] {
        guard let thread, !thread.replies.isEmpty else { return [] }
        let count = thread.replies.count
        var heading = [StyledSpan("Replies (\(count))", Styles.heading)]
        if thread.keysShown {
            let keys = count == 1 ? "1 Enter opens it" : "1–\(count) then Enter opens one"
            heading.append(StyledSpan("  " + keys, Styles.label))
        }
        var lines: [StyledLine] = [StyledLine()]
        lines += TextWrap.wrap(heading, width: measure)
        let numberWidth = String(count).count
        for (number, reply) in thread.replies.enumerated() {
            let label = String(number + 1)
            let bullet = String(repeating: " ", count: numberWidth - label.count) + label + ". "
            lines += hangingIndent(Highlighting.spans(reply, base: Styles.threadLink, highlighter: highlighter), bullet: bullet, width: measure)
        }
        return lines
    }
}
