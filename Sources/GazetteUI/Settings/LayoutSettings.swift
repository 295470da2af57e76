import GazetteCore

/// `[layout]`: how the screen is divided and what the sidebar shows.
public struct LayoutSettings: Sendable, Equatable {
    /// The sidebar's width in columns; nil: chosen from the screen width (22, or 24–30 when wide).
    public var sidebarWidth: Int?
    /// The reader never wraps body text wider than this.
    public var readerMeasure: Int
    /// The facet sections of the sidebar, in order (a kind left out is not shown).
    public var facets: [FacetKind]
    /// List above reader, or side by side (`v` switches).
    public var arrangement: PaneArrangement

    public init(
        sidebarWidth: Int? = nil, readerMeasure: Int = 80, facets: [FacetKind] = [.tag, .category, .author, .year],
        arrangement: PaneArrangement = .stacked
    ) {
        self.sidebarWidth = sidebarWidth
        self.readerMeasure = readerMeasure
        self.facets = facets
        self.arrangement = arrangement
    }
}

/// `[reader]`: what the reader shows.
public struct ReaderSettings: Sendable, Equatable {
    /// Headers always shown (by name, case-insensitive) besides those Gazette finds readable.
    public var showHeaders: [String]
    /// Headers never shown unless `H` asks for all.
    public var hideHeaders: [String]
    /// Start with every header shown (as if `H` were pressed).
    public var allHeaders: Bool

    public init(showHeaders: [String] = [], hideHeaders: [String] = [], allHeaders: Bool = false) {
        self.showHeaders = showHeaders
        self.hideHeaders = hideHeaders
        self.allHeaders = allHeaders
    }
}
