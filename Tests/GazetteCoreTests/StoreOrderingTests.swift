import Testing
@testable import GazetteCore

/// The store's integer-keyed orders agree with sorting by the documented rules on `String`s.
@Suite struct StoreOrderingTests {
    static let titles = ["Alpha", "alpha", "Älpha", "alphabet", "Zürich", "zurich", "Zurich b", "東京", "beta", "Beta ",
                         "", "a\u{301}b", "ab", "ÉCOLE", "ecole", "Ω", "émigré", "emigre", "x", "X"]

    static func articles() -> [Article] {
        var random = StoreOracleTests.Random(state: 11)
        return (0..<600).map { n in
            // Few dates and titles, so ties of date and of folded title are common.
            let date: ArticleDate? = random.below(8) == 0 ? nil : StoreFixture.day(2000 + random.below(3), 1 + random.below(2), 1)
            let title = random.pick(titles) + (random.below(3) == 0 ? " \(random.below(4))" : "")
            return StoreFixture.article(title, date, author: random.below(4) == 0 ? nil : random.pick(["Émile", "emile", "Bob", "ann"]))
                .withID(UInt64(n) &* 0x9E37_79B9)
        }
    }

    @Test func authorsSortByTheNameAPersonReads() throws {
        // Usenet's `address (Name)` and a quoted display name: by the name, not the raw header.
        let authors = ["zed@example.com (Anna Apple)", "\"Bob Banana\" <aaa@example.com>", "Carl Cherry <bbb@example.com>", "dora@example.org"]
        let store = ArticleStore(articles: authors.reversed().enumerated().map { index, author in
            StoreFixture.article("Post \(index)", StoreFixture.day(2001, 1, 1), author: author)
        })
        let sorted = store.evaluate(try Query.parse(""), sort: .author).indices.map { store.articles[Int($0)].author }
        #expect(sorted == authors)
    }

    @Test func dateOrderIsNewestFirstThenFoldedTitleThenID() {
        let input = Self.articles()
        let store = ArticleStore(articles: input)
        let expected = input.sorted { a, b in
            if a.date != b.date {
                guard let dateA = a.date else { return false }
                guard let dateB = b.date else { return true }
                return dateA > dateB
            }
            let titleA = TextFolding.fold(a.title), titleB = TextFolding.fold(b.title)
            if titleA != titleB { return titleA < titleB }
            return a.id < b.id
        }
        #expect(store.articles.map(\.id) == expected.map(\.id))
    }

    @Test func foldedTitleComparisonMatchesStringComparison() {
        for a in Self.titles {
            for b in Self.titles {
                let folded = TextFolding.fold(a) == TextFolding.fold(b) ? 0 : (TextFolding.fold(a) < TextFolding.fold(b) ? -1 : 1)
                #expect(ArticleOrdering.compareFoldedTitles(a, b) == folded, "\(a) vs \(b)")
            }
        }
    }

    @Test func titleAndAuthorSortsAreBuiltOnFirstUseAndStable() throws {
        let store = ArticleStore(articles: Self.articles())
        let byTitle = store.evaluate(try Query.parse(""), sort: .title).indices.map(Int.init)
        let keys = byTitle.map { (TextFolding.fold(store.articles[$0].title), $0) }
        #expect(keys.map(\.0) == keys.map(\.0).sorted())
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.0 != $1.0 || $0.1 < $1.1 })
        let byAuthor = store.evaluate(try Query.parse(""), sort: .author).indices.map(Int.init)
        let authors = byAuthor.map { store.articles[$0].author.map { TextFolding.fold($0) } ?? "\u{10FFFF}" }
        #expect(authors == authors.sorted())
        #expect(Set(byAuthor).count == store.count)
    }
}

extension Article {
    func withID(_ value: UInt64) -> Article {
        var copy = self
        copy.id = ArticleID(value: value)
        return copy
    }
}
