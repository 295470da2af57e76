/// The articles matching a query, in result order, with facet counts over them.
public struct QueryResult: Sendable {
    /// The articles in result order, settled only as far as they are looked at.
    public let order: ResultOrder
    /// Article indices in result order (the whole order: a relevance result finishes its sort).
    public var indices: [Int32] { order.all }
    let counts: [[Int32]]
    let tables: [FacetTable]
    /// The reader's tags that no file carries, with their counts over the result.
    let extraTags: [FacetEntry]

    init(indices: [Int32], counts: [[Int32]], tables: [FacetTable], extraTags: [FacetEntry] = []) {
        self.init(order: ResultOrder(indices), counts: counts, tables: tables, extraTags: extraTags)
    }

    init(order: ResultOrder, counts: [[Int32]], tables: [FacetTable], extraTags: [FacetEntry] = []) {
        self.order = order
        self.counts = counts
        self.tables = tables
        self.extraTags = extraTags
    }

    /// Number of matching articles.
    public var count: Int { order.count }

    /// Facet values present in the result (count > 0), count descending then value ascending.
    public func facet(_ kind: FacetKind) -> [FacetEntry] {
        let entries = tables[kind.ordinal].entries(counts: counts[kind.ordinal])
        guard kind == .tag, !extraTags.isEmpty else { return entries }
        return (entries + extraTags).sorted { $0.count != $1.count ? $0.count > $1.count : $0.value.lowercased() < $1.value.lowercased() }
    }

    /// How many result articles carry `value` (case-insensitive); 0 when none or unknown.
    public func count(of kind: FacetKind, value: String) -> Int {
        guard let id = tables[kind.ordinal].id(of: value) else {
            let key = FacetTable.key(value)
            return kind == .tag ? extraTags.first { FacetTable.key($0.value) == key }?.count ?? 0 : 0
        }
        return Int(counts[kind.ordinal][Int(id)])
    }

    /// Adds each value's count over the result to `counts[shift + positions[id]]`, by the value's
    /// id in `kind`'s table (`ArticleStore.facetPositions`); values at position -1 are skipped.
    /// No entry is built, sorted or hashed: the sidebar's recount on every key.
    public func addCounts(_ kind: FacetKind, positions: [Int32], shift: Int, to target: inout [Int]) {
        let values = counts[kind.ordinal]
        guard positions.count == values.count else { return }
        for id in values.indices where values[id] > 0 && positions[id] >= 0 {
            target[shift + Int(positions[id])] = Int(values[id])
        }
    }

    /// Tags in the result that `positions` does not place: the reader's own tags no file carries,
    /// and any table value the positions leave out; with counts, by value case-insensitively.
    public func unplacedTags(positions: [Int32]) -> [FacetEntry] {
        let table = tables[FacetKind.tag.ordinal], values = counts[FacetKind.tag.ordinal]
        var unplaced = extraTags
        for id in values.indices where values[id] > 0 && (id >= positions.count || positions[id] < 0) {
            unplaced.append(FacetEntry(kind: .tag, value: table.names[id], count: Int(values[id])))
        }
        return unplaced.sorted { $0.value.lowercased() < $1.value.lowercased() }
    }

    /// This result's counts with another list of articles (the browser keeps its list when only
    /// the reader's state changed, so an article just read does not vanish from an Unread view).
    public func keepingOrder(_ kept: ResultOrder) -> QueryResult {
        QueryResult(order: kept, counts: counts, tables: tables, extraTags: extraTags)
    }
}
