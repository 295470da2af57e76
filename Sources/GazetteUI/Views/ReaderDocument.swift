import GazetteCore

/// An article laid out for the reader at one width: the lines the reader scrolls through.
///
/// The reducer uses it for the total height (scroll limits) and for the lines holding search
/// hits (`n`/`N`); `ReaderView` only draws a window of it. A document made by `layout` holds
/// every line; one made by `lazyLayout` holds the lines above and below the body and lays the
/// body out a slot at a time (`ReaderBody`) as the reader scrolls to it, its line count and
/// positions estimated until every slot has been seen (`isEstimated`).
public struct ReaderDocument: Sendable, Equatable {
    /// Lines above the body (title, meta, headers); with `layout`, every line.
    var head: [StyledLine]
    /// The body, laid out on demand; nil when `head` holds everything.
    var body: ReaderBody?
    /// Lines below the body (replies, related articles).
    var tail: [StyledLine]
    /// The column width the text was wrapped to: min(pane width, `maxMeasure`).
    public var measure: Int
    /// Lines of `head` and of `tail` holding a search hit.
    var headHits: [Int]
    var tailHits: [Int]
    /// The numbered links and related articles listed at the end (nil in `gazette show`).
    public var extras: ReaderExtras?
    /// Lines of `extras` by index within `tail`, with what a click on each opens.
    var tailTargets: [Int: ReaderTarget] = [:]

    /// Lines of `extras` by index, with what a click on each opens (they follow the body, so
    /// their indices are estimates while the body's are).
    public var targets: [Int: ReaderTarget] {
        let base = head.count + (body?.lineCount ?? 0)
        return Dictionary(uniqueKeysWithValues: tailTargets.map { (base + $0.key, $0.value) })
    }

    /// Body text is never wrapped wider than this, for comfortable reading.
    public static let maxMeasure = 80

    public init(lines: [StyledLine], measure: Int) {
        self.init(head: lines, body: nil, tail: [], measure: measure)
    }

    init(head: [StyledLine], body: ReaderBody?, tail: [StyledLine], measure: Int) {
        self.head = head
        self.body = body
        self.tail = tail
        self.measure = measure
        headHits = Self.hitIndices(head)
        tailHits = Self.hitIndices(tail)
    }

    /// Indices of the lines holding a search hit.
    static func hitIndices(_ lines: [StyledLine]) -> [Int] {
        lines.indices.filter { index in lines[index].spans.contains { $0.style.searchHit } }
    }

    public static func == (lhs: ReaderDocument, rhs: ReaderDocument) -> Bool {
        lhs.measure == rhs.measure && lhs.lineCount == rhs.lineCount && lhs.lines == rhs.lines
    }

    /// Lines of the document: exact once complete, else an estimate.
    public var lineCount: Int { head.count + (body?.lineCount ?? 0) + tail.count }

    /// Lines laid out and held now: what opening or scrolling a long article has cost so far.
    public var linesLaidOut: Int { head.count + (body?.residentLines ?? 0) + tail.count }

    /// Whether some of the body has not been laid out yet, so counts and positions are estimates.
    public var isEstimated: Bool { !(body?.isComplete ?? true) }

    /// Every line, in order (the body laid out where it is not yet, nothing kept): for whole
    /// renderings and tests. The reader uses `line(at:)`.
    public var lines: [StyledLine] {
        var all = head
        forEachBodyLine { all.append($0) }
        return all + tail
    }

    /// Calls `body` with each line of the body in order, laying out what is not yet laid out
    /// a slot at a time and keeping none of it: memory stays bounded by one slot.
    public func forEachBodyLine(_ visit: (StyledLine) -> Void) {
        body?.forEachSlotLines { $0.forEach(visit) }
    }

    /// Calls `body` with the body's text a slot at a time (lines ended by `\n`), laid out as
    /// plain text without styled lines: the text of `forEachBodyLine`'s lines, byte for byte.
    public func forEachBodyText(_ visit: ([UInt8]) -> Void) {
        body?.forEachSlotText(visit)
    }

    /// The lines above the body, then those below it.
    public var linesAroundBody: (above: [StyledLine], below: [StyledLine]) { (head, tail) }

    /// Indices of lines containing a search hit, ascending: every hit once complete, else
    /// those in the parts laid out so far.
    public var hitLines: [Int] {
        var hits = headHits
        var base = head.count
        if let body {
            for slot in 0..<body.slotCount {
                hits += (body.hits(ofSlot: slot) ?? []).map { base + $0 }
                base += body.count(slot)
            }
        }
        return hits + tailHits.map { base + $0 }
    }

    /// The first hit line after `line`, if any (among the lines laid out).
    public func nextHit(after line: Int) -> Int? { hitLines.first { $0 > line } }
    /// The last hit line before `line`, if any (among the lines laid out).
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
        let lazy = lazyLayout(
            article, width: width, highlighter: highlighter, measureLimit: measureLimit, allHeaders: allHeaders, readable: readable,
            hiddenHeadersHint: hiddenHeadersHint, thread: thread, extras: extras, slotBytes: max(1, article.bodyUTF8.count),
            eagerBytes: -1)
        guard let body = lazy.body else { return lazy }
        // The whole body parsed and wrapped at once: the reference the lazy layout equals.
        var whole = lazy
        whole.head += ReaderBody.lines(of: body.bytes, range: 0..<body.bytes.count, layout: body.layout, leadIn: body.leadInLength)
        whole.body = nil
        whole.headHits = hitIndices(whole.head)
        return whole
    }

    /// Bytes per slot of a lazily laid-out body: about a screenful of wrapped text several
    /// times over, and a few milliseconds of parsing and wrapping.
    public static let slotBytes = 4 * 1024
    /// Bodies up to this size are laid out whole when opened (their counts exact at once).
    public static let eagerBytes = 32 * 1024

    /// Like `layout`, but the body is laid out a slot of `slotBytes` at a time as the reader
    /// asks for it (`prepare`), except a body of at most `eagerBytes`, laid out at once.
    public static func lazyLayout(
        _ article: Article, width: Int, highlighter: Highlighter? = nil, measureLimit: Int = maxMeasure,
        allHeaders: Bool = false, readable: ([HeaderField]) -> [HeaderField] = HeaderRelevance.readable,
        hiddenHeadersHint: String? = nil, thread: ReaderThread? = nil, extras: ReaderExtras? = nil,
        slotBytes: Int = slotBytes, eagerBytes: Int = eagerBytes
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
        if let author = article.author, !author.isEmpty { meta.append(AuthorName(author).full) }
        if let comments = article.comments { meta.append(comments == 1 ? "1 comment" : "\(comments) comments") }
        if !meta.isEmpty { add([StyledSpan(meta.joined(separator: " · "), Styles.meta)]) }
        var facets: [StyledSpan] = []
        if !article.categories.isEmpty {
            facets.append(StyledSpan(article.categories.count == 1 ? "Category: " : "Categories: ", Styles.label))
            facets.append(StyledSpan(FacetListText.join(article.categories), Styles.tag))
        }
        if !article.tags.isEmpty {
            if !facets.isEmpty { facets.append(StyledSpan(" · ", Styles.label)) }
            facets.append(StyledSpan("Tags: ", Styles.label))
            facets.append(StyledSpan(FacetListText.join(article.tags), Styles.tag))
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

        let head = lines
        lines = replyLines(thread, measure: measure, highlighter: highlighter)

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
        var body = ReaderBody(
            bytes: article.bodyUTF8, leadInLength: article.leadInLength,
            layout: BlockLayout(measure: measure, verbatimWidth: verbatimWidth, highlighter: highlighter),
            slotBytes: slotBytes)
        if article.bodyUTF8.count <= eagerBytes {
            for slot in 0..<body.slotCount { body.layOut(slot) }
        }
        var document = ReaderDocument(head: head, body: body, tail: lines, measure: measure)
        document.extras = extras
        document.tailTargets = Dictionary(uniqueKeysWithValues: end.targets.map { (start + $0.key, $0.value) })
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
