import GazetteCore

/// Everything the browser shows, as a value: the reducer changes it, `render` draws it.
///
/// The store is shared by reference (immutable); the current `QueryResult` is evaluated once per
/// query, sort or filter change, never per frame.
public struct AppState: Sendable {
    /// The loaded articles (shared, immutable).
    public private(set) var store: ArticleStore
    /// Problems found while loading, as `path:line: reason`.
    public private(set) var warnings: [LoadWarning]
    /// Articles dropped as duplicates while loading.
    public private(set) var duplicates: [DuplicateArticle]
    /// The warnings overlay's lines: each warning as `path:line: reason`, then dropped duplicates
    /// (as `gazette check` words them; the status bar counts only the warnings).
    public private(set) var warningLines: [String]
    /// Problems in the config file that did not stop Gazette (unknown keys), as `path:line: key: reason`;
    /// listed first in the warnings overlay.
    public private(set) var configWarnings: [String] = []
    /// The filter in effect: view, sidebar marks, typed query and what waits for the index.
    public internal(set) var filter = Filter()
    /// Sidebar marks (they combine with the typed query by AND).
    public var marks: FacetMarks { filter.marks }
    /// The typed query kept with Enter (the prompt's starting text).
    public private(set) var keptQuery = ""
    /// The typed query the current result was evaluated with, as typed.
    public var appliedQuery: String { filter.typed.text }
    /// A typed query waiting for the full-text index, as typed.
    public var pendingQuery: String? { filter.pending?.text }
    /// The prompt, while open.
    public internal(set) var prompt: Prompt?
    /// The articles the filter selects, evaluated once per filter or sort change.
    public private(set) var result: QueryResult
    /// The order chosen with `s`; nil until then: relevance when the query has words, else date.
    public internal(set) var sortChoice: SortOrder?
    /// The order of the list now: relevance when the applied query has full-text words, else date.
    public var sort: SortOrder { sortChoice ?? (filter.typed.hasWords ? .relevance : .date) }
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
    /// The key map and theme in use (defaults merged with the config file).
    public internal(set) var settings: Settings {
        didSet { helpLines = HelpOverlayView.lines(settings.keyMap) }
    }
    /// The help overlay's lines for the live key map, built once per key map change.
    public private(set) var helpLines: [StyledLine]
    /// The background fetch (`F`) while it runs.
    public internal(set) var fetching: FetchActivity?
    /// The last background fetch's outcome (its failures join the warnings overlay).
    public internal(set) var lastFetch: FetchReport?
    /// The help or warnings overlay, while open.
    public internal(set) var listOverlay: ListOverlay?
    /// First line of the help overlay while it is open.
    public var helpOffset: Int? { listOverlay?.kind == .help ? listOverlay?.viewport.offset : nil }
    /// First line of the warnings overlay while it is open.
    public var warningsOffset: Int? { listOverlay?.kind == .warnings ? listOverlay?.viewport.offset : nil }
    /// A one-off message for the status bar, cleared by the next key.
    public internal(set) var message: String?
    /// Digits typed before a key that takes a count (`3o`); nil when none.
    public internal(set) var pendingCount: Int?
    /// `R` was pressed and its reload has not reported back yet (so "no changes" is worth saying).
    public internal(set) var reloadRequested = false
    /// Bumped each time a typed query starts waiting for the index (see `readingRequest`).
    var readingGeneration = 0
    /// The generation whose reading answer is shown (-1: none).
    var readingAnswered = -1
    /// The last "More like this" found in the background (`relatedRequest`).
    public internal(set) var foundRelated: FoundRelated?
    /// Archives of at least this many articles find "More like this" in the background.
    public var relatedInBackgroundThreshold = AppState.relatedInBackgroundFrom

    /// Read, starred and the reader's tags by article index; nil when the browser has no state.
    public internal(set) var overlay: ReaderOverlay?
    /// Saved views, by name.
    public internal(set) var savedViews: [SavedView] = []
    /// The view selected in the sidebar's Views section (nil: All).
    public internal(set) var activeView: ViewChoice?
    /// Changes `u` can undo, newest last.
    public internal(set) var undoStack: [UndoEntry] = []
    /// Unread articles in the result (counted per result or state change, not per frame).
    public internal(set) var unreadInResult = 0
    /// Articles in each entry of the Views section (All, Unread, Starred, then saved views).
    public internal(set) var viewCounts: [Int] = []

    /// Sidebar order per facet: store-wide, so entries do not jump as counts change.
    private(set) var facetOrder: [FacetKind: [FacetEntry]]
    /// Each value's position in `facetOrder` by its id in the store's facet table, built once per
    /// store, so a recount copies counts by id (no entry is built, sorted or hashed per key).
    private(set) var facetPositions: [FacetKind: [Int32]]

    /// The browser over `store` on a `width`×`height` screen, showing every article.
    /// With `overlay`, the reader's state is shown and kept (see `StateUpdate`); `notice` is said once.
    public init(
        store: ArticleStore, report: LoadReport = LoadReport(), width: Int, height: Int,
        overlay: ReaderOverlay? = nil, views: [SavedView] = [], notice: String? = nil, settings: Settings = .defaults,
        configWarnings: [String] = []
    ) {
        self.configWarnings = configWarnings
        self.settings = settings
        self.helpLines = HelpOverlayView.lines(settings.keyMap)
        self.store = store
        self.overlay = overlay
        self.savedViews = views
        sidebar.facetKinds = settings.layout.facets
        options.arrangement = settings.layout.arrangement
        options.sidebarWidth = settings.layout.sidebarWidth
        showsAllHeaders = settings.reader.allHeaders
        self.warnings = report.warnings
        self.duplicates = report.duplicates
        self.warningLines = configWarnings + Self.warningLines(report)
        self.width = max(0, width)
        self.height = max(0, height)
        (facetOrder, facetPositions) = Self.facetOrder(store)
        result = store.evaluate(.all, sort: .date, overlay: overlay)
        list = ListViewport(count: result.count, height: 0)
        layout = ScreenLayout(width: width, height: height, options: options)
        message = notice
        recountViews()
        resultChanged()
        syncLayout()
    }

    /// The warnings overlay's lines: the load's, then the last fetch's failures and problems.
    var overlayWarningLines: [String] { warningLines + (lastFetch?.overlayLines ?? []) }

    static func warningLines(_ report: LoadReport) -> [String] {
        report.warnings.map(\.description) + report.duplicates.map(\.reportLine)
    }

    static func facetOrder(_ store: ArticleStore) -> ([FacetKind: [FacetEntry]], [FacetKind: [Int32]]) {
        var order: [FacetKind: [FacetEntry]] = [:]
        for kind in SidebarState.sectionOrder {
            var entries = store.allFacetEntries(kind)
            // Years read best newest first; the rest by how common they are.
            if kind == .year { entries.sort { $0.value > $1.value } }
            order[kind] = entries
        }
        var positions: [FacetKind: [Int32]] = [:]
        for (kind, entries) in order { positions[kind] = store.facetPositions(kind, in: entries) }
        return (order, positions)
    }

    /// The action `key` means now, by the state's own key map.
    public func action(for key: Key) -> Action? {
        // The mouse is not bound through the key map: where it lands decides what it does.
        if case .mouse(let event) = key { return .mouse(event) }
        return settings.keyMap.action(for: key, in: keyContext)
    }

    /// Where keys go now: the prompt or an overlay when open, else the focused pane.
    public var keyContext: KeyContext {
        if prompt != nil { return .prompt }
        if helpOffset != nil { return .help }
        if warningsOffset != nil { return .warnings }
        return KeyContext(options.focus)
    }

    /// The filter in effect as query text: view, sidebar marks, then the typed query.
    public var activeQueryText: String { filter.displayText }

    /// Store index of the selected article.
    public var selectedArticle: Int? { list.selection.map { listArticle(at: $0) } }

    /// Store index of the list's row `position` (thread order when threaded).
    public func listArticle(at position: Int) -> Int {
        Int(threadOrder?.indices[position] ?? result.order[position])
    }

    /// The list row showing store article `index`, if the list has it (no sort is finished for it).
    func position(of index: Int32) -> Int? {
        if let threadOrder { return threadOrder.indices.firstIndex(of: index) }
        return result.order.position(of: index)
    }

    /// Indentation depth of the list's row `position` (0 when flat).
    public func listDepth(at position: Int) -> Int {
        Int(threadOrder?.depths[position] ?? 0)
    }

    /// Shows store article `index`: selected in the list when the filter keeps it, else in the
    /// reader alone (until the selection moves), with a note saying so.
    mutating func open(_ index: Int) {
        let wanted = Int32(index)
        if let position = self.position(of: wanted) {
            list.select(position)
            selectionChanged()
        } else {
            reader.show(index)
            message = "Not in the filtered list (c clears filters)"
        }
    }

    // MARK: - Query

    /// Evaluates the filter with `typed` as its typed query; on a parse error changes nothing
    /// and returns the error.
    @discardableResult
    mutating func apply(typed: String) -> QueryError? {
        do {
            apply(try Query.parse(typed))
            return nil
        } catch {
            return error
        }
    }

    /// Evaluates view AND marks AND `typed` (or keeps `typed` pending until the index is ready).
    mutating func apply(_ typed: Query) {
        filter.view = activeViewQuery ?? .all
        // Never block a keystroke on the index build: remember the query and run it when ready.
        if Self.waitsForIndex(typed, indexReady: store.isTextIndexReady) {
            filter.pending = typed
            // Answered by reading meanwhile (`readingRequest`): a new filter, a new request.
            readingGeneration += 1
            return
        }
        filter.pending = nil
        filter.typed = typed
        show(store.evaluate(filter.query, sort: sort, overlay: overlay), typed: typed)
    }

    /// Shows `newResult`, evaluated with `typed` as the typed query.
    mutating func show(_ newResult: QueryResult, typed: Query) {
        filter.typed = typed
        result = newResult
        highlightTerms = typed.highlightTerms
        resultChanged()
    }

    /// Whether `query` must wait for the full-text index: only words and phrases need it;
    /// fields (`tag:CIA`, `year:2022`) are answered from the facet tables at once.
    static func waitsForIndex(_ query: Query, indexReady: Bool) -> Bool {
        !indexReady && query.usesFullText
    }

    /// Re-evaluates the filter for its counts after a reader-state change, keeping the list's
    /// articles and order (an article just read stays in an Unread view until the filter changes).
    /// `tagsChanged`: false when only read/starred flags changed, which cannot move a facet count
    /// unless the filter itself tests `is:` (then only the unread count and the Views are redone).
    mutating func refreshCounts(tagsChanged: Bool = true) {
        var countsMoved = true
        if filter.pending == nil {
            filter.view = activeViewQuery ?? .all
            countsMoved = tagsChanged || filter.query.usesField(in: ["is"])
            if countsMoved {
                result = store.evaluate(filter.query, sort: sort, overlay: overlay).keepingOrder(result.order)
            }
        }
        // Only flags changed and the filter does not test them: facet counts stand; redo the
        // unread count and the Views in place (a full recount walks every facet value).
        if !countsMoved, sidebar.updateViews(viewItems) {
            unreadInResult = overlay?.unreadCount(of: result.order) ?? 0
            return
        }
        recountSidebar()
        // The reader shows the article's tags; read/starred changes leave its layout as it is.
        if tagsChanged { reader.invalidate() }
    }

    /// Re-evaluates the current filter (after a mark or sort change).
    mutating func reapply() { apply(filter.latestTyped) }

    /// Runs the query that was waiting for the full-text index, once it is ready.
    mutating func runPendingQuery() {
        guard let pending = filter.pending, store.isTextIndexReady else { return }
        apply(pending)
    }

    /// Keeps `text` as the typed query.
    mutating func keep(_ text: String) { keptQuery = text }

    /// `c`: no marks, no typed query.
    mutating func clearFilters() {
        filter.marks.removeAll()
        activeView = nil
        keptQuery = ""
        apply(.all)
    }

    mutating func setMarks(_ change: (inout FacetMarks) -> Void) {
        change(&filter.marks)
        reapply()
    }

    /// Swaps in a reloaded archive, keeping the query, marks, sort, the selected article (by id;
    /// when it is gone, its neighbour at the same list position) and the reader's scroll position.
    mutating func replaceStore(_ newStore: ArticleStore, report: LoadReport, overlay newOverlay: ReaderOverlay? = nil) {
        let oldPosition = list.selection
        let readerOffset = reader.viewport.offset
        let readerID = reader.article.map { store.articles[$0].id }
        store = newStore
        // An overlay is laid over one store's indices: never evaluate the new store with the old one.
        overlay = newOverlay ?? overlay.map { _ in ReaderOverlay(count: newStore.count) }
        warnings = report.warnings
        duplicates = report.duplicates
        warningLines = configWarnings + Self.warningLines(report)
        (facetOrder, facetPositions) = Self.facetOrder(newStore)
        reader.storeReplaced(article: readerID.flatMap { newStore.index(of: $0) })
        let gone = selectedID.map { newStore.index(of: $0) == nil } ?? false
        // The typed query is kept as a value: it needs no re-parse against the new store.
        let typed = filter.latestTyped
        filter.pending = nil
        // Before the filter runs: its sidebar rebuild shows these counts.
        recountViews()
        apply(typed)
        if gone, let oldPosition, result.count > 0 {
            list.setCount(result.count, selection: min(oldPosition, result.count - 1))
            selectionChanged()
        }
        syncLayout()
        if reader.article != nil, reader.article == readerID.flatMap({ newStore.index(of: $0) }) {
            reader.restore(offset: readerOffset)
        }
    }

    /// After a new result: keep the selected article if it is still there, else select the top;
    /// recount the sidebar.
    private mutating func resultChanged() {
        threadOrder = threaded ? ThreadedList(result: result.indices, store: store) : nil
        var position: Int? = result.count > 0 ? 0 : nil
        if let selectedID, let index = store.index(of: selectedID) {
            let wanted = Int32(index)
            if let found = self.position(of: wanted) { position = found }
        }
        list.setCount(result.count, selection: position)
        recountSidebar()
        selectionChanged()
    }

    /// Rebuilds the sidebar's entries and counts from `result` (and the unread count).
    mutating func recountSidebar() {
        var counts: [FacetKind: [Int]] = [:]
        var order = facetOrder
        // The reader's own tags that no file carries come first: they are what the reader made.
        var userOnly = result.unplacedTags(positions: facetPositions[.tag] ?? [])
        // A tag only the reader gave, marked but in no article of the result (excluded, or
        // included with nothing left): still listed, at 0, so its mark can be taken off there.
        for mark in marks.marks where mark.kind == .tag && !userOnly.contains(where: { $0.value == mark.value })
            && !store.isFileTag(mark.value) {
            userOnly.append(FacetEntry(kind: .tag, value: mark.value, count: 0))
        }
        order[.tag] = userOnly.map { FacetEntry(kind: .tag, value: $0.value, count: $0.count) } + (facetOrder[.tag] ?? [])
        for kind in SidebarState.sectionOrder {
            let shift = kind == .tag ? userOnly.count : 0
            var byPosition = [Int](repeating: 0, count: order[kind]?.count ?? 0)
            result.addCounts(kind, positions: facetPositions[kind] ?? [], shift: shift, to: &byPosition)
            if kind == .tag {
                for (offset, entry) in userOnly.enumerated() { byPosition[offset] = entry.count }
            }
            counts[kind] = byPosition
        }
        unreadInResult = overlay?.unreadCount(of: result.order) ?? 0
        sidebar.rebuild(order: order, counts: counts, marks: marks, views: viewItems)
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

    /// The reader's headers and measure: `H` and the config's `[reader]` and `[layout]`.
    var readerOptions: ReaderOptions {
        ReaderOptions(all: showsAllHeaders, show: settings.reader.showHeaders, hide: settings.reader.hideHeaders,
                     measure: settings.layout.readerMeasure)
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
        // Each pane fits itself to the rectangle it is given: its own chrome, its own sizes.
        if let rect = layout.list { list.fit(articleListIn: rect) }
        if let rect = layout.sidebar { sidebar.fit(to: rect) }
        if let rect = layout.reader {
            reader.fit(to: rect, store: store, terms: highlightTerms, overlay: overlay, headers: readerOptions,
                       related: readerRelatedSource)
        }
        if listOverlay?.kind == .warnings {
            // The widest the box's text can be: the overlay area less the border and margins.
            let lines = overlayWarningLines, width = OverlayFrame(lineCount: 1, in: overlayArea).text.width
            listOverlay?.wrapWarnings(lines, width: width)
        }
        if let lineCount = overlayContent?.count {
            let area = overlayArea
            listOverlay?.fit(lineCount: lineCount, in: area)
        }
    }

    /// What the open list overlay shows.
    var overlayContent: OverlayContent? {
        switch listOverlay?.kind {
        case .help?: HelpOverlayView.content(helpLines)
        case .warnings?: WarningsOverlayView.content(listOverlay?.rows ?? [], warnings: overlayWarningLines.count)
        case nil: nil
        }
    }

    /// Where overlays are drawn: the screen above the status line.
    var overlayArea: Rect { layout.overlayArea }

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
