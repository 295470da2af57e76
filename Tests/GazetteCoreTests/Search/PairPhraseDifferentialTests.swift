import Foundation
import Testing
@testable import GazetteCore
import GazetteTestSupport

/// Phrases answered from the postings of common word pairs give exactly the position check's
/// answer, and the text's: on random archives thick with a few common words (said twice in a row,
/// across the title/body boundary, across line breaks within a paragraph and across paragraphs),
/// built fresh, updated after edits, and mapped from a snapshot.
@Suite struct PairPhraseDifferentialTests {
    static let common = ["of", "the", "in", "A", "shond", "Übel"]
    static let rare = ["cable", "tunnel", "Zürich", "東京", "cipher", "of-the", "theory"] + (0..<300).map { "word\($0)" }

    static func word(_ random: inout SeededRandom) -> String {
        Int.random(in: 0..<10, using: &random) < 7 ? common.randomElement(using: &random)! : rare.randomElement(using: &random)!
    }

    static func words(_ count: Int, _ random: inout SeededRandom) -> String {
        (0..<count).map { _ in word(&random) }.joined(separator: [" ", " ", ", ", " — ", "-"].randomElement(using: &random)!)
    }

    static func article(_ k: Int, _ random: inout SeededRandom) -> Article {
        let paragraphs = (0..<Int.random(in: 0...3, using: &random)).map { _ in
            // Lines of one paragraph are one run of words: a phrase may span the line break.
            (0..<Int.random(in: 1...3, using: &random)).map { _ in words(Int.random(in: 1...9, using: &random), &random) }
                .joined(separator: "\n")
        }
        return StoreFixture.article(words(Int.random(in: 0...4, using: &random), &random) + " \(k)", nil, body: paragraphs)
    }

    /// A phrase of 2–4 words, mostly common ones, often a word twice.
    static func phrase(_ random: inout SeededRandom) -> [String] {
        var phrase = [word(&random)]
        for _ in 1..<Int.random(in: 2...4, using: &random) {
            phrase.append(Bool.random(using: &random) ? phrase.last! : word(&random))
        }
        return phrase
    }

    /// The articles where the folded words follow each other in the title or in one paragraph.
    static func oracle(_ phrase: [String], _ articles: [Article]) -> Set<Int> {
        // The phrase's words as the index reads them: "of-the" is two words, as in the text.
        let wanted = TextFolding.foldedWords(in: phrase.joined(separator: " "))
        return Set(articles.indices.filter { k in
            ([articles[k].title] + articles[k].paragraphs).contains { field in
                let found = TextFolding.foldedWords(in: field)
                return found.count >= wanted.count && (0...(found.count - wanted.count)).contains { Array(found[$0..<$0 + wanted.count]) == wanted }
            }
        })
    }

    /// The index's answer through the pair postings where it has them.
    static func answer(_ phrase: [String], _ index: FullTextIndex, within: Bitset) -> Set<Int> {
        let ids = TextFolding.foldedWords(in: phrase.joined(separator: " ")).map { index.termRange(SearchTerm(folded: $0)) }
        guard ids.allSatisfy({ $0.count == 1 }) else { return [] }
        var result: Set<Int> = []
        index.phraseMatches(ids.map(\.lowerBound), within: within).forEach { result.insert($0) }
        return result
    }

    @Test func pairPostingsAnswerAsPositionsAndTextDo() {
        var random = SeededRandom()
        let articles = (0..<1500).map { Self.article($0, &random) }
        let index = FullTextIndex(articles: articles)
        let positionsOnly = FullTextIndex(articles: articles, commonWords: .empty)
        #expect(Set(index.commonWords.words) == Set(Self.common.map { Array(TextFolding.fold($0).utf8) }))
        #expect(index.wordTermCount < index.termCount && positionsOnly.wordTermCount == positionsOnly.termCount)
        var within = Bitset(count: articles.count)
        for k in articles.indices where k % 3 != 0 { within.insert(k) }
        var nonEmpty = 0
        for _ in 0..<300 {
            let phrase = Self.phrase(&random)
            let expected = Self.oracle(phrase, articles)
            if !expected.isEmpty { nonEmpty += 1 }
            #expect(Self.answer(phrase, index, within: .full(count: articles.count)) == expected, "\(phrase) \(random.reproduce)")
            #expect(Self.answer(phrase, positionsOnly, within: .full(count: articles.count)) == expected, "\(phrase)")
            #expect(Self.answer(phrase, index, within: within) == expected.filter { within.contains($0) }, "\(phrase) within")
        }
        #expect(nonEmpty > 150)
        // The title's last word and the body's first are not adjacent, nor are two paragraphs' edges.
        let edges = StoreFixture.article("cable of", nil, body: ["the tunnel", "in\nthe station", "shond", "shond"])
        let small = FullTextIndex(articles: [edges] + articles.prefix(200), commonWords: index.commonWords)
        #expect(Self.answer(["of", "the"], small, within: .full(count: 201)) == Self.oracle(["of", "the"], [edges] + articles.prefix(200)))
        #expect(!Self.answer(["of", "the"], small, within: .full(count: 201)).contains(0))
        #expect(Self.answer(["in", "the"], small, within: .full(count: 201)).contains(0))
        #expect(!Self.answer(["shond", "shond"], small, within: .full(count: 201)).contains(0))
    }

    @Test func pairTermsNeverLeakIntoWordLookups() {
        var random = SeededRandom()
        let index = FullTextIndex(articles: (0..<400).map { Self.article($0, &random) })
        #expect(index.termRange(SearchTerm(folded: "", isPrefix: true)) == 0..<index.wordTermCount)
        #expect(index.termRange(SearchTerm(folded: "the", isPrefix: true)).allSatisfy { $0 < index.wordTermCount })
        #expect(index.termRange(SearchTerm(folded: "of the")).isEmpty)
    }

    @Test func anUpdatedIndexAnswersAsAFreshOne() throws {
        var random = SeededRandom()
        let before = (0..<900).map { Self.article($0, &random) }
        let old = FullTextIndex(articles: before)
        var after: [Article] = [], previous: [Int32] = []
        for k in before.indices {
            if k % 11 == 4 { continue }
            if k % 7 == 2 {
                after.append(Self.article(5000 + k, &random))
                previous.append(-1)
            } else {
                after.append(before[k])
                previous.append(Int32(k))
            }
        }
        let updated = try #require(FullTextIndex.updated(old, previous: previous, articles: ArticleList(after)))
        let fresh = FullTextIndex(articles: after)
        for _ in 0..<200 {
            let phrase = Self.phrase(&random)
            let expected = Self.oracle(phrase, after)
            #expect(Self.answer(phrase, updated, within: .full(count: after.count)) == expected, "\(phrase) \(random.reproduce)")
            #expect(Self.answer(phrase, fresh, within: .full(count: after.count)) == expected, "\(phrase)")
        }
    }

    @Test func theMappedIndexAnswersAsTheBuiltOne() throws {
        var random = SeededRandom()
        let articles = (0..<700).map { Self.article($0, &random) }
        let store = ArticleStore(articles: articles)
        let scratch = SnapshotScratch()
        let path = scratch.child("pairs.gzsnap")
        try SnapshotWriter.write(store: store, report: LoadReport(), files: SnapshotFiles(paths: [], stats: []), directories: [], to: path)
        let mapped = try Snapshot.open(path: path).store
        #expect(mapped.text.commonWords == store.text.commonWords && !mapped.text.commonWords.isEmpty)
        for _ in 0..<150 {
            let phrase = Self.phrase(&random)
            let query = try Query.parse("\"" + phrase.joined(separator: " ") + "\"")
            let expected = Self.oracle(phrase, Array(store.articles)).map { store.articles[$0].id }
            #expect(Set(mapped.evaluate(query).indices.map { mapped.articles[Int($0)].id }) == Set(expected), "\(phrase) \(random.reproduce)")
            #expect(Set(store.evaluate(query).indices.map { store.articles[Int($0)].id }) == Set(expected), "\(phrase)")
        }
    }
}
