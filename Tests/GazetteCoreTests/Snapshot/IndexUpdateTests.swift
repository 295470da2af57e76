import Testing
@testable import GazetteCore
import GazetteTestSupport

/// Updating a text index after some articles changed gives the index a fresh build gives (with the
/// old index's common words: an update keeps them, a fresh build chooses its own from a sample).
@Suite struct IndexUpdateTests {
    static let words = ["cable", "tunnel", "courier", "Zürich", "москва", "東京", "cipher", "asset", "handler", "report",
                        "border", "station", "notebook", "safehouse", "codebreaker", "telegram", "exchange", "bridge"]

    static func article(_ seed: Int, revision: Int = 0) -> Article {
        var random = SeededRandom(seed: UInt64(seed * 7 + revision + 1))
        func below(_ n: Int) -> Int { Int.random(in: 0..<n, using: &random) }
        func sentence(_ length: Int) -> String { (0..<length).map { _ in words[below(words.count)] }.joined(separator: " ") }
        let paragraphs = (0..<(1 + below(3))).map { _ in sentence(3 + below(40)) }
        return StoreFixture.article("\(sentence(2 + below(4))) \(seed)", nil, body: paragraphs + (revision > 0 ? ["revised \(revision)"] : []))
    }

    /// Every table, as plain arrays.
    static func tables(_ index: FullTextIndex) -> [[Int]] {
        [index.termBytes.map(Int.init), index.termOffsets.array, index.postingStarts.array, index.docStarts.array,
         index.docBytes.map(Int.init), index.tfs.map(Int.init), index.lengths.map(Int.init), [Int(index.averageLength.bitPattern)],
         index.positions.map(Int.init), index.positionStarts.array, index.skipDocs.map(Int.init), index.skipDocBytes.array,
         index.skipPositions.array]
    }

    /// Articles 0..<600 with some deleted, changed and added, and which old article each new one is.
    static func edited(_ before: [Article]) -> (after: [Article], previous: [Int32]) {
        var after: [Article] = [], previous: [Int32] = []
        for k in before.indices {
            if k % 17 == 3 { continue }  // deleted
            if k % 13 == 5 {
                after.append(Self.article(k, revision: 1))  // changed
                previous.append(-1)
            } else {
                after.append(before[k])
                previous.append(Int32(k))
            }
            if k % 29 == 0 {
                after.append(Self.article(10_000 + k))  // added between kept ones
                previous.append(-1)
            }
        }
        after.append(Self.article(20_000))  // and at the end
        previous.append(-1)
        return (after, previous)
    }

    /// The merge cut into 1 range, a few, one per term or so, and more ranges than terms (some
    /// empty): every cut gives the fresh build's tables.
    @Test(arguments: [1, 2, 3, 7, 64, 400, 5_000])
    func keptAddedChangedAndDeletedArticlesGiveTheFreshIndex(parts: Int) throws {
        let before = (0..<600).map { Self.article($0) }
        let old = FullTextIndex(articles: before)
        let (after, previous) = Self.edited(before)
        let updated = try #require(FullTextIndex.updated(old, previous: previous, articles: ArticleList(after), parts: parts))
        #expect(!old.commonWords.isEmpty)
        #expect(updated.commonWords == old.commonWords)
        let rebuilt = FullTextIndex(articles: after, commonWords: old.commonWords)
        #expect(Self.tables(updated) == Self.tables(rebuilt))
        // Terms only the deleted articles had are gone, as in a fresh build.
        #expect(updated.termCount == rebuilt.termCount)
    }

    /// Articles renumbered by a constant shift (an article added at the front), one replaced in
    /// place (a touched file read again), and the result updated again: still the fresh build.
    @Test func shiftedReplacedAndTwiceUpdatedGiveTheFreshIndex() throws {
        let before = (0..<300).map { Self.article($0) }
        let old = FullTextIndex(articles: before)
        var after = [Self.article(30_000)] + before
        after[150] = Self.article(149, revision: 2)
        let previous: [Int32] = [-1] + (0..<300).map { $0 == 149 ? -1 : Int32($0) }
        let once = try #require(FullTextIndex.updated(old, previous: previous, articles: ArticleList(after), parts: 5))
        #expect(Self.tables(once) == Self.tables(FullTextIndex(articles: after, commonWords: old.commonWords)))
        var again = after
        again.removeFirst(3)
        again.append(Self.article(30_001))
        let twice = try #require(FullTextIndex.updated(once, previous: (3..<301).map(Int32.init) + [-1],
                                                       articles: ArticleList(again), parts: 3))
        #expect(Self.tables(twice) == Self.tables(FullTextIndex(articles: again, commonWords: old.commonWords)))
    }

    /// Every article deleted, or every old term's postings replaced by new ones with new words.
    @Test func allRemovedAndAllTermsNewGiveTheFreshIndex() throws {
        let before = (0..<40).map { Self.article($0) }
        let old = FullTextIndex(articles: before)
        let empty = try #require(FullTextIndex.updated(old, previous: [], articles: ArticleList([]), parts: 4))
        #expect(Self.tables(empty) == Self.tables(FullTextIndex(articles: [], commonWords: old.commonWords)))
        #expect(empty.termCount == 0)
        // Half the articles kept, the other half new, with words no old article has.
        let unseen = (0..<20).map { StoreFixture.article("quorum \($0)", nil, body: ["zeppelin yacht \($0) xylophone"]) }
        let mixed = Array(before[..<20]) + unseen
        let previous = (0..<20).map(Int32.init) + Array(repeating: -1, count: 20)
        let updated = try #require(FullTextIndex.updated(old, previous: previous, articles: ArticleList(mixed), parts: 6))
        #expect(Self.tables(updated) == Self.tables(FullTextIndex(articles: mixed, commonWords: old.commonWords)))
        #expect(updated.termRange(SearchTerm(folded: "zeppelin", isPrefix: false)).count == 1)
    }

    @Test func nothingKeptOrOrderChangedFallsBackToARebuild() {
        let before = (0..<50).map { Self.article($0) }
        let old = FullTextIndex(articles: before)
        // Kept articles out of their old relative order: positions in postings would be wrong.
        let swapped = [before[1], before[0]] + before[2...]
        #expect(FullTextIndex.updated(old, previous: [1, 0] + (2..<50).map(Int32.init), articles: ArticleList(Array(swapped))) == nil)
        // Mostly new: a rebuild is cheaper.
        let fresh = (100..<150).map { Self.article($0) }
        #expect(FullTextIndex.updated(old, previous: Array(repeating: -1, count: 50), articles: ArticleList(fresh)) == nil)
        // Only deletions: the kept postings alone.
        let kept = Array(before[10...])
        let trimmed = FullTextIndex.updated(old, previous: (10..<50).map(Int32.init), articles: ArticleList(kept))
        #expect(trimmed.map(Self.tables) == Self.tables(FullTextIndex(articles: kept, commonWords: old.commonWords)))
    }
}
