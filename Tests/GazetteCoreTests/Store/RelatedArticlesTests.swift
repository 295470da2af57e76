import Testing
@testable import GazetteCore

/// "More like this" on an archive written so the answer is known: two tunnel stories share the
/// Berlin tunnel's rare words, a third shares only its tag, the rest are about other things.
@Suite struct RelatedArticlesTests {
    static func post(_ title: String, _ body: String, tags: [String] = [], link: String? = nil) -> Article {
        Article(title: title, date: StoreFixture.day(2020, 1, 1), tags: tags, link: link, paragraphs: [body],
                source: SourceLocation(path: "related.txt", line: 1))
    }

    static let target = post("Tunnel under Berlin",
                             "Operation Gold dug a tunnel under the sector line to tap Soviet telephone cables.",
                             tags: ["Berlin", "Cold War"], link: "https://example.org/gold")
    static let articles: [Article] = [
        target,
        // The same post scraped twice (another Link, so another id): never suggested.
        post("Tunnel under Berlin", "Operation Gold dug a tunnel under the sector line to tap Soviet telephone cables.",
             tags: ["Berlin", "Cold War"], link: "https://mirror.example.org/gold"),
        post("Operation Gold revisited", "Historians reread the Gold tunnel files: the Soviet cables were tapped for a year.",
             tags: ["Cold War"]),
        post("Vienna precedent", "Before Berlin, Operation Silver ran a tunnel in Vienna to reach Soviet cables."),
        post("Checkpoint memories", "A guard recalls the crossing and the queues.", tags: ["Berlin"]),
        post("Cartel finances traced", "Bankers helped the cartel move money through shell companies."),
        post("Cartel drones", "The cartel used drones against the police in the north of the country."),
        post("Enigma at Bletchley", "Codebreakers read the traffic with bombes and patience."),
        post("Bombes rebuilt", "A museum rebuilt the bombes the codebreakers used."),
        post("Harbour report", "Ships were counted in the harbour by the station."),
        post("Station budget", "The station spent its money on the usual paperwork."),
        post("Quiet week", "Nothing happened; the station filed the usual paperwork."),
    ]
    static let store = ArticleStore(articles: articles)

    static func titles(_ indices: [Int]) -> [String] { indices.map { store.articles[$0].title } }
    static var targetIndex: Int { store.index(of: target.id)! }

    @Test func tunnelStoriesComeFirstThenTheSharedTag() {
        let related = Self.titles(Self.store.related(toArticle: Self.targetIndex))
        #expect(Array(related.prefix(2)) == ["Operation Gold revisited", "Vienna precedent"])
        #expect(related.contains("Checkpoint memories"), "a shared rare tag counts")
        #expect(!related.contains { $0.hasPrefix("Cartel") || $0.hasPrefix("Enigma") || $0.hasPrefix("Bombes") })
    }

    @Test func neverItselfNorItsCopy() {
        let related = Self.titles(Self.store.related(toArticle: Self.targetIndex))
        #expect(!related.contains("Tunnel under Berlin"))
        #expect(related.count <= 5)
    }

    @Test func orderIsDeterministicAndLimited() {
        let first = Self.store.related(toArticle: Self.targetIndex, limit: 2)
        #expect(first.count == 2)
        #expect(first == Self.store.related(toArticle: Self.targetIndex, limit: 2))
        #expect(Self.store.related(toArticle: Self.targetIndex, limit: 0).isEmpty)
        #expect(Self.store.related(toArticle: 999).isEmpty)
    }

    @Test func codebreakingPostsFindEachOther() {
        let enigma = Self.store.articles.firstIndex { $0.title == "Enigma at Bletchley" }!
        #expect(Self.titles(Self.store.related(toArticle: enigma)).first == "Bombes rebuilt")
    }

    @Test func rankingBreaksTiesByArchiveOrder() {
        #expect(ArticleStore.ranked([0, 2, 5, 2, 0, 5, 1], limit: 4) == [2, 5, 1, 3])
    }

    @Test func aTeaserFindsTheArticleItOpens() {
        let store = Self.store
        let vienna = Self.titles([store.article(matchingExcerpt: "Before Berlin, Operation Silver ran a tunnel in Vien…")!])
        #expect(vienna == ["Vienna precedent"])
        #expect(store.article(matchingExcerpt: "Operation Gold revisited: what the files say") != nil, "a teaser may start with the title")
        #expect(store.article(matchingExcerpt: "Before Berlin, Operation Gold ran a tunnel in Vienna.") == nil, "same words, other order")
        #expect(store.article(matchingExcerpt: "Soviet cables") == nil, "too short to be sure")
        #expect(store.article(matchingExcerpt: "A completely unknown teaser about submarines in the Baltic.") == nil)
    }
}
