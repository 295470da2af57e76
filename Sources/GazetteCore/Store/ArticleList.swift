/// The store's articles in date order: held in memory after a load, or decoded one at a time
/// from a memory-mapped snapshot when asked for (so opening a snapshot copies no article text).
///
/// After a refresh the list is both: the unchanged articles stay snapshot records, the new and
/// changed ones are held in memory, and `sources` says which each position is.
public struct ArticleList: RandomAccessCollection, Sendable {
    private let owned: [Article]
    private let mapped: SnapshotArticles?
    /// With `mapped`: per position, its snapshot record (>= 0) or `owned[~source]` (< 0);
    /// nil when position and record coincide.
    private let sources: [Int32]?

    init(_ articles: [Article]) {
        owned = articles
        mapped = nil
        sources = nil
    }

    init(mapped: SnapshotArticles) {
        owned = []
        self.mapped = mapped
        sources = nil
    }

    /// Snapshot records and articles in memory, interleaved as `sources` says.
    init(mapped: SnapshotArticles, owned: [Article], sources: [Int32]) {
        self.owned = owned
        self.mapped = mapped
        self.sources = sources
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { sources?.count ?? mapped?.count ?? owned.count }

    /// The article at `position`; from a snapshot, a fresh value decoded from the mapping.
    public subscript(position: Int) -> Article {
        guard let mapped else { return owned[position] }
        guard let sources else { return mapped.article(at: position) }
        let source = Int(sources[position])
        return source >= 0 ? mapped.article(at: source) : owned[~source]
    }

    /// Calls `body` with the article at `position`, lent in place when it is held in memory
    /// (copying an `Article` retains each of its fields: a scan of every article felt it).
    func withArticle<R>(at position: Int, _ body: (Article) -> R) -> R {
        guard mapped != nil else { return owned.withUnsafeBufferPointer { body($0[position]) } }
        return body(self[position])
    }

    /// The id of the article at `position`: from a snapshot, read without decoding the article
    /// (`M` asks for the ids of a whole view; `index(of:)` checks one per lookup).
    public func id(at position: Int) -> ArticleID {
        guard let mapped else { return owned[position].id }
        guard let sources else { return mapped.id(at: position) }
        let source = Int(sources[position])
        return source >= 0 ? mapped.id(at: source) : owned[~source].id
    }

    /// The reply headers of the article at `position`, without copying (or decoding) the rest of it.
    func threadFields(at position: Int) -> ThreadFields {
        func fields(_ index: Int) -> ThreadFields {
            ThreadFields(messageID: owned[index].messageID, inReplyTo: owned[index].inReplyTo, references: owned[index].references)
        }
        guard let mapped else { return fields(position) }
        guard let sources else { return mapped.threadFields(at: position) }
        let source = Int(sources[position])
        return source >= 0 ? mapped.threadFields(at: source) : fields(~source)
    }

    /// The snapshot's records, when this list is exactly them (position = record).
    var snapshotRecords: SnapshotArticles? { sources == nil ? mapped : nil }

    /// Whether snapshot records and articles in memory are interleaved (a patched refresh).
    var isMixed: Bool { mapped != nil && sources != nil }
}
