import Testing
@testable import GazetteCore

@Suite struct StoreQueryTests {
    private func titles(_ query: String, sort: SortOrder = .date) throws -> [String] { try StoreFixture.titles(query, sort: sort) }

    @Test func storeIsNewestFirstWithUndatedLast() {
        #expect(StoreFixture.store.articles.map(\.title) == [
            "Covert action in Mexico", "Cartel finances traced", "Zürich spy ring exposed", "Berlin tunnel",
            "Undated memo on codebreaking",
        ])
        #expect(StoreFixture.store.count == 5)
        #expect(StoreFixture.store.evaluate(.all).count == 5)
    }

    @Test func wordsMatchWholeWordsOnlyUnlessPrefixed() throws {
        #expect(try titles("cartel") == ["Cartel finances traced"])
        #expect(try titles("cartel*") == ["Covert action in Mexico", "Cartel finances traced", "Zürich spy ring exposed"])
        #expect(try titles("cartels") == ["Covert action in Mexico", "Zürich spy ring exposed"])
    }

    @Test func wordsMatchCaseAndDiacriticInsensitively() throws {
        let both = ["Cartel finances traced", "Zürich spy ring exposed"]
        #expect(try titles("zurich") == both)
        #expect(try titles("ZÜRICH") == both)
        #expect(try titles("Zu\u{308}rich") == both)
    }

    @Test func allWordsMustMatch() throws {
        #expect(try titles("covert mexico") == ["Covert action in Mexico"])
        #expect(try titles("covert bletchley") == [])
    }

    @Test func phrasesMatchConsecutiveWords() throws {
        #expect(try titles("\"covert action\"") == ["Covert action in Mexico", "Cartel finances traced"])
        #expect(try titles("\"action covert\"") == [])
        // Both words are in the article, but not next to each other.
        #expect(try titles("\"covert program\"") == [])
        #expect(try titles("\"soviet cab*\"") == ["Berlin tunnel"])
        // Diacritics and case inside phrases, including a word that starts with a non-ASCII letter.
        #expect(try titles("\"zurich spy\"") == ["Zürich spy ring exposed"])
        #expect(try titles("\"ZURICH BANKERS\"") == ["Cartel finances traced"])
        #expect(try titles("\"the old town\"") == ["Zürich spy ring exposed"])
    }

    @Test func phrasesAcrossNonASCIIWords() throws {
        let store = ArticleStore(articles: [
            StoreFixture.article("Summit", StoreFixture.day(2020, 1, 1), body: ["Talks at the Élysée Palace — «Правда» reported, naïvely."]),
            StoreFixture.article("Other", StoreFixture.day(2021, 1, 1), body: ["Palace talks; Elysee fields."]),
        ])
        func titles(_ query: String) throws -> [String] { try StoreFixture.titles(query, in: store) }
        #expect(try titles("\"elysee palace\"") == ["Summit"])
        #expect(try titles("\"the ÉLYSÉE\"") == ["Summit"])
        #expect(try titles("\"palace правда\"") == ["Summit"])
        #expect(try titles("\"правда reported\"") == ["Summit"])
        #expect(try titles("\"reported naive\"") == [])
        #expect(try titles("\"reported naiv*\"") == ["Summit"])
        #expect(try titles("\"palace talks\"") == ["Other"])
    }

    @Test func fieldsFilter() throws {
        #expect(try titles("tag:cia") == ["Covert action in Mexico", "Cartel finances traced", "Zürich spy ring exposed", "Berlin tunnel"])
        #expect(try titles("tag:\"Covert Action\"") == ["Covert action in Mexico"])
        #expect(try titles("category:AMERICAS") == ["Covert action in Mexico", "Cartel finances traced"])
        #expect(try titles("author:fitsa") == ["Covert action in Mexico", "Cartel finances traced"])
        #expect(try titles("author:muller") == ["Zürich spy ring exposed"])
        #expect(try titles("year:2022") == ["Zürich spy ring exposed"])
        #expect(try titles("after:2024-05") == ["Covert action in Mexico", "Cartel finances traced"])
        #expect(try titles("after:2024-05-11") == ["Covert action in Mexico"])
        #expect(try titles("before:2022-03-01") == ["Berlin tunnel"])
        #expect(try titles("before:2022-03-02") == ["Zürich spy ring exposed", "Berlin tunnel"])
        #expect(try titles("tag:unknown") == [])
    }

    @Test func negationOrAndGrouping() throws {
        #expect(try titles("-tag:cia") == ["Undated memo on codebreaking"])
        #expect(try titles("NOT tag:CIA") == ["Undated memo on codebreaking"])
        #expect(try titles("mexico OR berlin") == ["Covert action in Mexico", "Berlin tunnel"])
        #expect(try titles("(berlin OR zurich) -tag:mexico") == ["Zürich spy ring exposed", "Berlin tunnel"])
        #expect(try titles("tag:cia -\"covert action\"") == ["Zürich spy ring exposed", "Berlin tunnel"])
        // NOT binds tighter than AND, AND tighter than OR.
        #expect(try titles("berlin OR zurich bankers") == ["Cartel finances traced", "Berlin tunnel"])
        #expect(try titles("NOT zurich year:2022") == [])
    }

    @Test func sortOrders() throws {
        #expect(try titles("", sort: .title) == [
            "Berlin tunnel", "Cartel finances traced", "Covert action in Mexico", "Undated memo on codebreaking",
            "Zürich spy ring exposed",
        ])
        // Authors group case-insensitively; no author last; ties in date order.
        #expect(try titles("", sort: .author) == [
            "Zürich spy ring exposed", "Berlin tunnel", "Covert action in Mexico", "Cartel finances traced",
            "Undated memo on codebreaking",
        ])
        #expect(try titles("tag:cia", sort: .title) == ["Berlin tunnel", "Cartel finances traced", "Covert action in Mexico", "Zürich spy ring exposed"])
        // Without words, relevance is date order.
        let byDate = try titles("tag:cia")
        #expect(try titles("tag:cia", sort: .relevance) == byDate)
    }

    @Test func idLookup() throws {
        let store = StoreFixture.store
        for (index, article) in store.articles.enumerated() {
            #expect(store.index(of: article.id) == index)
            #expect(store.indices(matchingIDPrefix: String(article.id.description.prefix(6))).contains(index))
            #expect(store.indices(matchingIDPrefix: article.id.description.uppercased()) == [index])
        }
        #expect(store.indices(matchingIDPrefix: "") == [])
        #expect(store.indices(matchingIDPrefix: "xyz") == [])
        #expect(store.indices(matchingIDPrefix: "+1") == [])
        #expect(store.indices(matchingIDPrefix: "0123456789abc") == [])
        #expect(store.indices(matchingIDPrefix: "").isEmpty)
        #expect(Set(store.indices(matchingIDPrefix: "0") + (1...15).flatMap { store.indices(matchingIDPrefix: String($0, radix: 16)) }) == Set(0..<5))
        #expect(store.index(of: ArticleID(value: 42)) == nil)
    }

    @Test func backgroundTextIndexGivesTheSameResults() throws {
        let store = ArticleStore(articles: StoreFixture.articles, textIndexInBackground: true)
        // Browsing needs no text index.
        #expect(store.evaluate(try Query.parse("tag:cia")).count == 4)
        for query in ["cartel*", "\"covert action\" -tag:mexico", "zurich OR berlin"] {
            #expect(try StoreFixture.titles(query, sort: .relevance, in: store) == StoreFixture.titles(query, sort: .relevance), "\(query)")
        }
        #expect(store.isTextIndexReady)
        #expect(StoreFixture.store.isTextIndexReady)
    }

    @Test func emptyStore() throws {
        let store = ArticleStore(articles: [])
        #expect(store.count == 0)
        let result = store.evaluate(try Query.parse("spy tag:cia OR \"a phrase\" -year:2020"), sort: .relevance)
        #expect(result.count == 0)
        #expect(result.facet(.tag).isEmpty)
        #expect(store.evaluate(.all, sort: .author).count == 0)
        #expect(store.allFacetEntries(.year).isEmpty)
        #expect(store.indices(matchingIDPrefix: "ab") == [])
    }
}
