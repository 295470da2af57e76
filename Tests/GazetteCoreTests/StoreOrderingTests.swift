import Testing
@testable import GazetteCore

/// The store's integer-keyed orders agree with sorting by the documented rules on `String`s.
@Suite struct StoreOrderingTests {
    static let titles = ["Alpha", "alpha", "Älpha", "alphabet", "Zürich", "zurich", "Zurich b", "東京", "beta", "Beta ",
                         "", "a\u{301}b", "ab", "ÉCOLE", "ecole", "Ω", "émigré", "emigre", "x", "X",
                         "Bulletin 9", "Bulletin 10", "bulletin 010", "Bulletin 100", "Bulletin 1", "Bulletin 2b", "Bulletin 2",
                         "Vol. 3, No. 12", "Vol. 3, No. 9", "1984", "2001", "02001", "Ünter 7", "Unter 12", "Bulletin ９", "a 1", "a1", "a b"]

    /// The documented order, written independently of the store's: folded, composed text where
    /// each run of ASCII digits is one token compared by its value, any other character by its
    /// code point (a number against a character by its first written digit); equal values
    /// written with more leading zeros first, at the first such place.
    static func natural(_ a: String, _ b: String) -> Int {
        enum Token: Equatable { case character(UInt32), number(digits: String, zeros: Int) }
        func tokens(_ text: String) -> [Token] {
            var out: [Token] = [], run = ""
            func flush() {
                guard !run.isEmpty else { return }
                let digits = String(run.drop { $0 == "0" })
                out.append(.number(digits: digits, zeros: run.count - digits.count))
                run = ""
            }
            for scalar in TextFolding.fold(text).precomposedStringWithCanonicalMapping.unicodeScalars {
                if ("0"..."9").contains(scalar) { run.unicodeScalars.append(scalar) } else { flush(); out.append(.character(scalar.value)) }
            }
            flush()
            return out
        }
        func first(_ token: Token) -> UInt32 {
            switch token {
            case .character(let value): return value
            case .number(let digits, let zeros): return zeros > 0 ? 0x30 : digits.unicodeScalars.first!.value
            }
        }
        let x = tokens(a), y = tokens(b)
        var tie = 0
        for (p, q) in zip(x, y) {
            switch (p, q) {
            case (.number(let d1, let z1), .number(let d2, let z2)):
                if d1.count != d2.count { return d1.count < d2.count ? -1 : 1 }
                if d1 != d2 { return d1 < d2 ? -1 : 1 }
                if tie == 0 && z1 != z2 { tie = z1 > z2 ? -1 : 1 }
            default:
                if first(p) != first(q) { return first(p) < first(q) ? -1 : 1 }
            }
        }
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        return tie
    }

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
            let sign = Self.natural(a.title, b.title)
            return sign != 0 ? sign < 0 : a.id < b.id
        }
        #expect(store.articles.map(\.id) == expected.map(\.id))
    }

    @Test func foldedTitleComparisonIsNaturalOrder() {
        for a in Self.titles {
            for b in Self.titles {
                #expect(ArticleOrdering.compareFoldedTitles(a, b) == Self.natural(a, b), "\(a) vs \(b)")
                #expect(ArticleOrdering.naturalCompareFolded(TextFolding.fold(a), TextFolding.fold(b)) == Self.natural(a, b), "\(a) vs \(b)")
            }
        }
    }

    /// A digest's or a wire desk's numbered bulletins, all filed the same day: read in their
    /// numbers' order in the list (date order), under a title sort, and after a refresh adds more.
    @Test func numberedTitlesOfOneDayReadInTheirNumbersOrder() throws {
        let day = StoreFixture.day(2024, 3, 5)
        let numbers = [10, 2, 100, 1, 9, 11, 20, 3]
        let store = ArticleStore(articles: numbers.map { StoreFixture.article("Morning bulletin \($0) from the wire desk", day) })
        let expected = [1, 2, 3, 9, 10, 11, 20, 100].map { "Morning bulletin \($0) from the wire desk" }
        #expect(store.articles.map(\.title) == expected)
        let byTitle = store.evaluate(try Query.parse(""), sort: .title).indices.map { store.articles[Int($0)].title }
        #expect(byTitle == expected)
        // Titles that differ within their first 16 bytes, where the packed prefixes decide.
        let short = ArticleStore(articles: ["No 10", "No 9", "No 9a", "No 09", "No 1"].map { StoreFixture.article($0, day) })
        #expect(short.articles.map(\.title) == ["No 1", "No 09", "No 9", "No 9a", "No 10"])
    }

    @Test func titleAndAuthorSortsAreBuiltOnFirstUseAndStable() throws {
        let store = ArticleStore(articles: Self.articles())
        let byTitle = store.evaluate(try Query.parse(""), sort: .title).indices.map(Int.init)
        let keys = byTitle.map { (store.articles[$0].title, $0) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { Self.natural($0.0, $1.0) < 0 || Self.natural($0.0, $1.0) == 0 && $0.1 < $1.1 })
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
