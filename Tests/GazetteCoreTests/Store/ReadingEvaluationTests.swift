import Foundation
import Testing
@testable import GazetteCore

/// `evaluateByReading` (words answered from the articles' text while the index builds) gives
/// exactly the indexed evaluation's matches, orders and facet counts.
@Suite struct ReadingEvaluationTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Both evaluations of `text` agree in every sort order but relevance (which reading answers
    /// in date order: ranking needs the index's statistics).
    static func expectSame(_ text: String, in store: ArticleStore, everySort: Bool = false,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let query = try Query.parse(text)
        let indexed = store.evaluate(query, sort: .date)
        let read = store.evaluateByReading(query, sort: .date)
        #expect(read.indices == indexed.indices, "\(text)", sourceLocation: sourceLocation)
        for kind in FacetKind.allCases {
            #expect(read.facet(kind) == indexed.facet(kind), "\(text) \(kind)", sourceLocation: sourceLocation)
        }
        guard everySort else { return }
        for sort in [SortOrder.title, .author] {
            #expect(store.evaluateByReading(query, sort: sort).indices == store.evaluate(query, sort: sort).indices,
                    "\(text) (\(sort))", sourceLocation: sourceLocation)
        }
        #expect(store.evaluateByReading(query, sort: .relevance).indices == indexed.indices, "\(text) (relevance read in date order)",
                sourceLocation: sourceLocation)
    }

    @Test func randomQueriesOverTheSyntheticStoreMatchTheIndex() throws {
        var random = StoreOracleTests.Random(state: 4242)
        var nonEmpty = 0
        for trial in 0..<24 {
            let text = StoreOracleTests.randomQuery(&random)
            try Self.expectSame(text, in: StoreOracleTests.store, everySort: trial % 6 == 0)
            if !StoreOracleTests.store.evaluate(try Query.parse(text)).indices.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty >= 12)
    }

    /// Real shapes: mbox, Maildir, Usenet replies with quoted lines, a wire story, the bundled
    /// corpus. Paragraphs there span several source lines (a phrase may cross a line break but
    /// never an empty line), lines are indented, words carry diacritics.
    @Test func everyWordAndAdjacentPairOfRealArchivesMatchesTheIndex() throws {
        let archive = try ArchiveLoader.load(directories: [
            Self.packageRoot.appendingPathComponent("Tests/GazetteCoreTests/Fixtures/archives").path,
            Self.packageRoot.appendingPathComponent("Data").path,
        ])
        let store = ArticleStore(articles: archive.articles)
        #expect(store.count > 20)
        // Every distinct word of a sample of articles, a prefix of it, and each pair of
        // consecutive words (some across a line break, some across a paragraph break).
        var words: [String] = []
        var seen = Set<String>()
        var pairs: [String] = []
        for index in stride(from: 0, to: store.count, by: max(1, store.count / 12)) {
            let article = store.articles[index]
            let tokens = TextFolding.words(in: article.title + "\n\n" + article.body).map(\.folded)
            for word in tokens where seen.insert(word).inserted { words.append(word) }
            for k in stride(from: 0, to: max(0, tokens.count - 1), by: 7) { pairs.append("\"\(tokens[k]) \(tokens[k + 1])\"") }
        }
        #expect(words.count > 200)
        for word in words.prefix(400) { try Self.expectSame(word, in: store) }
        for word in words.prefix(60) where word.count > 2 { try Self.expectSame(String(word.prefix(2)) + "*", in: store) }
        for (k, pair) in pairs.prefix(120).enumerated() { try Self.expectSame(pair, in: store, everySort: k % 20 == 0) }
        // Mixed with fields, negations and ORs.
        try Self.expectSame("\(words[3]) -\(words[10]) OR year:2022", in: store)
        try Self.expectSame("NOT (\(words[5]) OR \(words[7])) author:a", in: store)
    }

    /// A phrase runs on across a line break inside a paragraph, never across an empty line,
    /// and never from the title into the body.
    @Test func phrasesCrossLineBreaksButNotParagraphsOrFields() throws {
        let text = """
            Title: Zeppelin raid
            Date: 2024-03-01

            The airship crossed
              the coast at night.

            Raid ended.
            Night fell over Café Zürich.
            """
        let parsed = ArticleFileParser.parse(bytes: Array(text.utf8), path: "z.txt")
        let store = ArticleStore(articles: parsed.articles)
        #expect(store.evaluateByReading(try Query.parse("\"crossed the coast\"")).count == 1)
        #expect(store.evaluateByReading(try Query.parse("\"night raid\"")).count == 0)
        #expect(store.evaluateByReading(try Query.parse("\"raid the\"")).count == 0)
        #expect(store.evaluateByReading(try Query.parse("\"ended night\"")).count == 1)
        #expect(store.evaluateByReading(try Query.parse("cafe zurich")).count == 1)
        #expect(store.evaluateByReading(try Query.parse("zep*")).count == 1)
        for query in ["\"crossed the coast\"", "\"night raid\"", "\"raid the\"", "\"ended night\"", "cafe zurich", "zep*", "coast -zurich"] {
            try Self.expectSame(query, in: store, everySort: true)
        }
    }

    /// Reading never waits for the index: a store whose index is still building answers at once.
    @Test func readingAnswersWhileTheIndexBuilds() throws {
        let store = ArticleStore(articles: StoreFixture.articles, textIndexInBackground: true)
        let result = store.evaluateByReading(try Query.parse("cartels"), sort: .relevance)
        #expect(result.indices.map { store.articles[Int($0)].title } == ["Covert action in Mexico", "Zürich spy ring exposed"])
        store.waitUntilTextIndexReady()
        try Self.expectSame("cartels", in: store)
    }
}
