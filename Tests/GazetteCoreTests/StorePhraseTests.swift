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

    @Test func foldedAndPrefixWordsMatch() throws {
        #expect(try Self.titles("\"zurich cafe opened\"") == ["Alpha beta"])
        #expect(try Self.titles("\"missing word\"").isEmpty)
    }
}
