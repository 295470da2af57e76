import GazetteCore

/// An article laid out for the reader at one width: the lines the reader scrolls through.
///
/// The reducer uses it for the total height (scroll limits) and for the lines holding search
/// hits (`n`/`N`); `ReaderView` only draws a window of it.
public struct ReaderDocument: Sendable, Equatable {
    public var lines: [StyledLine]
    /// Indices of lines containing a search hit, ascending.
    public var hitLines: [Int]
    /// The column width the text was wrapped to: min(pane width, `maxMeasure`).
    public var measure: Int

    /// Body text is never wrapped wider than this, for comfortable reading.
    public static let maxMeasure = 80

    public init(lines: [StyledLine], measure: Int) {
        self.lines = lines
        self.measure = measure
        self.hitLines = lines.indices.filter { index in
            lines[index].spans.contains { $0.style.role == .highlight }
        }
    }

    /// The first hit line after `line`, if any.
    public func nextHit(after line: Int) -> Int? { hitLines.first { $0 > line } }
    /// The last hit line before `line`, if any.
    public func previousHit(before line: Int) -> Int? { hitLines.last { $0 < line } }

    /// Styles the reader uses.
    public enum Styles {
        public static let title = Style(.accent, bold: true)
        public static let meta = Style(.dim, dim: true)
        public static let label = Style(.dim, dim: true)
        public static let tag = Style(.tag)
        public static let body = Style.plain
        public static let leadIn = Style(.leadIn, bold: true)
        public static let heading = Style(.accent, bold: true)
    }

    /// Lays out `article` for a pane `width` columns wide, highlighting what `highlighter` finds.
    ///
    /// `measureLimit` caps the text width (the reader keeps a comfortable measure; `gazette show
    /// --width` asks for an exact one).
    public static func layout(
        _ article: Article, width: Int, highlighter: Highlighter? = nil, measureLimit: Int = maxMeasure
    ) -> ReaderDocument {
        let measure = min(max(0, width), measureLimit)
        guard measure > 0 else { return ReaderDocument(lines: [], measure: 0) }
        var lines: [StyledLine] = []
        func add(_ spans: [StyledSpan]) { lines += TextWrap.wrap(spans, width: measure) }
        func hl(_ text: String, _ style: Style) -> [StyledSpan] {
            Highlighting.spans(text, base: style, highlighter: highlighter)
        }
        func blank() { lines.append(StyledLine()) }

        add(hl(article.title, Styles.title))
        var meta: [String] = []
        if let date = article.date { meta.append(date.isoDay) }
        if let author = article.author, !author.isEmpty { meta.append(author) }
        if let comments = article.comments { meta.append(comments == 1 ? "1 comment" : "\(comments) comments") }
        if !meta.isEmpty { add([StyledSpan(meta.joined(separator: " · "), Styles.meta)]) }
        var facets: [StyledSpan] = []
        if !article.categories.isEmpty {
            facets.append(StyledSpan(article.categories.count == 1 ? "Category: " : "Categories: ", Styles.label))
            facets.append(StyledSpan(article.categories.joined(separator: ", "), Styles.tag))
        }
        if !article.tags.isEmpty {
            if !facets.isEmpty { facets.append(StyledSpan(" · ", Styles.label)) }
            facets.append(StyledSpan("Tags: ", Styles.label))
            facets.append(StyledSpan(article.tags.joined(separator: ", "), Styles.tag))
        }
        if !facets.isEmpty { add(facets) }

        for (index, paragraph) in article.paragraphs.enumerated() {
            blank()
            if index == 0, article.leadInLength > 0 {
                let leadIn = String(paragraph.prefix(article.leadInLength))
                let rest = String(paragraph.dropFirst(article.leadInLength))
                add(hl(leadIn, Styles.leadIn) + hl(rest, Styles.body))
            } else {
                add(hl(paragraph, Styles.body))
            }
        }

        var extras: [(String, String)] = []
        if let link = article.link, !link.isEmpty { extras.append(("Link", link)) }
        extras += article.extraHeaders.map { ($0.name, $0.value) }
        if !extras.isEmpty {
            blank()
            for (name, value) in extras {
                add([StyledSpan(name + ": ", Styles.label)] + hl(value, Styles.body))
            }
        }

        if !article.related.isEmpty {
            blank()
            add([StyledSpan("Related", Styles.heading)])
            for excerpt in article.related {
                blank()
                lines += hangingIndent(hl(excerpt, Styles.body), bullet: "• ", width: measure)
            }
        }
        return ReaderDocument(lines: lines, measure: measure)
    }

    /// Wraps with `bullet` before the first line and matching indent before the rest.
    static func hangingIndent(_ spans: [StyledSpan], bullet: String, width: Int) -> [StyledLine] {
        let indent = DisplayWidth.of(bullet)
        guard width > indent + 1 else { return TextWrap.wrap(spans, width: width) }
        let wrapped = TextWrap.wrap(spans, width: width - indent)
        return wrapped.enumerated().map { index, line in
            let prefix = index == 0 ? bullet : String(repeating: " ", count: indent)
            return StyledLine([StyledSpan(prefix, Styles.label)] + line.spans)
        }
    }
}
