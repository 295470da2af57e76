import GazetteCore
import GazetteUI

/// The browser's screen state as plain values, rendered through the real views (`ScreenView`).
///
/// It does what the UI does on each keystroke — evaluate the query, recount the facets for the
/// sidebar, lay out the selected article, draw every pane into a `Canvas` — so the figures
/// measure the same work. Only the reader's layout is cached across frames, as the UI caches it.
public struct BenchScreen {
    public let store: ArticleStore
    public var width: Int
    public var height: Int
    public var queryText: String
    public var promptActive: Bool
    public private(set) var query: Query
    public private(set) var result: QueryResult
    public private(set) var sections: [SidebarSection]
    public var list: ListViewport
    public var readerOffset: Int
    private var document: ReaderDocument?
    private var documentArticle: Int?
    private var highlighter: Highlighter?

    /// The screen right after loading: everything listed, the newest article selected.
    public init(store: ArticleStore, width: Int = 120, height: Int = 40) {
        self.store = store
        self.width = width
        self.height = height
        queryText = ""
        promptActive = false
        query = .all
        result = store.evaluate(.all)
        sections = []
        list = ListViewport(count: 0, height: 0)
        readerOffset = 0
        refilter()
    }

    /// The layout for the current size and prompt state.
    public var layout: ScreenLayout {
        ScreenLayout(width: width, height: height, options: LayoutOptions(promptActive: promptActive))
    }

    /// Sets the query text and re-evaluates, as the live filter does per keystroke; a query that
    /// does not parse (half-typed) keeps the last result, as the prompt does.
    public mutating func setQuery(_ text: String) {
        queryText = text
        guard let parsed = try? Query.parse(text) else { return }
        query = parsed
        refilter()
    }

    /// Re-evaluates the query, recounts the facets and resets the list to the top.
    public mutating func refilter() {
        result = store.evaluate(query)
        sections = Self.sections(result)
        let terms = query.highlightTerms
        highlighter = terms.isEmpty ? nil : Self.highlighter(terms)
        document = nil
        documentArticle = nil
        let listRect = layout.list ?? Rect(x: 0, y: 0, width: 0, height: 0)
        list = ListViewport(count: result.count, height: ArticleListView.listHeight(in: listRect))
        readerOffset = 0
    }

    /// The sidebar sections for a result: every facet's values with their counts.
    public static func sections(_ result: QueryResult) -> [SidebarSection] {
        FacetKind.allCases.map { kind in
            SidebarSection(kind: kind, entries: result.facet(kind).map { SidebarEntry(value: $0.value, count: $0.count) })
        }
    }

    /// Marks words the query searches for, with the same tokenizer and folding as the index.
    static func highlighter(_ terms: [SearchTerm]) -> Highlighter {
        { text in
            TextFolding.words(in: text).filter { word in terms.contains { $0.matches(foldedWord: word.folded) } }.map(\.range)
        }
    }

    /// Moves the list selection; the reader shows the newly selected article from its top.
    public mutating func moveSelection(by delta: Int) {
        list.move(by: delta)
        readerOffset = 0
    }

    /// Pages the reader down (wrapping to the top at the end, so repeated pages keep drawing text).
    public mutating func pageReader() {
        guard let rect = layout.reader else { return }
        ensureDocument(width: rect.width)
        var view = TextViewport(total: document?.lines.count ?? 0, height: ReaderView.textHeight(in: rect), offset: readerOffset)
        if view.isAtEnd { view.home() } else { view.pageDown() }
        readerOffset = view.offset
    }

    private mutating func ensureDocument(width: Int) {
        let selected = list.selection.map { Int(result.indices[$0]) }
        guard selected != documentArticle || (document?.measure ?? -1) != min(width, ReaderDocument.maxMeasure) else { return }
        documentArticle = selected
        document = selected.map { ReaderDocument.layout(store.articles[$0], width: width, highlighter: highlighter) }
    }

    /// Draws the whole screen into a fresh canvas.
    public mutating func render() -> Canvas {
        let layout = self.layout
        if let rect = layout.reader { ensureDocument(width: rect.width) }
        let articles = store.articles
        let indices = result.indices
        let view = ScreenView(
            layout: layout,
            sidebar: SidebarView(sections: sections),
            list: ArticleListView(count: indices.count, row: { ArticleListRow(articles[Int(indices[$0])]) },
                                  viewport: list, highlighter: highlighter),
            reader: ReaderView(document: document, offset: readerOffset),
            status: StatusBarView.Status(shown: result.count, total: store.count, query: queryText),
            prompt: promptActive ? StatusBarView.Prompt(text: queryText) : nil)
        return view.render()
    }
}
