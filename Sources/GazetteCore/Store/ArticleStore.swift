import Foundation

/// The loaded articles, immutable, with interned facets and a full-text index; evaluates queries.
public final class ArticleStore: Sendable {
    /// Newest first, undated last, ties by title then id; "article index" means a position here.
    public let articles: ArticleList
    /// This store among every store of the process, never reused: work found in the background
    /// for one store (its article indices) is matched to it by this, not by its address, which
    /// a store made after it was let go may take.
    public let serial: UInt64 = ArticleStore.serials.update { $0 += 1; return $0 }
    private static let serials = LockedValue<UInt64>(0)
    let facets: [FacetTable]
    private let textSlot: Eventual<FullTextIndex>
    /// The full-text index; waits when it is still building in the background.
    var text: FullTextIndex { textSlot.value }
    /// Whether `evaluateByReading` may answer while the index builds: true for a store built from
    /// parsed articles (their text is in memory and sound); false for one opened from a snapshot,
    /// whose article text is only trusted once its checksums are verified (the index is
    /// published then, within milliseconds).
    public let answersByReading: Bool
    /// Holds a background index build while `evaluateByReading` runs: the person waiting for
    /// that answer gets the cores (on two, sharing them made the reading more than twice as slow).
    let indexGate: ForegroundGate
    /// `YYYYMMDD` of each article's written day; 0 when undated.
    let dayKeys: FlatArray<Int32>
    let dateOrder: [Int32]
    private let lazyTitleOrder: Lazy<[Int32]>
    private let lazyAuthorOrder: Lazy<[Int32]>
    /// By folded title; built when a title sort is first asked for.
    var titleOrder: [Int32] { lazyTitleOrder.wrapped }
    /// By folded author; built when an author sort is first asked for.
    var authorOrder: [Int32] { lazyAuthorOrder.wrapped }
    let sortedIDs: FlatArray<UInt64>
    let sortedIDIndices: FlatArray<Int32>
    /// Every value of each facet with its total, largest first; made on first use (a CLI
    /// `list` never shows the sidebar, and sorting 100k facet names costs more than its answer).
    private let allEntries: Lazy<[[FacetEntry]]>
    private let lazyThreads: Lazy<ThreadTable>
    /// Reply links; built when threads are first asked for.
    var threads: ThreadTable { lazyThreads.wrapped }

    /// Sorts `articles` into date order and builds the facet tables and the full-text index, in parallel.
    public convenience init(articles: [Article]) {
        self.init(articles: articles, textIndexInBackground: false)
    }

    /// Like `init(articles:)`; with `textIndexInBackground` it returns as soon as browsing works and
    /// builds the full-text index on other threads (see `isTextIndexReady`; word queries wait for it).
    public convenience init(articles input: [Article], textIndexInBackground: Bool) {
        self.init(articles: input, textIndexInBackground: textIndexInBackground, reusing: nil)
    }

    /// An index over other articles whose postings a new store may copy (see `FullTextIndex.updated`).
    struct IndexReuse: Sendable {
        let index: FullTextIndex
        /// Per input article: the article of `index` it is (same text), or -1 when new or changed.
        let previous: [Int32]
    }

    /// With `reusing`, the text index is brought up to date from an old one instead of rebuilt.
    init(articles input: [Article], textIndexInBackground: Bool, reusing: IndexReuse?) {
        let order = ArticleOrdering.dateOrder(input)
        let articles = ArticleStore.permuted(input, by: order)
        let list = ArticleList(articles)
        let gate = ForegroundGate()
        let makeIndex: @Sendable () -> FullTextIndex = {
            if let reusing, reusing.previous.count == order.count,
               let updated = FullTextIndex.updated(reusing.index, previous: order.map { reusing.previous[Int($0)] }, articles: list) {
                return updated
            }
            return FullTextIndex(articles: articles, gate: textIndexInBackground ? gate : nil)
        }
        self.articles = list
        indexGate = gate

        // Independent builds; the text index and the facet tables split themselves across cores.
        enum Part: Sendable {
            case text(FullTextIndex?)
            case facets([FacetTable])
            case ids(values: [UInt64], indices: [Int32], days: [Int32])
        }
        let parts = Parallel.parts(3) { part -> Part in
            switch part {
            case 0: return .text(textIndexInBackground ? nil : makeIndex())
            case 1: return .facets(FacetTable.build(articles: articles))
            default:
                // Fields are read through the buffer so no whole `Article` is copied (retaining every field).
                var keys: [(value: UInt64, index: Int32)] = []
                var days: [Int32] = []
                keys.reserveCapacity(articles.count)
                days.reserveCapacity(articles.count)
                articles.withUnsafeBufferPointer { articles in
                    for index in articles.indices {
                        keys.append((articles[index].id.sortKey, Int32(index)))
                        guard let date = articles[index].date else { days.append(0); continue }
                        days.append(Int32(date.year * 10000 + date.month * 100 + date.day))
                    }
                }
                keys.sort { $0.value != $1.value ? $0.value < $1.value : $0.index < $1.index }
                return .ids(values: keys.map(\.value), indices: keys.map(\.index), days: days)
            }
        }
        var text: FullTextIndex?, facets: [FacetTable] = [], ids: [UInt64] = [], idIndices: [Int32] = [], dayKeys: [Int32] = []
        for part in parts {
            switch part {
            case .text(let index): text = index
            case .facets(let tables): facets = tables
            case .ids(let values, let indices, let days): ids = values; idIndices = indices; dayKeys = days
            }
        }
        textSlot = Eventual(text)
        answersByReading = true
        if textIndexInBackground {
            let slot = textSlot
            DispatchQueue.global(qos: .userInitiated).async { slot.set(makeIndex()) }
        }
        self.facets = facets
        self.dayKeys = FlatArray(dayKeys)
        dateOrder = Array(0..<Int32(articles.count))
        lazyTitleOrder = Lazy { ArticleOrdering.titleOrder(articles) }
        let authors = facets[FacetKind.author.ordinal]
        lazyAuthorOrder = Lazy { ArticleOrdering.authorOrder(authors) }
        lazyThreads = Lazy { ThreadTable(articles: list) }
        sortedIDs = FlatArray(ids)
        sortedIDIndices = FlatArray(idIndices)
        let tables = facets
        allEntries = Lazy { tables.map { $0.entries(counts: $0.totals) } }
    }

    /// A store whose tables were read from a snapshot; `text` nil: published later (`publishTextIndex`).
    convenience init(articles: ArticleList, facets: [FacetTable], text: FullTextIndex?, dayKeys: FlatArray<Int32>,
                     titleOrder: FlatArray<Int32>, authorOrder: FlatArray<Int32>, sortedIDs: FlatArray<UInt64>, sortedIDIndices: FlatArray<Int32>,
                     threads: ThreadTable? = nil) {
        self.init(articles: articles, facets: facets, textSlot: Eventual(text), dayKeys: dayKeys,
                  titleOrder: Lazy { titleOrder.array }, authorOrder: Lazy { authorOrder.array },
                  sortedIDs: sortedIDs, sortedIDIndices: sortedIDIndices, threads: threads.map { Lazy(made: $0) })
    }

    /// A store from all its parts (a snapshot's, or one patched after a refresh); threads nil: built on first use.
    init(articles: ArticleList, facets: [FacetTable], textSlot: Eventual<FullTextIndex>, dayKeys: FlatArray<Int32>,
         titleOrder: Lazy<[Int32]>, authorOrder: Lazy<[Int32]>, sortedIDs: FlatArray<UInt64>, sortedIDIndices: FlatArray<Int32>,
         threads: Lazy<ThreadTable>?, answersByReading: Bool = false) {
        self.articles = articles
        self.facets = facets
        self.textSlot = textSlot
        self.answersByReading = answersByReading
        indexGate = ForegroundGate()
        self.dayKeys = dayKeys
        dateOrder = Array(0..<Int32(articles.count))
        lazyTitleOrder = titleOrder
        lazyAuthorOrder = authorOrder
        self.sortedIDs = sortedIDs
        self.sortedIDIndices = sortedIDIndices
        lazyThreads = threads ?? Lazy { ThreadTable(articles: articles) }
        allEntries = Lazy { facets.map { $0.entries(counts: $0.totals) } }
    }

    /// This store with its text index held back until `publish` is called, as a cold start's is
    /// while it builds (for tests of what waits for the index, without a race against the build).
    func withIndexHeldBack() -> (store: ArticleStore, publish: @Sendable () -> Void) {
        let index = text
        let held = ArticleStore(articles: articles, facets: facets, textSlot: Eventual(), dayKeys: dayKeys,
                                titleOrder: lazyTitleOrder, authorOrder: lazyAuthorOrder, sortedIDs: sortedIDs,
                                sortedIDIndices: sortedIDIndices, threads: lazyThreads, answersByReading: answersByReading)
        return (held, { held.publishTextIndex(index) })
    }

    /// Makes `index` the store's text index (a snapshot's, once its sections are verified).
    func publishTextIndex(_ index: FullTextIndex) {
        textSlot.set(index)
    }

    /// The full-text index, once built (the snapshot writer asks for it).
    var textIndex: FullTextIndex { text }

    /// `input` reordered by `order`, copied on all cores: each copy retains every field of an article,
    /// a cache miss per field, which dominates when done serially.
    private static func permuted(_ input: [Article], by order: [Int32]) -> [Article] {
        [Article](unsafeUninitializedCapacity: order.count) { buffer, initialized in
            let destination = SharedBuffer(base: buffer)
            let ranges = Parallel.ranges(order.count, parts: min(8, order.count / 8192))
            Parallel.forEach(ranges.count) { part in
                input.withUnsafeBufferPointer { input in
                    for k in ranges[part] { destination.initialize(k, to: input[Int(order[k])]) }
                }
            }
            initialized = order.count
        }
    }

    /// False while a background full-text index build is still running.
    public var isTextIndexReady: Bool { textSlot.isSet }

    /// Whether every article is held in memory (a store read from the files), not mapped from a
    /// snapshot: letting go of it frees their text.
    public var holdsArticlesInMemory: Bool { articles.snapshotRecords == nil && !articles.isMixed }

    /// Blocks until the full-text index is built (the benchmark's "search ready").
    public func waitUntilTextIndexReady() { _ = textSlot.value }

    /// Number of articles.
    public var count: Int { articles.count }

    /// The article index of `id`, if loaded.
    public func index(of id: ArticleID) -> Int? {
        var position = lowerBound(id.sortKey)
        // A short id and a long one can share a sort key (the long one's last digits zero).
        while position < sortedIDs.count, sortedIDs[position] == id.sortKey {
            let index = Int(sortedIDIndices[position])
            if articles.id(at: index) == id { return index }
            position += 1
        }
        return nil
    }

    /// Article indices (ascending) whose id starts with the hex `prefix`, as `gazette show 3fa2` needs.
    public func indices(matchingIDPrefix prefix: String) -> [Int] {
        let digits = 16
        guard !prefix.isEmpty, prefix.count <= digits, let value = UInt64(prefix, radix: 16),
              prefix.allSatisfy(\.isHexDigit) else { return [] }
        let shift = UInt64(4 * (digits - prefix.count))
        let low = lowerBound(value << shift)
        // A prefix of all `f`s runs to the end: `(value + 1) << shift` would overflow.
        let allF = prefix.count == digits ? value == .max : value + 1 == UInt64(1) << UInt64(4 * prefix.count)
        let high = allF ? sortedIDs.count : lowerBound((value + 1) << shift)
        return sortedIDIndices[low..<high].map(Int.init).sorted()
    }

    func lowerBound(_ value: UInt64) -> Int {
        var low = 0, high = sortedIDs.count
        while low < high {
            let mid = (low + high) / 2
            if sortedIDs[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Every value of a facet over the whole store, count descending then value ascending.
    public func allFacetEntries(_ kind: FacetKind) -> [FacetEntry] { allEntries.wrapped[kind.ordinal] }

    /// For each value id of `kind`'s table, the position of its value in `entries` (-1 when not
    /// there): what `QueryResult.addCounts` needs to count into a list in `entries`' order.
    public func facetPositions(_ kind: FacetKind, in entries: [FacetEntry]) -> [Int32] {
        let table = facets[kind.ordinal]
        var positions = [Int32](repeating: -1, count: table.names.count)
        for (position, entry) in entries.enumerated() {
            // Exact names, as the entries carry them (the first wins, as a lookup by name would).
            if let id = table.id(of: entry.value), table.names[Int(id)] == entry.value, positions[Int(id)] < 0 {
                positions[Int(id)] = Int32(position)
            }
        }
        return positions
    }

    /// The corpus-wide display spelling of each of the article's tags, in the article's order.
    public func tagDisplayNames(ofArticle index: Int) -> [String] {
        let tags = facets[FacetKind.tag.ordinal]
        return (Int(tags.articleStarts[index])..<Int(tags.articleStarts[index + 1])).map { tags.names[Int(tags.articleValues[$0])] }
    }
}

extension ArticleStore {
    /// Articles in this store whose id `old` lacks, and articles of `old` whose id this one lacks
    /// (one merge over both sorted id tables, no article read).
    public func changes(since old: ArticleStore) -> (added: Int, removed: Int) {
        var added = 0, removed = 0, a = 0, b = 0
        let new = sortedIDs, previous = old.sortedIDs
        while a < new.count || b < previous.count {
            if b == previous.count || (a < new.count && new[a] < previous[b]) {
                added += 1; a += 1
            } else if a == new.count || previous[b] < new[a] {
                removed += 1; b += 1
            } else {
                a += 1; b += 1
            }
        }
        return (added, removed)
    }

    /// Articles edited in place since `old`, as (id in `old`, id here): an article's id holds a
    /// digest of its text when it has no Message-ID or link, so fixing a typo gives it a new id.
    /// An article gone from a file is paired with one new in the same file when it is the
    /// file's only change, else when exactly one on each side has the same title. The reader's
    /// state follows such an edit (`ReaderStateSession`'s `edited`).
    public func editedArticles(since old: ArticleStore) -> [(from: ArticleID, to: ArticleID)] {
        var added: [Int] = [], removed: [Int] = []
        var a = 0, b = 0
        let new = sortedIDs, previous = old.sortedIDs
        while a < new.count || b < previous.count {
            if b == previous.count || (a < new.count && new[a] < previous[b]) {
                added.append(Int(sortedIDIndices[a])); a += 1
            } else if a == new.count || previous[b] < new[a] {
                removed.append(Int(old.sortedIDIndices[b])); b += 1
            } else {
                a += 1; b += 1
            }
        }
        guard !added.isEmpty, !removed.isEmpty else { return [] }
        var addedByPath: [String: [Int]] = [:]
        for index in added { addedByPath[articles[index].source.path, default: []].append(index) }
        var removedByPath: [String: [Int]] = [:]
        for index in removed {
            let path = old.articles[index].source.path
            if addedByPath[path] != nil { removedByPath[path, default: []].append(index) }
        }
        var pairs: [(from: ArticleID, to: ArticleID)] = []
        for (path, gone) in removedByPath.sorted(by: { $0.key < $1.key }) {
            let arrived = addedByPath[path] ?? []
            if gone.count == 1, arrived.count == 1 {
                pairs.append((old.articles.id(at: gone[0]), articles.id(at: arrived[0])))
                continue
            }
            var goneByTitle: [String: [Int]] = [:], arrivedByTitle: [String: [Int]] = [:]
            for index in gone { goneByTitle[old.articles[index].title, default: []].append(index) }
            for index in arrived { arrivedByTitle[articles[index].title, default: []].append(index) }
            for (title, before) in goneByTitle.sorted(by: { $0.key < $1.key }) where before.count == 1 {
                guard let after = arrivedByTitle[title], after.count == 1 else { continue }
                pairs.append((old.articles.id(at: before[0]), articles.id(at: after[0])))
            }
        }
        return pairs
    }
}
