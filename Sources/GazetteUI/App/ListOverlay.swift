/// A list overlay open over the panes: which one, and where its lines are scrolled to.
public struct ListOverlay: Sendable, Equatable {
    /// The overlays there are; each is content for `ListOverlayView`.
    public enum Kind: Sendable, Hashable {
        /// `?`: every key, from the live key map.
        case help
        /// `w`: problems found while loading.
        case warnings
    }

    public var kind: Kind
    /// The lines' scroll position; a page keeps one line of context, like the reader.
    public private(set) var viewport = TextViewport(total: 0, height: 0)

    /// The warnings overlay's rows: its lines wrapped to the overlay's width (`wrapWarnings`).
    public private(set) var rows: [String] = []
    /// What `rows` were wrapped from, and to what width, so they are wrapped again only when
    /// either changes (a resize, a reload, a fetch's report).
    private var rowsSource: [String] = []
    private var rowsWidth = -1

    public init(_ kind: Kind) { self.kind = kind }

    /// Wraps the warnings overlay's `lines` to `width` columns, unless already done.
    mutating func wrapWarnings(_ lines: [String], width: Int) {
        guard width != rowsWidth || lines != rowsSource else { return }
        rows = WarningsOverlayView.rows(lines, width: width)
        rowsSource = lines
        rowsWidth = width
    }

    /// Fits the viewport to `lineCount` lines in the overlay `area` (the same frame the view draws).
    mutating func fit(lineCount: Int, in area: Rect) {
        viewport.setTotal(lineCount)
        viewport.setHeight(OverlayFrame(lineCount: lineCount, in: area).text.height)
    }

    /// Scrolls by `lines` (the mouse wheel).
    mutating func scroll(by lines: Int) { viewport.scroll(by: lines) }

    /// Scrolls by a movement key.
    mutating func apply(_ movement: Movement) { viewport.apply(movement) }
}
