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

    @Test func keptAddedChangedAndDeletedArticlesGiveTheFreshIndex() throws {
        let before = (0..<600).map { Self.article($0) }
        let old = FullTextIndex(articles: before)
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
        let updated = try #require(FullTextIndex.updated(old, previous: previous, articles: ArticleList(after)))
        #expect(!old.commonWords.isEmpty)
        #expect(updated.commonWords == old.commonWords)
        let rebuilt = FullTextIndex(articles: after, commonWords: old.commonWords)
        #expect(Self.tables(updated) == Self.tables(rebuilt))
        // Terms only the deleted articles had are gone, as in a fresh build.
        #expect(updated.termCount == rebuilt.termCount)
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
