import Foundation

/// The loaded articles, immutable, with interned facets and a full-text index; evaluates queries.
public final class ArticleStore: Sendable {
    /// Newest first, undated last, ties by title then id; "article index" means a position here.
    public let articles: [Article]
    let facets: [FacetTable]
    private let textSlot: TextIndexSlot
    /// The full-text index; waits when it is still building in the background.
    var text: FullTextIndex { textSlot.value }
    /// `YYYYMMDD` of each article's written day; 0 when undated.
    let dayKeys: [Int32]
    let dateOrder: [Int32]
    let titleOrder: [Int32]
    let authorOrder: [Int32]
    private let sortedIDs: [UInt64]
    private let sortedIDIndices: [Int32]
    private let allEntries: [[FacetEntry]]

    /// Sorts `articles` into date order and builds the facet tables and the full-text index, in parallel.
    public convenience init(articles: [Article]) {
        self.init(articles: articles, textIndexInBackground: false)
    }

    /// Like `init(articles:)`; with `textIndexInBackground` it returns as soon as browsing works and
    /// builds the full-text index on other threads (see `isTextIndexReady`; word queries wait for it).
    public init(articles input: [Article], textIndexInBackground: Bool) {
        let foldedInput = Self.foldTitles(input)
        let order = (0..<input.count).sorted { a, b in
            let dateA = input[a].date, dateB = input[b].date
            if dateA != dateB {
                guard let dateA else { return false }
                guard let dateB else { return true }
                if dateA != dateB { return dateA > dateB }
            }
            if foldedInput[a] != foldedInput[b] { return foldedInput[a] < foldedInput[b] }
            return input[a].id < input[b].id
        }
        let articles = order.map { input[$0] }
        let foldedTitles = order.map { foldedInput[$0] }
        self.articles = articles

        // Three independent builds; the text index also splits itself across cores.
        enum Part: Sendable {
            case text(FullTextIndex?)
            case facets([FacetTable])
            case orders(title: [Int32], days: [Int32])
        }
        let parts = Parallel.map(3) { part -> Part in
            switch part {
            case 0: return .text(textIndexInBackground ? nil : FullTextIndex(articles: articles))
            case 1: return .facets(Parallel.map(FacetKind.allCases.count) { FacetTable(kind: FacetKind.allCases[$0], articles: articles) })
            default:
                let title: [Int32] = (0..<Int32(articles.count)).sorted { (a: Int32, b: Int32) -> Bool in
                    let titleA = foldedTitles[Int(a)], titleB = foldedTitles[Int(b)]
                    if titleA != titleB { return titleA < titleB }
                    return a < b
                }
                let days = articles.map { article -> Int32 in
                    guard let date = article.date else { return 0 }
                    return Int32(date.year * 10000 + date.month * 100 + date.day)
                }
                return .orders(title: title, days: days)
            }
        }
        var text: FullTextIndex?, facets: [FacetTable] = [], titleOrder: [Int32] = [], dayKeys: [Int32] = []
        for part in parts {
            switch part {
            case .text(let index): text = index
            case .facets(let tables): facets = tables
            case .orders(let title, let days): titleOrder = title; dayKeys = days
            }
        }
        textSlot = TextIndexSlot(text)
        if textIndexInBackground {
            let slot = textSlot
            DispatchQueue.global(qos: .userInitiated).async { slot.set(FullTextIndex(articles: articles)) }
        }
        self.facets = facets
        self.titleOrder = titleOrder
        self.dayKeys = dayKeys
        dateOrder = Array(0..<Int32(articles.count))

        // Author order: by folded author (the interned value's rank), no author last, ties by date order.
        let authors = facets[FacetKind.author.ordinal]
        let authorRank: [Int32] = (0..<articles.count).map { article in
            let start = Int(authors.articleStarts[article])
            return start < Int(authors.articleStarts[article + 1]) ? authors.rank[Int(authors.articleValues[start])] : .max
        }
        authorOrder = dateOrder.sorted { (a: Int32, b: Int32) -> Bool in
            let rankA = authorRank[Int(a)], rankB = authorRank[Int(b)]
            return rankA != rankB ? rankA < rankB : a < b
        }

        let byID = (0..<articles.count).sorted { articles[$0].id.value < articles[$1].id.value }
        sortedIDs = byID.map { articles[$0].id.value }
        sortedIDIndices = byID.map { Int32($0) }
        allEntries = facets.map { $0.entries(counts: $0.totals) }
    }


    private static func foldTitles(_ articles: [Article]) -> [String] {
        let chunks = max(1, min(16, articles.count / 4096))
        return Parallel.map(chunks) { chunk in
            articles[articles.count * chunk / chunks..<articles.count * (chunk + 1) / chunks].map { TextFolding.fold($0.title) }
        }.flatMap { $0 }
    }

    /// False while a background full-text index build is still running.
    public var isTextIndexReady: Bool { textSlot.isReady }

    /// Blocks until the full-text index is built (the benchmark's "search ready").
    public func waitUntilTextIndexReady() { _ = textSlot.value }

    /// Number of articles.
    public var count: Int { articles.count }

    /// The article index of `id`, if loaded.
    public func index(of id: ArticleID) -> Int? {
        let position = lowerBound(id.value)
        guard position < sortedIDs.count, sortedIDs[position] == id.value else { return nil }
        return Int(sortedIDIndices[position])
    }

    /// Article indices (ascending) whose id starts with the hex `prefix`, as `gazette show 3fa2` needs.
    public func indices(matchingIDPrefix prefix: String) -> [Int] {
        let digits = 12
        guard !prefix.isEmpty, prefix.count <= digits, let value = UInt64(prefix, radix: 16),
              prefix.allSatisfy(\.isHexDigit) else { return [] }
        let shift = UInt64(4 * (digits - prefix.count))
        let low = lowerBound(value << shift)
        let high = lowerBound((value + 1) << shift)
        return sortedIDIndices[low..<high].map(Int.init).sorted()
    }

    private func lowerBound(_ value: UInt64) -> Int {
        var low = 0, high = sortedIDs.count
        while low < high {
            let mid = (low + high) / 2
            if sortedIDs[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Every value of a facet over the whole store, count descending then value ascending.
    public func allFacetEntries(_ kind: FacetKind) -> [FacetEntry] { allEntries[kind.ordinal] }

    /// The corpus-wide display spelling of each of the article's tags, in the article's order.
    public func tagDisplayNames(ofArticle index: Int) -> [String] {
        let tags = facets[FacetKind.tag.ordinal]
        return (Int(tags.articleStarts[index])..<Int(tags.articleStarts[index + 1])).map { tags.names[Int(tags.articleValues[$0])] }
    }
}
