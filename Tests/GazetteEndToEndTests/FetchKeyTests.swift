import Foundation
import LoopbackHTTP
import Testing

/// `F` in the browser under tmux: subscriptions fetched from a loopback server in the
/// background, progress and the outcome in the status bar, the new articles in the list (unread).
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
final class FetchKeyTests {
    let fixture: BrowseFixture
    var stateDirectory: String { fixture.root.appendingPathComponent(".state").path }
    var feedsFile: String { fixture.root.appendingPathComponent(".config/feeds.opml").path }

    init() throws {
        fixture = try BrowseFixture()
    }

    deinit { fixture.remove() }

    /// A feed of three items of the project's own writing, in the shape WordPress serves.
    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Quayside Bulletin</title><link>http://quayside.example/</link>
        <item><title>Tide tables reprinted after a misprint</title><guid isPermaLink="false">qb-1</guid>
        <pubDate>Tue, 05 Mar 2024 09:00:00 +0000</pubDate>
        <content:encoded><![CDATA[<p>The harbour office reprinted the <b>tide tables</b> on Monday.</p>]]></content:encoded></item>
        <item><title>Net menders open their loft to visitors</title><guid isPermaLink="false">qb-2</guid>
        <pubDate>Mon, 04 Mar 2024 09:00:00 +0000</pubDate><description>Saturdays until Easter.</description></item>
        <item><title>Foghorn silenced for repairs</title><guid isPermaLink="false">qb-3</guid>
        <pubDate>Sun, 03 Mar 2024 09:00:00 +0000</pubDate><description>Two weeks of quiet nights.</description></item>
        </channel></rss>
        """

    func text(of session: TmuxSession) -> String {
        ((try? session.capture()) ?? []).joined(separator: "\n")
    }

    @Test func capitalFFetchesInTheBackgroundAndTheNewArticlesArriveUnread() async throws {
        let server = try LoopbackServer { request in
            request.path == "/quayside.xml" ? .ok(Array(Self.feed.utf8)) : .notFound
        }
        defer { server.stop() }
        try FileManager.default.createDirectory(atPath: (feedsFile as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>Test</title></head><body>
            <outline type="rss" text="Quayside" xmlUrl="\(server.url("/quayside.xml"))"/>
            <outline type="rss" text="Gone" xmlUrl="\(server.url("/gone.xml"))"/>
            </body></opml>
            """.write(toFile: feedsFile, atomically: true, encoding: .utf8)

        let command = "\(TmuxSession.shellQuote(BrowseFixture.binary)) --data \(TmuxSession.shellQuote(fixture.root.path))"
            + " --state \(TmuxSession.shellQuote(stateDirectory))"
        let session = try TmuxSession(
            command: "sh -c \(TmuxSession.shellQuote(command + "; echo exit=$?; sleep 600"))", width: 120, height: 30,
            environment: ["LANG": "C.UTF-8", "TZ": "UTC", "GAZETTE_FEEDS": feedsFile,
                          "XDG_CACHE_HOME": fixture.root.appendingPathComponent(".cache").path],
            directory: fixture.root.path)
        defer { session.kill() }
        let shown = await session.waitFor(text: "5 of 5 articles, 5 unread")
        #expect(shown, "no first frame:\n\(text(of: session))")
        // One article read first: the fetched ones must not disturb it, and must come in unread.
        try session.sendKeys("m")
        let marked = await session.waitFor(text: "4 unread")
        #expect(marked, "m did not mark read:\n\(text(of: session))")

        try session.sendKeys("F")
        let fetched = await session.waitUntil(timeout: .seconds(60)) { lines in
            lines.contains { $0.contains("Fetched 2 feeds: 3 new articles, 1 failed") }
                && lines.contains { $0.contains("8 of 8 articles, 7 unread") }
        }
        let screen = try session.capture()
        #expect(fetched, "no fetch outcome:\n\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("Tide tables reprinted after a misprint") })
        // The failure is listed where the load warnings are.
        try session.sendKeys("w")
        let failure = await session.waitFor(text: "Gone: HTTP 404")
        #expect(failure, "no failure in the warnings overlay:\n\(text(of: session))")
        #expect(server.requests.map(\.path).sorted() == ["/gone.xml", "/quayside.xml"])
        // The files are where `gazette fetch` puts them.
        let written = FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("feeds/quayside/2024/03").path)
        #expect(written)
    }
}
