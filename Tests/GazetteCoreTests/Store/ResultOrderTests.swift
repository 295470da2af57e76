import Foundation
import Testing
@testable import GazetteCore
import GazetteTestSupport

/// The lazily settled order (`ResultOrder`) against a full sort: whatever positions are asked
/// for, in whatever sequence, each holds the article the full sort puts there.
@Suite struct ResultOrderTests {
    /// Keys shaped like ranking keys (score bits high, article low), with the shapes quickselect
    /// finds hardest: all scores tied, few distinct scores, sorted, reversed, organ pipe.
    static func keys(_ shape: Int, count: Int, _ random: inout SeededRandom) -> [UInt64] {
        let articles = (0..<count).map { UInt64($0) }
        let scores: [UInt64] = articles.map { article in
            switch shape {
            case 0: return 7
            case 1: return random.next() % 4
            case 2: return article
            case 3: return UInt64(count) - article
            case 4: return min(article, UInt64(count) - article)
            default: return random.next() % 1_000_000
            }
        }
        return zip(scores, articles).map { $0 << 32 | $1 }.shuffledIf(shape >= 5, using: &random)
    }

    /// The positions a user reaches: the top window, pages down, `G` then pages up, random jumps.
    static func accessPattern(count: Int, _ random: inout SeededRandom) -> [Int] {
        guard count > 0 else { return [] }
        switch random.next() % 4 {
        case 0: return Array(0..<min(count, 40)) + stride(from: 0, to: count, by: 37).map { $0 }
        case 1: return Array(((count - min(count, 40))..<count).reversed()) + stride(from: count - 1, through: 0, by: -41).map { $0 }
        case 2: return (0..<200).map { _ in Int(random.next() % UInt64(count)) }
        default: return Array(0..<count)
        }
    }

    @Test func everyPositionAskedForHoldsTheFullSortsArticle() {
        var random = SeededRandom()
        for round in 0..<60 {
            let count = [0, 1, 2, 47, 48, 49, 100, 1000, 5000][round % 9] + Int(random.next() % 3)
            let keys = Self.keys(round % 6, count: count, &random)
            let expected = keys.sorted().map { Int32(truncatingIfNeeded: $0) }
            let order = ResultOrder(keys: keys)
            #expect(order.count == expected.count)
            for position in Self.accessPattern(count: count, &random) {
                #expect(order[position] == expected[position], "round \(round) position \(position), \(random.reproduce)")
            }
            // Positions of articles need no sort; they agree with the full order.
            for _ in 0..<min(count, 20) {
                let article = Int32(random.next() % UInt64(count))
                #expect(order.position(of: article) == expected.firstIndex(of: article), "\(random.reproduce)")
            }
            #expect(order.position(of: Int32(count)) == nil)
            #expect(order.all == expected, "round \(round), \(random.reproduce)")
        }
    }

    /// Random queries of the oracle's generator that have words (so they are ranked), `tries` drawn.
    static func wordQueries(_ tries: Int, _ random: inout SeededRandom) throws -> [(text: String, query: Query)] {
        var legacy = StoreOracleTests.Random(state: random.next())
        return try (0..<tries).compactMap { _ in
            let text = StoreOracleTests.randomQuery(&legacy)
            let query = try Query.parse(text)
            return query.hasWords ? (text, query) : nil
        }
    }

    @Test func relevanceResultsSeenInAnyOrderEqualTheFullSort() throws {
        let store = StoreOracleTests.store
        var random = SeededRandom()
        var broad = 0
        for (text, query) in try Self.wordQueries(60, &random) {
            // The full sort, as the order was made before it was settled lazily.
            let expected = store.evaluate(query, sort: .relevance).indices
            let lazy = store.evaluate(query, sort: .relevance)
            #expect(lazy.count == expected.count)
            for position in Self.accessPattern(count: expected.count, &random) {
                #expect(lazy.order[position] == expected[position], "\(text): position \(position), \(random.reproduce)")
            }
            #expect(lazy.indices == expected, "\(text)")
            if expected.count > 1000 { broad += 1 }
        }
        // Broad results are where the lazy path differs most from a sort; the generator must make some.
        #expect(broad >= 3)
    }
}

extension ResultOrderTests {
    /// BM25 computed per hit, as `addScores` did before its factors came from `ScoringTables`.
    static func perHitRanking(_ store: ArticleStore, _ query: Query) -> [Int32] {
        let members = Set(store.evaluate(query).indices.map(Int.init))
        let text = store.text
        var scores = [Float](repeating: 0, count: store.count)
        let k1 = 1.2, b = 0.75
        for term in query.highlightTerms {
            for id in text.termRange(term) {
                let df = Double(text.documentFrequency(id))
                let idf = Float(log(1 + (Double(store.count) - df + 0.5) / (df + 0.5)))
                let norm = Float(k1 * (1 - b)), lengthFactor = Float(k1 * b / text.averageLength), boost = Float(k1 + 1)
                text.forEachPosting(of: id) { k, doc in
                    guard members.contains(doc) else { return }
                    let tf = Float(TextIndexBuilder.weightedTF(text.tfs[k]))
                    scores[doc] += idf * tf * boost / (tf + norm + lengthFactor * Float(text.lengths[doc]))
                }
            }
        }
        return members.map { UInt64(UInt32.max - scores[$0].bitPattern) << 32 | UInt64($0) }.sorted()
            .map { Int32(truncatingIfNeeded: $0) }
    }

    @Test func rankingFromTablesEqualsThePerHitFormula() throws {
        let store = StoreOracleTests.store
        var random = SeededRandom()
        var ranked = 0
        for (text, query) in try Self.wordQueries(40, &random) {
            #expect(store.evaluate(query, sort: .relevance).indices == Self.perHitRanking(store, query), "\(text), \(random.reproduce)")
            ranked += 1
        }
        #expect(ranked >= 10)
    }
}

private extension Array {
    func shuffledIf(_ condition: Bool, using random: inout SeededRandom) -> [Element] {
        condition ? shuffled(using: &random) : self
    }
}
