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

    @Test func normalisation() {
        #expect(IdentityText.normalisedMessageID(" <Abc.Def@Host.EXAMPLE.com> ") == "Abc.Def@host.example.com")
        #expect(IdentityText.normalisedMessageID("<>") == nil)
        #expect(IdentityText.messageIDs(in: "<a@B.c>\n <d@E.f> junk <g@h") == ["a@b.c", "d@e.f"])
        #expect(IdentityText.normalisedLink("HTTP://Example.COM:80") == "http://example.com/")
        #expect(IdentityText.normalisedLink("https://User@Host.org:8443/Path?Q=1#x") == "https://User@host.org:8443/Path?Q=1")
        #expect(IdentityText.normalisedLink("https://h.org?q") == "https://h.org/?q")
        #expect(IdentityText.normalisedLink("#only") == nil)
    }

    /// Literal ids of the identity rule (README, "Identity and duplicates"): 64-bit FNV-1a of the
    /// identity key — `m:ID`, `l:URL`, or `t:` title, day, author and the 16-hex-digit body
    /// digest joined by newlines — kept to its top 48 bits. Ids are used in scripts, so any change
    /// to the rule, the hash or the width fails here. (Computed with an independent Python
    /// re-implementation of the README's definition; never paste the function's own output.)
    @Test func idIsPinnedToLiteralValues() {
        func day(_ y: Int, _ m: Int, _ d: Int) -> ArticleDate { ArticleDate(year: y, month: m, day: d, instant: 0) }
        #expect(Self.article("Hello", date: nil, author: nil, body: []).id.description == "5b23052a3047")
        #expect(Self.article("  hello ", date: nil, author: nil, body: ["One  line", "two"]).id.description == "8eb6540462e4")
        #expect(Self.article("The Zimmermann telegram", date: day(2017, 1, 16), author: "Signals desk",
                             body: ["In January 1917 British naval codebreakers read a German telegram."]).id.description == "5b5f237cd2d4")
        // Non-ASCII is hashed as UTF-8 after lower-casing; runs of whitespace count as one space.
        #expect(Self.article("ZÜRICH\t notes", date: day(2025, 1, 21), body: ["Körper"]).id.description == "9f216ee696f5")
        #expect(ArticleID(identityKey: "m:1@x.org").description == "faf177869f95")
        #expect(Self.article("Any", messageID: "1@x.org").id.description == "faf177869f95")
        #expect(Self.article("Any", link: "https://Example.org/col/1#x").id.description == "210b84d44cd4")
        #expect(ArticleID(longHash: ArticleID.fnv1a("m:1@x.org".utf8)).description == "faf177869f954abd")
        // The time of day never matters, only the day.
        #expect(Self.article("Hello", date: ArticleDate(year: 2017, month: 1, day: 16, instant: 1_484_524_800)).id
                == Self.article("Hello", date: ArticleDate(year: 2017, month: 1, day: 16, instant: 1_484_560_000)).id)
    }

    @Test func textFormRoundTrips() {
        #expect(ArticleID("eb83ee18ca3c")?.value == 0xeb83_ee18_ca3c)
        #expect(ArticleID("00000000000f")?.description == "00000000000f")
        #expect(ArticleID("f")?.description == "00000000000f", "short hex is zero-padded")
        #expect(ArticleID("1234567890abc") == nil, "13 to 15 digits are neither form")
        #expect(ArticleID("xyz") == nil)
        #expect(ArticleID("") == nil)
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
