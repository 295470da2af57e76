import GazetteCore

/// Everything the browser shows, as a value: the reducer changes it, `render` draws it.
///
/// The store is shared by reference (immutable); the current `QueryResult` is evaluated once per
/// query, sort or filter change, never per frame.
public struct AppState: Sendable {
    /// The `/` prompt while it is open.
    public struct Prompt: Sendable, Equatable {
        /// What is being typed.
        public var text: String
        /// The kept query when `/` was pressed (Esc restores it).
        public var previous: String
        /// Why `text` does not parse, e.g. `column 4: unbalanced quote`.
        public var error: String?
    }

    /// The loaded articles (shared, immutable).
    public let store: ArticleStore
    /// Problems found while loading, as `path:line: reason`.
    public let warnings: [LoadWarning]
    /// Articles dropped as duplicates while loading.
    public let duplicates: [DuplicateArticle]
    /// The warnings overlay's lines: each warning as `path:line: reason`, then dropped duplicates
    /// (as `gazette check` words them; the status bar counts only the warnings).
    public let warningLines: [String]
    /// Sidebar marks (they combine with the typed query by AND).
    public private(set) var marks = FacetMarks()
    /// The typed query kept with Enter.
    public private(set) var keptQuery = ""
    /// The typed query the current result was evaluated with (the prompt's last good text).
    public private(set) var appliedQuery = ""
    /// A typed query waiting for the full-text index (built in the background on large archives);
    /// the list keeps the last result until `.textIndexReady`.
    public private(set) var pendingQuery: String?
    /// The prompt, while open.
    public internal(set) var prompt: Prompt?
    /// The articles the filter selects, evaluated once per filter or sort change.
    public private(set) var result: QueryResult
    /// The order chosen with `s`; nil until then: relevance when the query has words, else date.
    public internal(set) var sortChoice: SortOrder?
    /// Whether the applied query has full-text words (what the automatic order depends on).
    public private(set) var queryHasWords = false
    /// The order of the list now.
    public var sort: SortOrder { sortChoice ?? (queryHasWords ? .relevance : .date) }
    /// Full-text words of the applied query, highlighted in the list and the reader.
    public private(set) var highlightTerms: [SearchTerm] = []
    /// Selection and scroll of the article list, over `result`.
    public internal(set) var list: ListViewport
    /// The article selected in the list; it stays selected across result changes when still there.
    public private(set) var selectedID: ArticleID?
    /// Facet entries, cursor and scroll of the sidebar.
    public internal(set) var sidebar = SidebarState()
    /// The article in the reader, its cached layout and scroll position.
    public internal(set) var reader = ReaderState()
    /// `H`: the reader shows every header, routing noise included.
    public internal(set) var showsAllHeaders = false
    /// `T`: the list shows replies indented under their parents.
    public internal(set) var threaded = false
    /// The list's order and indentation while `threaded`; nil when flat (the result's order).
    public private(set) var threadOrder: ThreadedList?
    /// Sidebar shown, arrangement, zoom and focus.
    public internal(set) var options = LayoutOptions()
    /// The screen size in cells.
    public private(set) var width: Int
    /// The screen size in cells.
    public private(set) var height: Int
    /// The layout for the current size and options.
    public private(set) var layout: ScreenLayout
    /// First line of the help overlay while it is open.
    public internal(set) var helpOffset: Int?
    /// First line of the warnings overlay while it is open.
    public internal(set) var warningsOffset: Int?
    /// A one-off message for the status bar, cleared by the next key.
    public internal(set) var message: String?

    /// Sidebar order per facet: store-wide, so entries do not jump as counts change.
    let facetOrder: [FacetKind: [FacetEntry]]
    /// Each value's position in `facetOrder`, built once, so a recount hashes only the values
    /// the result has (`QueryResult` exposes no per-id counts).
    let facetPositions: [FacetKind: [String: Int]]

    /// The browser over `store` on a `width`×`height` screen, showing every article.
    public init(store: ArticleStore, report: LoadReport = LoadReport(), width: Int, height: Int) {
        self.store = store
        self.warnings = report.warnings
        self.duplicates = report.duplicates
        self.warningLines = report.warnings.map(\.description)
            + report.duplicates.map(\.reportLine)
        self.width = max(0, width)
        self.height = max(0, height)
        var order: [FacetKind: [FacetEntry]] = [:]
        for kind in SidebarState.sectionOrder {
            var entries = store.allFacetEntries(kind)
            // Years read best newest first; the rest by how common they are.
            if kind == .year { entries.sort { $0.value > $1.value } }
            order[kind] = entries
        }
        facetOrder = order
        facetPositions = order.mapValues { entries in
            Dictionary(entries.enumerated().map { ($1.value, $0) }, uniquingKeysWith: { first, _ in first })
        }
        result = store.evaluate(.all, sort: .date)
        list = ListViewport(count: result.count, height: 0)
        layout = ScreenLayout(width: width, height: height, options: options)
        resultChanged()
        syncLayout()
    }

    /// Where keys go now: the prompt or an overlay when open, else the focused pane.
    public var keyContext: KeyContext {
        if prompt != nil { return .prompt }
        if helpOffset != nil { return .help }
        if warningsOffset != nil { return .warnings }
        return KeyContext(options.focus)
    }

    /// The filter in effect as query text: sidebar marks, then the typed query.
    public var activeQueryText: String {
        var typed = pendingQuery ?? appliedQuery
        // Shown as it is evaluated: marks AND (typed), so an OR in the typed part stays inside.
        if !marks.queryText.isEmpty, typed.contains("OR") { typed = "(\(typed))" }
        return [marks.queryText, typed].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Store index of the selected article.
    public var selectedArticle: Int? { list.selection.map { listArticle(at: $0) } }

    /// Store index of the list's row `position` (thread order when threaded).
    public func listArticle(at position: Int) -> Int {
        Int(threadOrder?.indices[position] ?? result.indices[position])
    }

    /// Indentation depth of the list's row `position` (0 when flat).
    public func listDepth(at position: Int) -> Int {
        Int(threadOrder?.depths[position] ?? 0)
    }

    /// Shows store article `index`: selected in the list when the filter keeps it, else in the
    /// reader alone (until the selection moves), with a note saying so.
    mutating func open(_ index: Int) {
        let wanted = Int32(index)
        if let position = (threadOrder?.indices ?? result.indices).firstIndex(of: wanted) {
            list.select(position)
            selectionChanged()
        } else {
            reader.show(index)
            message = "Not in the filtered list (c clears filters)"
        }
    }

    // MARK: - Query

    /// Evaluates marks AND `typed`; on a parse error changes nothing and returns the error.
    @discardableResult
    mutating func apply(typed: String) -> QueryError? {
        let typedQuery: Query
        do {
            typedQuery = try Query.parse(typed)
        } catch {
            return error
        }
        // Never block a keystroke on the index build: remember the query and run it when ready.
        if Self.waitsForIndex(typedQuery, indexReady: store.isTextIndexReady) {
            pendingQuery = typed
            return nil
        }
        pendingQuery = nil
        // Marks are combined as built queries, not text, so they keep matching exact values.
        let query = Query.and([marks.query, typedQuery])
        queryHasWords = typedQuery.hasWords
        result = store.evaluate(query, sort: sort)
        appliedQuery = typed
        highlightTerms = typedQuery.highlightTerms
        resultChanged()
        return nil
    }

    /// Whether `query` must wait for the full-text index: only words and phrases need it;
    /// fields (`tag:CIA`, `year:2022`) are answered from the facet tables at once.
    static func waitsForIndex(_ query: Query, indexReady: Bool) -> Bool {
        !indexReady && query.usesFullText
    }

    /// Re-evaluates the current filter (after a mark or sort change).
    mutating func reapply() { apply(typed: pendingQuery ?? appliedQuery) }

    /// Runs the query that was waiting for the full-text index, once it is ready.
    mutating func runPendingQuery() {
        guard let pendingQuery, store.isTextIndexReady else { return }
        apply(typed: pendingQuery)
    }

    /// Keeps `text` as the typed query.
    mutating func keep(_ text: String) { keptQuery = text }

    /// `c`: no marks, no typed query.
    mutating func clearFilters() {
        marks.removeAll()
        keptQuery = ""
        apply(typed: "")
    }

    mutating func setMarks(_ change: (inout FacetMarks) -> Void) {
        change(&marks)
        reapply()
    }

    /// After a new result: keep the selected article if it is still there, else select the top;
    /// recount the sidebar.
    private mutating func resultChanged() {
        threadOrder = threaded ? ThreadedList(result: result.indices, store: store) : nil
        var position: Int? = result.count > 0 ? 0 : nil
        if let selectedID, let index = store.index(of: selectedID) {
            let wanted = Int32(index)
            if let found = (threadOrder?.indices ?? result.indices).firstIndex(of: wanted) { position = found }
        }
        list.setCount(result.count, selection: position)
        var counts: [FacetKind: [Int]] = [:]
        for kind in SidebarState.sectionOrder {
            let positions = facetPositions[kind] ?? [:]
            var byPosition = [Int](repeating: 0, count: facetOrder[kind]?.count ?? 0)
            // Only values present in the result are visited (the facet table filters by count first).
            for entry in result.facet(kind) {
                if let position = positions[entry.value] { byPosition[position] = entry.count }
            }
            counts[kind] = byPosition
        }
        sidebar.rebuild(order: facetOrder, counts: counts, marks: marks)
        selectionChanged()
    }

    /// The reader follows the list selection.
    mutating func selectionChanged() {
        let article = selectedArticle
        selectedID = article.map { store.articles[$0].id }
        reader.show(article)
    }

    // MARK: - Layout

    /// The screen is now `width`×`height`.
    mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Panes Tab cycles through: all three, minus the sidebar when hidden with `b`.
    var cyclePanes: [Pane] { options.sidebarShown ? Pane.allCases : [.list, .reader] }

    /// Recomputes the layout and fits every viewport (and the reader's text) to it.
    mutating func syncLayout() {
        options.promptActive = prompt != nil
        if !cyclePanes.contains(options.focus) { options.focus = .list }
        layout = ScreenLayout(width: width, height: height, options: options)
        if layout.tooSmall == nil, !layout.visiblePanes.contains(options.focus), let first = layout.visiblePanes.first {
            options.focus = first
            layout = ScreenLayout(width: width, height: height, options: options)
        }
        if let rect = layout.list { list.setHeight(ArticleListView.listHeight(in: rect)) }
        if let rect = layout.sidebar { sidebar.setHeight(rect.height) }
        if let rect = layout.reader {
            reader.fit(
                store: store, width: rect.width, height: ReaderView.textHeight(in: rect), terms: highlightTerms,
                allHeaders: showsAllHeaders)
        }
        if helpOffset != nil { helpOffset = min(helpOffset!, helpMaxOffset) }
        if warningsOffset != nil { warningsOffset = min(warningsOffset!, WarningsOverlayView.maxOffset(lines: warningLines.count, in: overlayArea)) }
    }

    /// Lines of the standard help, counted once (building them per key would cost more than the rest).
    static let helpLineCount = HelpOverlayView.lines(.standard).count

    /// The help overlay's largest useful offset at the current size (as `HelpOverlayView.maxOffset`).
    var helpMaxOffset: Int {
        let inner = min(overlayArea.height, Self.helpLineCount + 2) - 2
        return max(0, Self.helpLineCount - max(0, inner))
    }

    /// Where overlays are drawn: the screen above the status line.
    var overlayArea: Rect { Rect(x: 0, y: 0, width: width, height: max(0, height - 1)) }

    // MARK: - Highlighting

    /// A highlighter for full-text `terms`, using the same word folding as the index.
    public static func highlighter(_ terms: [SearchTerm]) -> Highlighter? {
        guard !terms.isEmpty else { return nil }
        return { text in
            TextFolding.words(in: text).compactMap { word in
                terms.contains { $0.matches(foldedWord: word.folded) } ? word.range : nil
            }
        }
    }
}
