import Testing
@testable import GazetteCore

@Suite struct QueryBuilderTests {
    private static let store = ArticleStore(articles: [
        StoreFixture.article("By Ann", StoreFixture.day(2022, 1, 1), author: "Ann", tags: ["CIA"], body: ["Harbour lights."]),
        StoreFixture.article("By Joanna", StoreFixture.day(2021, 1, 1), author: "Joanna Annabel", tags: ["CIA agents"],
                             body: ["A quiet day."]),
        StoreFixture.article("By ann again", StoreFixture.day(2020, 1, 1), author: "ann", category: ["Europe"], body: ["Rain."]),
    ])

    private func titles(_ query: Query) -> [String] {
        Self.store.evaluate(query).indices.map { Self.store.articles[Int($0)].title }
    }

    @Test func builtFacetsMatchWholeValuesCaseInsensitively() throws {
        #expect(titles(.facet(.author, "Ann")) == ["By Ann", "By ann again"], "not Joanna Annabel")
        #expect(try titles(Query.parse("author:Ann")) == ["By Ann", "By Joanna", "By ann again"], "typed author: stays a substring")
        #expect(titles(.facet(.tag, "cia")) == ["By Ann"])
        #expect(titles(.facet(.category, "EUROPE")) == ["By ann again"])
        #expect(titles(.facet(.year, "2021")) == ["By Joanna"])
        #expect(titles(.facet(.author, "Nobody")) == [])
    }

    @Test func notAndAndCombine() throws {
        #expect(titles(.not(.facet(.author, "Ann"))) == ["By Joanna"])
        let typed = try Query.parse("harbour OR rain")
        let combined = Query.and([.facet(.author, "ann"), .not(.facet(.category, "Europe")), typed])
        #expect(titles(combined) == ["By Ann"])
        #expect(combined.text == "author:ann -category:Europe (harbour OR rain)")
        #expect(combined.hasWords)
        #expect(Query.and([]).isEmpty)
        #expect(Query.and([.all, .facet(.tag, "CIA")]) == .facet(.tag, "CIA"))
        #expect(Query.facet(.author, "Ann Lee").text == "author:\"Ann Lee\"")
    }

    @Test func fullTextUseCountsNegatedWordsButNotFields() throws {
        #expect(try !Query.parse("tag:CIA year:2022 -author:x").usesFullText)
        #expect(try Query.parse("-harbour").usesFullText)
        #expect(try !Query.parse("-harbour").hasWords)
        #expect(try Query.parse("tag:CIA (a OR \"b c\")").usesFullText)
        #expect(!Query.all.usesFullText)
    }
}
