/// The articles matching a query, in result order, with facet counts over them.
public struct QueryResult: Sendable {
    /// Article indices in result order.
    public let indices: [Int32]
    let counts: [[Int32]]
    let tables: [FacetTable]

    /// Number of matching articles.
    public var count: Int { indices.count }

    /// Facet values present in the result (count > 0), count descending then value ascending.
    public func facet(_ kind: FacetKind) -> [FacetEntry] {
        tables[kind.ordinal].entries(counts: counts[kind.ordinal])
    }

    /// How many result articles carry `value` (case-insensitive); 0 when none or unknown.
    public func count(of kind: FacetKind, value: String) -> Int {
        guard let id = tables[kind.ordinal].id(of: value) else { return 0 }
        return Int(counts[kind.ordinal][Int(id)])
    }
}
