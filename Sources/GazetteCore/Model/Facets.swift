/// The dimensions the sidebar and `gazette tags` count articles by.
public enum FacetKind: String, Sendable, CaseIterable, Hashable {
    case tag, category, author, year
}

/// One facet value with the number of articles in the current result that carry it.
public struct FacetEntry: Sendable, Hashable {
    public var kind: FacetKind
    /// Display form (for tags: the most common spelling in the corpus).
    public var value: String
    public var count: Int

    public init(kind: FacetKind, value: String, count: Int) {
        self.kind = kind
        self.value = value
        self.count = count
    }
}

/// How a result is ordered.
public enum SortOrder: String, Sendable, CaseIterable, Hashable {
    /// Newest first, undated last, ties by title.
    case date
    case title
    case author
    /// BM25 over title and body when the query has words; date order otherwise.
    case relevance
}
