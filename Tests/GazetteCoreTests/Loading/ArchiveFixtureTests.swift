import Foundation
import Testing
@testable import GazetteCore

/// The real-world shapes in `Fixtures/archives`: a Usenet thread, a wire story, same-title
/// same-day pairs, an mbox (CRLF, QP, base64, Latin-1, multipart, HTML-only, broken MIME) and a Maildir.
@Suite struct ArchiveFixtureTests {
    static let root: String = Bundle.module.url(forResource: "Fixtures/archives", withExtension: nil)!.path
    static let archive: LoadedArchive = try! ArchiveLoader.load(directories: [root])
    static let store = ArticleStore(articles: archive.articles)

    static func article(_ title: String, author: String? = nil) throws -> Article {
        try #require(store.articles.first { $0.title == title && (author == nil || $0.author?.contains(author!) == true) })
    }

    static func index(_ article: Article) -> Int { store.index(of: article.id)! }

    @Test func everyDistinctArticleIsLoaded() {
        #expect(Self.archive.articles.count == 15)
        #expect(Self.archive.report.duplicates.map(\.dropped.path) == [Self.root + "/same-day/quotable-3-copy-of-1.txt"])
        #expect(Self.archive.report.warnings.map(\.description) == [
            Self.root + "/reading-room.mbox:111: multipart/mixed: no closing boundary \"--mix-01--\"",
            Self.root + "/reading-room.mbox:134: bad base64; decoded as far as it goes",
            Self.root + "/reading-room.mbox:134: unknown charset x-unknown-8; read as UTF-8 or Windows-1252",
        ])
    }

    @Test func usenetHeadersAreReadWhateverTheirNames() throws {
        let post = try Self.article("Venona release: what was put out today")
        #expect(post.author == "hwalsh@cs.example.edu (Harriet Walsh)")
        #expect(post.date?.isoDay == "1995-07-11")
        #expect(post.tags == ["soc.history.war.misc", "alt.politics.intrigue"])
        #expect(post.messageID == "1995Jul11.142233.8812@cs.example.edu")
        #expect(post.extraHeaders.map(\.name) == [
            "Path", "Message-ID", "Article-I.D.", "Sender", "Organization", "Lines", "NNTP-Posting-Host", "Xref",
        ])
        #expect(post.extraHeaders.first { $0.name == "Article-I.D." }?.value == "cs.1995Jul11.142233.8812")
        // The body is the lines as written: the table and the signature intact.
        let lines = post.body.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "The first batch of the decrypted Soviet cables was released this")
        #expect(lines.contains("  2            ~200  1942-45    New York station traffic"))
        #expect(lines.suffix(3) == ["--", "Harriet Walsh                  hwalsh@cs.example.edu", "\"A one-time pad used twice is a two-time pad.\""])
    }

    @Test func quotedRepliesKeepTheirLinesAndFoldedHeadersAndEncodedWords() throws {
        let reply = try Self.article("Re: Venona release: what was put out today", author: "Jörg")
        #expect(reply.author == "Jörg Müller <jmueller@example.de>")
        #expect(reply.references == ["1995Jul11.142233.8812@cs.example.edu", "3u0f2k$a1b@nntp.example.org"])
        #expect(reply.extraHeaders.first { $0.name == "References" }?.value
            == "<1995Jul11.142233.8812@cs.example.edu> <3u0f2k$a1b@nntp.example.org>")
        let lines = reply.body.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "> In article <1995Jul11.142233.8812@cs.example.edu> hwalsh@cs.example.edu (Harriet Walsh) writes:")
        #expect(lines[2] == "> >The first batch of the decrypted Soviet cables was released this")
        #expect(lines[4] == ">")
    }

    @Test func sameSubjectSameDayRepliesAreAllKept() {
        let replies = Self.store.articles.filter { $0.title == "Re: Venona release: what was put out today" && $0.date?.isoDay == "1995-07-11" }
        #expect(Set(replies.map(\.author)) == ["mokafor@history.example.org (Martin Okafor)", "pbrandt@example.com (Paula Brandt)"])
        let quotables = Self.store.articles.filter { $0.title.lowercased() == "quotable" }
        #expect(quotables.count == 2)
    }

    @Test func threadsLinkRepliesToParents() throws {
        let root = Self.index(try Self.article("Venona release: what was put out today"))
        let okafor = Self.index(try Self.article("Re: Venona release: what was put out today", author: "Okafor"))
        let brandt = Self.index(try Self.article("Re: Venona release: what was put out today", author: "Brandt"))
        let mueller = Self.index(try Self.article("Re: Venona release: what was put out today", author: "Jörg"))
        #expect(Self.store.parent(of: root) == nil)
        #expect(Self.store.parent(of: okafor) == root)  // References, its domain in another case
        #expect(Self.store.parent(of: mueller) == okafor)  // the last References entry
        #expect(Self.store.replies(to: root) == [okafor, brandt])  // oldest first
        #expect(Self.store.thread(containing: mueller) == [root, okafor, mueller, brandt])

        let id = Self.store.articles[mueller].id.description
        let result = Self.store.evaluate(try Query.parse("thread:" + id.prefix(8)))
        #expect(Set(result.indices.map(Int.init)) == [root, okafor, mueller, brandt])
        // Mail threads by In-Reply-To, across an mbox and a Maildir alike.
        let cafe = Self.index(try Self.article("Café Central, Vienna: the meeting place"))
        #expect(Self.store.replies(to: cafe) == [Self.index(try Self.article("Re: Café Central — a correction"))])
        let pass = Self.index(try Self.article("Schedule for the next pass"))
        #expect(Self.store.replies(to: pass) == [Self.index(try Self.article("Re: Schedule for the next pass"))])
        #expect(Self.store.evaluate(try Query.parse("thread:ffffffffffffffff")).indices.isEmpty)
        #expect(throws: QueryError.self) { try Query.parse("thread:xyz") }
    }

    @Test func wireStoryKeepsItsIndentedParagraphLines() throws {
        let story = try Self.article("Wartime codebreaking huts to open as a museum")
        let lines = story.body.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 9)
        #expect(lines[0] == "    BLETCHLEY, England (AW) - The wooden huts where British")
        #expect(lines[3] == "    The trust said it had raised most of the money needed to repair")
        #expect(story.date?.isoDay == "1987-02-26")
    }

    @Test func mboxMessagesAreDecoded() throws {
        let cafe = try Self.article("Café Central, Vienna: the meeting place")  // =?iso-8859-1?q?…?=
        #expect(cafe.body == """
            The café where the couriers met is open again, with the same
            marble tables and the same view of the street door.

            From the file: "the contact will carry a folded newspaper".
            """)  // Latin-1 8bit, CRLF, `>From ` unescaped
        #expect(cafe.source == SourceLocation(path: Self.root + "/reading-room.mbox", line: 2))
        let correction = try Self.article("Re: Café Central — a correction")  // =?UTF-8?B?…?=
        #expect(correction.inReplyTo == "20020304091244.A1@example.org")
        #expect(correction.paragraphs == [
            "The tables are not the originals: they were replaced in 1983, as the owner's daughter told me when I asked about the marks on the marble.",
            "Still a good place to sit and watch the door.",
        ])  // quoted-printable with soft line breaks
        let drops = try Self.article("Three dead drops")  // multipart/alternative: the base64 text/plain part
        #expect(drops.body == "Dead drops in the park: a hollow bolt, a loose brick, a magnetic box.\n\nEach was checked by walking past twice.")
        let scans = try Self.article("Scanned photographs of the Berlin tunnel")
        #expect(scans.body == "Scans of the tunnel photographs are attached; the originals stay in the box.\n\n[Attachment: tunnel-scans.pdf, application/pdf, 2 KB]")
        let list = try Self.article("Reading list")  // HTML only: script dropped, entities decoded
        #expect(list.body == "Reading list\n\nStart with the Venona volumes — then the memoirs.\n\n- Cable traffic\n- Cover names")
        let damaged = try Self.article("Damaged message")
        #expect(damaged.body == "The text survives.")
    }

    @Test func maildirMessagesNeedNoExtension() throws {
        let reply = try Self.article("Re: Schedule for the next pass")
        #expect(reply.body == "Understood.  The courier's fee is now 40 €.")  // ISO-8859-15's euro sign
        #expect(reply.source.path.hasSuffix("/maildir/new/1015837800.M2P2.station"))
        #expect(try Self.article("Schedule for the next pass").source.path.hasSuffix("/maildir/cur/1015830000.M1P1.station:2,S"))
    }
}
