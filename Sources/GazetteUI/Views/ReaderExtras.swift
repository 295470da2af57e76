import GazetteCore

/// What the reader adds after an article: its links, numbered, and "More like this".
///
/// Links are numbered `[1]`, `[2]`… in reading order (the `Link` header first), as newsboat
/// and newsraft list them; `3o` opens link 3. "More like this" continues the replies'
/// numbering (replies 1–2, then 3, 4…), so one count and Enter opens either.
public struct ReaderExtras: Sendable, Equatable {
    /// The article's URLs, `[1]` first.
    public var links: [String]
    /// Store indices of articles like this one: the dump's teasers found in the archive first, then the most similar.
    public var related: [Int]
    /// Their titles as shown (`title — author · date`).
    public var relatedTitles: [String]
    /// The number of the first related article (after the replies).
    public var firstRelatedNumber: Int

    public init(links: [String], related: [Int] = [], relatedTitles: [String] = [], firstRelatedNumber: Int = 1) {
        self.links = links
        self.related = related
        self.relatedTitles = relatedTitles
        self.firstRelatedNumber = firstRelatedNumber
    }

    /// Most articles listed under "More like this".
    public static let relatedLimit = 5

    /// The extras of store article `index`, with `related` as found by `relatedArticles` (nil:
    /// not known yet, none listed; the reader lays the article out again when they are).
    public static func of(_ index: Int, in store: ArticleStore, replyCount: Int, related: [Int]?) -> ReaderExtras {
        let article = store.articles[index]
        let related = related ?? []
        let titles = related.map { ReaderThread.byline(store.articles[$0]) }
        return ReaderExtras(links: LinkScanner.urls(of: article), related: related, relatedTitles: titles,
                            firstRelatedNumber: replyCount + 1)
    }

    /// "More like this" for store article `index`: the dump's teasers found in the archive
    /// first, then the most similar. Empty until the text index is ready. Its cost grows with
    /// the archive (the postings of the article's words and tags: tens of ms at 1M articles), so
    /// large archives find it off the key path (`AppState.relatedRequest`).
    public static func relatedArticles(of index: Int, in store: ArticleStore) -> [Int] {
        guard store.isTextIndexReady, store.articles.indices.contains(index) else { return [] }
        var related: [Int] = []
        for excerpt in store.articles[index].related {
            if let found = store.article(matchingExcerpt: excerpt, excluding: index), !related.contains(found) { related.append(found) }
        }
        for similar in store.related(toArticle: index, limit: relatedLimit) where !related.contains(similar) {
            related.append(similar)
        }
        return related
    }
}

/// What a line at the end of the reader leads to, for a click on it.
public enum ReaderTarget: Sendable, Equatable {
    /// Link [n] of the "Links" list.
    case link(Int)
    /// Entry n of the reader's numbering (a reply, or "More like this").
    case numbered(Int)
}

extension ReaderDocument {
    /// "More like this" with numbers, then "Links" `[n] URL`, at the end of the article; and the
    /// target of each of those lines (indices into the returned lines).
    static func extrasLines(_ extras: ReaderExtras?, measure: Int, highlighter: Highlighter?) -> (lines: [StyledLine], targets: [Int: ReaderTarget]) {
        guard let extras else { return ([], [:]) }
        var lines: [StyledLine] = []
        var targets: [Int: ReaderTarget] = [:]
        func add(_ entry: [StyledLine], _ target: ReaderTarget) {
            for index in lines.count..<lines.count + entry.count { targets[index] = target }
            lines += entry
        }
        if !extras.related.isEmpty {
            let first = extras.firstRelatedNumber, last = first + extras.related.count - 1
            lines.append(StyledLine())
            lines += TextWrap.wrap([StyledSpan("More like this", Styles.heading),
                                    StyledSpan(first == last ? "  \(first) Enter opens it" : "  \(first)–\(last) then Enter opens one", Styles.label)],
                                   width: measure)
            let numberWidth = String(last).count
            for (offset, title) in extras.relatedTitles.enumerated() {
                let label = String(first + offset)
                let bullet = String(repeating: " ", count: numberWidth - label.count) + label + ". "
                add(hangingIndent(Highlighting.spans(title, base: Styles.threadLink, highlighter: highlighter), bullet: bullet, width: measure),
                    .numbered(first + offset))
            }
        }
        if !extras.links.isEmpty {
            lines.append(StyledLine())
            lines += TextWrap.wrap([StyledSpan("Links", Styles.heading), StyledSpan("  o opens, 3o opens [3], y copies", Styles.label)],
                                   width: measure)
            let numberWidth = String(extras.links.count).count + 2
            for (offset, url) in extras.links.enumerated() {
                let label = "[\(offset + 1)]"
                let bullet = String(repeating: " ", count: numberWidth - label.count) + label + " "
                // URLs are one long word: the wrap breaks them at the measure.
                add(hangingIndent([StyledSpan(TerminalSafeText.sanitize(url), Styles.body)], bullet: bullet, width: measure), .link(offset + 1))
            }
        }
        return (lines, targets)
    }
}
