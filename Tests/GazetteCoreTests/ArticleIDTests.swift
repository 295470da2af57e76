import Testing
@testable import GazetteCore

@Suite struct ArticleIDTests {
    static let day = ArticleDate(year: 2025, month: 1, day: 21, instant: 1_737_417_600)

    static func article(_ title: String, date: ArticleDate? = day, author: String? = "Desk", body: [String] = ["Body."],
                        link: String? = nil, messageID: String? = nil) -> Article {
        Article(title: title, date: date, author: author, link: link, messageID: messageID, paragraphs: body,
                source: SourceLocation(path: "p", line: 1))
    }

    @Test func sameTitleDayAuthorAndBodyGiveTheSameID() {
        let a = Self.article("Is Trump  signaling possible CIA covert operations?", body: ["One  line", "two"])
        var b = Self.article(" is trump signaling possible cia covert operations? ", author: " desk ")
        b.bodyUTF8 = Array("One line\n  two".utf8)  // wrapped and spaced differently: same digest
        #expect(a.id == ArticleID.fast(of: b))
        #expect(a.id.description.count == 12)
        #expect(ArticleID(a.id.description) == a.id)
    }

    @Test func sameTitleAndDayWithAnotherAuthorOrBodyIsAnotherArticle() {
        let base = Self.article("Re: Amusing atheists and agnostics")
        #expect(Self.article("Re: Amusing atheists and agnostics", author: "Someone else").id != base.id)
        #expect(Self.article("Re: Amusing atheists and agnostics", body: ["Another reply."]).id != base.id)
        #expect(Self.article("Re: Amusing atheists and agnostics", date: ArticleDate(year: 2025, month: 1, day: 22, instant: 0)).id != base.id)
    }

    @Test func messageIDWinsOverLinkWhichWinsOverContent() {
        let mail = Self.article("A", link: "https://x.org/a", messageID: "1@x.org")
        #expect(ArticleIdentity(of: mail) == .messageID("1@x.org"))
        #expect(Self.article("B, another title", body: ["Other"], messageID: "1@x.org").id == mail.id)
        let page = Self.article("Quotable", link: "HTTPS://Example.org:443/col/1#top")
        #expect(ArticleIdentity(of: page) == .link("https://example.org/col/1"))
        #expect(Self.article("Quotable", link: "https://example.org/col/2").id != page.id)
        #expect(Self.article("Other title", link: "https://EXAMPLE.org/col/1").id == page.id)
    }

    @Test func aFetchedItemIsItsFeedAndGuidNotItsSharedLink() throws {
        // A podcast's episodes all link to the show's page; each has its own GUID.
        let tree = try TempTree()
        for episode in 1...3 {
            try tree.write("feeds/show/2024-0\(episode)-0\(episode)-episode-\(episode).txt", """
                Title: Episode \(episode)
                Date: 2024-0\(episode)-0\(episode)T09:00:00Z
                Link: https://show.example/
                Feed: https://show.example/feed.xml
                Guid: show-episode-\(episode)

                Notes for episode \(episode).

                """)
        }
        // The same GUID in another feed is another item; the same file twice is one.
        try tree.write("feeds/other/episode-1.txt", "Title: Episode 1\nLink: https://show.example/\nFeed: https://mirror.example/rss\nGuid: show-episode-1\n\nNotes.\n")
        try tree.write("feeds/show/copy-of-1.txt", "Title: Episode 1\nDate: 2024-01-01T09:00:00Z\nLink: https://show.example/\nfeed: https://show.example/feed.xml\nGUID:  show-episode-1 \n\nNotes for episode 1.\n")
        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.articles.map(\.title).sorted() == ["Episode 1", "Episode 1", "Episode 2", "Episode 3"])
        #expect(archive.report.duplicates.map(\.dropped.path) == [tree.path("feeds/show/copy-of-1.txt")])
        for article in archive.articles {
            #expect(article.id == ArticleID(identityKey: ArticleIdentity(of: article).key), "the fast id is the reference id")
        }
        let first = try #require(archive.articles.first { $0.title == "Episode 2" })
        #expect(ArticleIdentity(of: first) == .feedItem(feed: "show.example", guid: "show-episode-2"))
        // The feed moved within its site (https, a permanent redirect): the same items.
        for moved in ["http://WWW.show.example:80/feed/", "https://user@show.example/rss?x=1"] {
            var again = first
            again.extraHeaders = again.extraHeaders.map { $0.name == "Feed" ? HeaderField(name: "Feed", value: moved) : $0 }
            #expect(ArticleID.fast(of: again) == first.id, "\(moved)")
        }
    }

    @Test func normalisation() {
        #expect(IdentityText.normalisedMessageID(" <Abc.Def@Host.EXAMPLE.com> ") == "Abc.Def@host.example.com")
        #expect(IdentityText.normalisedMessageID("<>") == nil)
        #expect(IdentityText.messageIDs(in: "<a@B.c>\n <d@E.f> junk <g@h") == ["a@b.c", "d@e.f"])
        #expect(IdentityText.normalisedLink("HTTP://Example.COM:80") == "http://example.com/")
        #expect(IdentityText.normalisedLink("https://User@Host.org:8443/Path?Q=1#x") == "https://User@host.org:8443/Path?Q=1")
        #expect(IdentityText.normalisedLink("https://h.org?q") == "https://h.org/?q")
        #expect(IdentityText.normalisedLink("#only") == nil)
    }

    @Test func idIsStableAcrossRuns() {
        // Pinned: ids are used in scripts (`gazette show ID`), so the hash must never change
        // unless the identity rule does (README, "Identity and duplicates").
        #expect(ArticleID(identityKey: "m:1@x.org").description == "faf177869f95")
        #expect(Self.article("Hello", date: nil, author: nil, body: []).id.description == "5b23052a3047")
    }

    @Test func longIDsParseAndSortWithTheirPrefix() throws {
        let long = ArticleID(longHash: 0x0123_4567_89AB_CDEF)
        #expect(long.description == "0123456789abcdef")
        #expect(ArticleID("0123456789abcdef") == long)
        #expect(ArticleID(hash: 0x0123_4567_89AB_CDEF).description == "0123456789ab")
        #expect(ArticleID(hash: 0x0123_4567_89AB_CDEF) < long)
        #expect(ArticleID("xyz") == nil)
        #expect(ArticleID("0123456789abcdef0") == nil)
    }
}
