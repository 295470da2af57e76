import Testing
@testable import GazetteCore

@Suite struct StoreRankingTests {
    private static let filler = "The report describes meetings, travel and the usual paperwork of the station."

    private static let store = ArticleStore(articles: [
        StoreFixture.article("Station budget review", StoreFixture.day(2024, 1, 1), body: [filler, "One tunnel is mentioned here."]),
        StoreFixture.article("Tunnel under Berlin", StoreFixture.day(2020, 1, 1), body: [filler, "Nothing else is mentioned here."]),
        StoreFixture.article("Archive notes", StoreFixture.day(2023, 1, 1), body: [filler, "A tunnel, a second tunnel and a third tunnel."]),
        StoreFixture.article("Unrelated", StoreFixture.day(2025, 1, 1), body: [filler]),
    ])

    @Test func titleHitBeatsBodyHitAndMoreHitsRankHigher() throws {
        let ranked = try StoreFixture.titles("tunnel", sort: .relevance, in: Self.store)
        #expect(ranked.first == "Tunnel under Berlin")
        #expect(ranked.firstIndex(of: "Archive notes")! < ranked.firstIndex(of: "Station budget review")!)
        #expect(ranked.count == 3)
        #expect(try StoreFixture.titles("tunnel", in: Self.store) == ["Station budget review", "Archive notes", "Tunnel under Berlin"])
    }

    @Test func rarerWordsWeighMore() throws {
        // "station" is everywhere (filler); "second" only in one article.
        let ranked = try StoreFixture.titles("station OR second", sort: .relevance, in: Self.store)
        #expect(ranked.first == "Archive notes")
        #expect(ranked.count == 4)
    }
}
