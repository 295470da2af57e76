import Testing
@testable import GazetteCore

/// Phrases are matched from indexed word positions: consecutive words of one field only.
@Suite struct StorePhraseTests {
    static let store = ArticleStore(articles: [
        StoreFixture.article("Alpha beta", StoreFixture.day(2020, 1, 1),
                             body: ["Gamma, delta!", "delta delta epsilon", "Zürich CAFÉ opened"]),
        StoreFixture.article("Beta gamma", StoreFixture.day(2021, 1, 1), body: ["alpha beta delta"]),
    ])

    static func titles(_ query: String) throws -> [String] {
        try StoreFixture.titles(query, in: store)
    }

    @Test func wordsMustBeAdjacentWithinOneField() throws {
        #expect(try Self.titles("\"gamma delta\"") == ["Alpha beta"])
        #expect(try Self.titles("\"beta gamma\"") == ["Beta gamma"])  // the first title only ends with beta
        #expect(try Self.titles("\"gamma delta delta\"").isEmpty)    // spans two paragraphs
        #expect(try Self.titles("\"delta delta epsilon\"") == ["Alpha beta"])
        #expect(try Self.titles("\"delta delta delta\"").isEmpty)
        #expect(try Self.titles("\"alpha beta\"") == ["Beta gamma", "Alpha beta"])
        #expect(try Self.titles("\"beta alpha\"").isEmpty)
    }

    @Test func chineseAndJapaneseWordsAreFoundInsideUnspacedSentences() throws {
        let store = ArticleStore(articles: [
            StoreFixture.article("東京の情報機関が再編", StoreFixture.day(2024, 1, 2), body: ["北京と東京で会議。京都は別。"]),
            StoreFixture.article("京東の報告", StoreFixture.day(2024, 1, 1), body: ["No city here."]),
        ])
        for (query, expected) in [("東京", ["東京の情報機関が再編"]), ("情報機関", ["東京の情報機関が再編"]),
                                  ("京都", ["東京の情報機関が再編"]), ("京東", ["京東の報告"]), ("報告", ["京東の報告"]),
                                  ("\"北京と東京\"", ["東京の情報機関が再編"]), ("東京 -京東", ["東京の情報機関が再編"]),
                                  ("大阪", [])] {
            #expect(try StoreFixture.titles(query, in: store) == expected, "\(query)")
            // Read without the index (a first start) the answer is the same.
            let read = try store.evaluateByReading(Query.parse(query))
            #expect(read.indices.map { store.articles[Int($0)].title } == expected, "\(query) by reading")
        }
    }

    @Test func foldedAndPrefixWordsMatch() throws {
        #expect(try Self.titles("\"zurich cafe opened\"") == ["Alpha beta"])
        #expect(try Self.titles("\"missing word\"").isEmpty)
    }
}
