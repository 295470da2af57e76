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
    /// The numbered links and related articles listed at the end (nil in `gazette show`).
    public var extras: ReaderExtras?
    /// Lines of `extras` by index, with what a click on each opens.
    public var targets: [Int: ReaderTarget] = [:]

    /// Body text is never wrapped wider than this, for comfortable reading.
    public static let maxMeasure = 80

    public init(lines: [StyledLine], measure: Int) {
        self.lines = lines
        self.measure = measure
        self.hitLines = lines.indices.filter { index in
            lines[index].spans.contains { $0.style.searchHit }
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
        public static let headerName = Style(.header)
        public static let preformatted = Style(.preformatted)
        public static let signature = Style(.signature, dim: true)
        public static let attribution = Style(.attribution)
        /// Titles of the article replied to and of the replies.
        public static let threadLink = Style(.accent)
        /// The `→` at the end of a verbatim line too wide for the pane.
        public static let clipMarker = Style(.dim, bold: true)

        /// Quotation depth `level` (1…): three colours, cycling.
        public static func quote(_ level: Int) -> Style {
            let roles: [ColorRole] = [.quote1, .quote2, .quote3]
            return Style(roles[(max(1, level) - 1) % roles.count])
        }
    }

    /// Lays out `article` for a pane `width` columns wide, highlighting what `highlighter` finds.
    ///
    /// `measureLimit` caps the text width (the reader keeps a comfortable measure; `gazette show
    /// --width` asks for an exact one). Verbatim lines (tables, signatures) may use the pane's
    /// width right of the centred measure and are clipped with `→` beyond it. `allHeaders`
    /// shows every header (`H`), else only those `HeaderRelevance` finds readable;
    /// `hiddenHeadersHint` says how many are hidden and how to see them. `thread` adds
    /// "In reply to" under the headers and the replies after the body.
    public static func layout(
        _ article: Article, width: Int, highlighter: Highlighter? = nil, measureLimit: Int = maxMeasure,
        allHeaders: Bool = false, readable: ([HeaderField]) -> [HeaderField] = HeaderRelevance.readable,
        hiddenHeadersHint: String? = nil, thread: ReaderThread? = nil, extras: ReaderExtras? = nil
    ) -> ReaderDocument {
        let measure = min(max(0, width), measureLimit)
        guard measure > 0 else { return ReaderDocument(lines: [], measure: 0) }
        // ReaderView centres the measure in the pane; verbatim lines may run to the pane's edge.
        let verbatimWidth = width > measure ? width - (width - measure) / 2 : measure
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

        lines += parentLines(thread, measure: measure, highlighter: highlighter)
        var headers: [HeaderField] = []
        if let link = article.link, !link.isEmpty { headers.append(HeaderField(name: "Link", value: link)) }
        let shown = allHeaders ? article.extraHeaders : readable(article.extraHeaders)
        headers += shown
        for header in headers {
            add([StyledSpan(header.name + ": ", Styles.headerName)] + hl(header.value, Styles.body))
        }
        let hidden = article.extraHeaders.count - shown.count
        if hidden > 0, let hiddenHeadersHint {
            add([StyledSpan(hidden == 1 ? "1 more header (\(hiddenHeadersHint))" : "\(hidden) more headers (\(hiddenHeadersHint))", Styles.label)])
        }

        let blocks = BodyParser.blocks(utf8: article.bodyUTF8)
        lines += BlockLayout(measure: measure, verbatimWidth: verbatimWidth, highlighter: highlighter)
            .lines(blocks, leadInLength: article.leadInLength)
        lines += replyLines(thread, measure: measure, highlighter: highlighter)

        if !article.related.isEmpty {
            blank()
            add([StyledSpan("Related", Styles.heading)])
            for excerpt in article.related {
                blank()
                lines += hangingIndent(hl(excerpt, Styles.body), bullet: "• ", width: measure)
            }
        }
        let start = lines.count
        let end = extrasLines(extras, measure: measure, highlighter: highlighter)
        lines += end.lines
        var document = ReaderDocument(lines: lines, measure: measure)
        document.extras = extras
        document.targets = Dictionary(uniqueKeysWithValues: end.targets.map { (start + $0.key, $0.value) })
        return document
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
