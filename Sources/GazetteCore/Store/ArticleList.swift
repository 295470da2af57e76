/// The store's articles in date order: held in memory after a load, or decoded one at a time
/// from a memory-mapped snapshot when asked for (so opening a snapshot copies no article text).
public struct ArticleList: RandomAccessCollection, Sendable {
    private let owned: [Article]
    private let mapped: SnapshotArticles?

    init(_ articles: [Article]) {
        owned = articles
        mapped = nil
    }

    init(mapped: SnapshotArticles) {
        owned = []
        self.mapped = mapped
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { mapped?.count ?? owned.count }

    /// The article at `position`; from a snapshot, a fresh value decoded from the mapping.
    public subscript(position: Int) -> Article {
        if let mapped { return mapped.article(at: position) }
        return owned[position]
    }

    /// The id of the article at `position`: from a snapshot, read without decoding the article
    /// (`M` asks for the ids of a whole view; `index(of:)` checks one per lookup).
    public func id(at position: Int) -> ArticleID {
        if let mapped { return mapped.id(at: position) }
        return owned[position].id
    }
}
