import Testing
@testable import GazetteCore

@Suite struct StoreFacetTests {
    private let store = StoreFixture.store

    @Test func tagDisplayFormIsTheMostCommonSpelling() {
        let cartel = store.articles.firstIndex { $0.title == "Cartel finances traced" }!
        #expect(store.articles[cartel].tags == ["cia", "Mexico", "narcotics trade"])
        #expect(store.tagDisplayNames(ofArticle: cartel) == ["CIA", "Mexico", "narcotics trade"])
        // Equal counts: the spelling that sorts first wins, deterministically.
        #expect(store.allFacetEntries(.author).first == FacetEntry(kind: .author, value: "Joseph Fitsanakis", count: 2))
    }

    @Test func wholeStoreEntriesAreCountDescThenValueAsc() {
        #expect(store.allFacetEntries(.tag).map { "\($0.value)=\($0.count)" } == [
            "CIA=4", "Mexico=2", "Berlin=1", "Codebreaking=1", "covert action=1", "narcotics trade=1", "Switzerland=1",
        ])
        #expect(store.allFacetEntries(.year).map(\.value) == ["1956", "2022", "2024", "2025"])
        #expect(store.allFacetEntries(.category).map { "\($0.value)=\($0.count)" } == ["Americas=2", "Europe=2"])
    }

    @Test func facetCountsFollowTheFilter() throws {
        let result = store.evaluate(try Query.parse("tag:mexico"))
        #expect(result.facet(.tag).map { "\($0.value)=\($0.count)" } == ["CIA=2", "Mexico=2", "covert action=1", "narcotics trade=1"])
        #expect(result.facet(.year).map(\.value) == ["2024", "2025"])
        #expect(result.count(of: .tag, value: "cia") == 2)
        #expect(result.count(of: .tag, value: "COVERT ACTION") == 1)
        #expect(result.count(of: .tag, value: "Switzerland") == 0)
        #expect(result.count(of: .tag, value: "no such tag") == 0)
        #expect(result.count(of: .author, value: "JOSEPH FITSANAKIS") == 2)
    }

    @Test func facetCountsOfALargeResultAreExact() throws {
        // Over half the store matches, which counts the complement instead.
        let result = store.evaluate(try Query.parse("-tag:codebreaking"))
        #expect(result.count == 4)
        #expect(result.count(of: .tag, value: "CIA") == 4)
        #expect(result.count(of: .tag, value: "Codebreaking") == 0)
        #expect(result.count(of: .year, value: "2022") == 1)
        #expect(store.evaluate(.all).count(of: .tag, value: "codebreaking") == 1)
    }

    @Test func anAuthorWrittenAsAnAddressIsOneValueHoweverItIsSpelled() throws {
        let source = SourceLocation(path: "/mail/list.mbox", line: 1)
        let authors = [
            "\"Ada K.\" <ada@example.org>", "Ada K. <ada@example.org>", "ada@example.org (Ada K.)", "  Ada K.   <ADA@example.org> ",
            // Not the same person: a bare name, another name on the same address, a list rewriting senders.
            "Ada K.", "Ada King <ada@example.org>", "Ada K. via swift-dev <swift-dev@example.org>",
        ]
        let store = ArticleStore(articles: authors.enumerated().map { k, author in
            Article(title: "Post \(k)", author: author, paragraphs: ["Body \(k)."], source: source)
        })
        let entries = store.allFacetEntries(.author)
        #expect(entries.count == 4)
        #expect(entries.first?.count == 4)
        #expect(entries.dropFirst().allSatisfy { $0.count == 1 })
        #expect(Set(entries.dropFirst().map(\.value)) == ["Ada K.", "Ada King <ada@example.org>", "Ada K. via swift-dev <swift-dev@example.org>"])
        for spelling in authors.prefix(4) {
            #expect(store.evaluate(Query.facet(.author, spelling)).count == 4, "\(spelling)")
        }
        #expect(store.evaluate(try Query.parse("author:king")).count == 1)
    }
}
