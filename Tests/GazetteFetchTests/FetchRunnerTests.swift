import Foundation
import GazetteCore
import LoopbackHTTP
import Testing
@testable import GazetteFeeds
@testable import GazetteFetch

/// Fetching from a loopback server the tests start themselves; no other address is contacted.
@Suite(.timeLimit(.minutes(10))) struct FetchRunnerTests {
    /// Every dialect, served with validators; a conditional request with a matching ETag gets 304.
    static func conditionalServer() throws -> LoopbackServer {
        let files = ["/wp": ("wordpress-rss2.xml", "application/rss+xml; charset=UTF-8"),
                     "/blogger": ("blogger-atom.xml", "application/atom+xml"),
                     "/rdf": ("rdf-rss10.xml", "application/rdf+xml"),
                     "/podcast": ("podcast.xml", "application/rss+xml"),
                     "/json": ("jsonfeed11.json", "application/feed+json")]
        return try LoopbackServer { request in
            guard let (name, type) = files[request.path] else { return .notFound }
            let etag = "\"v1-\(name)\""
            if request.headers["if-none-match"] == etag { return LoopbackServer.Response(status: 304, headers: [("ETag", etag)]) }
            return .ok(Fixture.bytes(name), type: type, headers: [("ETag", etag), ("Last-Modified", "Tue, 05 Mar 2024 18:00:00 GMT")])
        }
    }

    @Test func everyDialectIsFiledAndASecondFetchOf304sWritesNothing() throws {
        let server = try Self.conditionalServer()
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        let subs = ["/wp", "/blogger", "/rdf", "/podcast", "/json"].map { Subscription(url: server.url($0), tags: ["mine"]) }

        let first = FetchRunner.run(subs, feedsDirectory: sandbox.feeds, options: quickOptions())
        #expect(first.map(\.status) == Array(repeating: .fetched, count: 5))
        #expect(first.map(\.added) == [2, 2, 2, 2, 2])
        #expect(first.allSatisfy { $0.error == nil && $0.warnings.isEmpty })
        #expect(sandbox.articles(in: subs[0].folder) == [
            "2024/03/2024-03-02-tide-tables-for-march-april.txt", "2024/03/2024-03-05-fog-signals-decoded.txt"])
        #expect(sandbox.articles(in: subs[4].folder) == [
            "2024/03/2024-03-01-plain-text-only.txt", "2024/03/2024-03-05-in-praise-of-footnotes.txt"])

        // The archive loads them like any other articles.
        let archive = try ArchiveLoader.load(directories: [sandbox.data])
        #expect(archive.report.warnings.isEmpty)
        #expect(archive.articles.count == 11)
        let fog = try #require(archive.articles.first { $0.title == "Fog signals, decoded" })
        #expect(fog.categories == ["Harbour Lights – notes from the signal station"])
        #expect(fog.tags == ["Signals", "Weather", "mine"])

        let before = sandbox.snapshot()
        let second = FetchRunner.run(subs, feedsDirectory: sandbox.feeds, options: quickOptions())
        #expect(second.map(\.status) == Array(repeating: .notModified, count: 5))
        let after = sandbox.snapshot()
        #expect(after.count == before.count)
        for (path, entry) in before {
            #expect(after[path]?.hash == entry.hash, "\(path)")
            #expect(after[path]?.mtime == entry.mtime, "\(path)")
        }
        let conditional = server.requests.suffix(5)
        #expect(conditional.allSatisfy { $0.headers["if-none-match"]?.hasPrefix("\"v1-") == true })
        #expect(conditional.allSatisfy { $0.headers["if-modified-since"] == "Tue, 05 Mar 2024 18:00:00 GMT" })
    }

    @Test func refetchingWithoutValidatorsNeverDuplicatesAndRewritesAChangedItem() throws {
        let version = Box(1)
        let server = try LoopbackServer { _ in
            var text = String(decoding: Fixture.bytes("podcast.xml"), as: UTF8.self)
            if version.value == 2 { text = text.replacingOccurrences(of: "Harbour pilots and the ladder.", with: "Harbour pilots, corrected.") }
            return .ok(Array(text.utf8))
        }
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        let sub = Subscription(url: server.url("/feed"), title: "Night Watch")
        let first = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: quickOptions())[0]
        #expect((first.added, first.updated, first.unchanged) == (2, 0, 0))
        let same = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: quickOptions())[0]
        #expect((same.added, same.updated, same.unchanged) == (0, 0, 2))
        version.value = 2
        let changed = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: quickOptions())[0]
        #expect((changed.added, changed.updated, changed.unchanged) == (0, 1, 1))
        let files = sandbox.articles(in: "night-watch")
        #expect(files == ["2024/02/2024-02-27-episode-41-pilots.txt", "2024/03/2024-03-05-episode-42-lighthouse-keepers.txt"])
        #expect(sandbox.read("night-watch/" + files[0]).contains("Harbour pilots, corrected."))
        // No temporary file is left behind.
        #expect(sandbox.snapshot(under: sandbox.feeds).keys.filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test func aNameOneItemLeavesAndAnotherTakesInTheSameFetchKeepsTheNewFile() throws {
        func feed(_ first: String, _ second: String) -> [UInt8] {
            let date = "<pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>"
            return Array(("<rss version=\"2.0\"><channel><title>Quay</title>"
                + "<item><title>\(first)</title><guid>a</guid>\(date)<description>Body A.</description></item>"
                + "<item><title>\(second)</title><guid>b</guid>\(date)<description>Body B.</description></item>"
                + "</channel></rss>").utf8)
        }
        let body = Box(feed("Harbour news", "Draft"))
        let server = try LoopbackServer { _ in .ok(body.value) }
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        let sub = Subscription(url: server.url("/quay"), title: "Quay")
        _ = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: quickOptions())
        // A is renamed; B takes A's old title, hence its old file name, in the same fetch.
        body.value = feed("Harbour news, updated", "Harbour news")
        let outcome = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: quickOptions())[0]
        #expect((outcome.added, outcome.updated) == (0, 2))
        #expect(sandbox.articles(in: "quay") == ["2024/03/2024-03-05-harbour-news-updated.txt", "2024/03/2024-03-05-harbour-news.txt"])
        #expect(sandbox.read("quay/2024/03/2024-03-05-harbour-news.txt").contains("Body B."))
        #expect(sandbox.read("quay/2024/03/2024-03-05-harbour-news-updated.txt").contains("Body A."))
    }

    @Test func gzipAndDeflateBodiesAreDecoded() throws {
        let server = try LoopbackServer { request in
            switch request.path {
            case "/gz": return .ok(Fixture.bytes("wordpress-rss2.xml.gz"), headers: [("Content-Encoding", "gzip")])
            case "/zz": return .ok(Fixture.bytes("podcast.xml.zz"), headers: [("Content-Encoding", "deflate")])
            default: return .notFound
            }
        }
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        let outcomes = FetchRunner.run([Subscription(url: server.url("/gz")), Subscription(url: server.url("/zz"))],
                                       feedsDirectory: sandbox.feeds, options: quickOptions())
        #expect(outcomes.map(\.added) == [2, 2])
        #expect(server.requests.first?.headers["accept-encoding"]?.contains("gzip") == true)
    }

    @Test func permanentRedirectsMoveTheSubscriptionTemporaryOnesDoNot() throws {
        let server = try LoopbackServer { request in
            switch request.path {
            case "/old": return .redirect(301, to: "/older")
            case "/older": return .redirect(308, to: "/new")
            case "/new": return .ok(Fixture.bytes("rdf-rss10.xml"))
            case "/temp": return .redirect(302, to: "/new")
            case "/loop": return .redirect(302, to: "/loop2")
            case "/loop2": return .redirect(302, to: "/loop")
            default:
                if request.path.hasPrefix("/hop"), let n = Int(request.path.dropFirst(4)) { return .redirect(307, to: "/hop\(n + 1)") }
                return .notFound
            }
        }
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        let urls = ["/old", "/temp", "/loop", "/hop0", "/missing"].map(server.url)
        let outcomes = FetchRunner.run(urls.map { Subscription(url: $0) }, feedsDirectory: sandbox.feeds, options: quickOptions())
        #expect(outcomes[0].status == .fetched)
        #expect(outcomes[0].movedTo == server.url("/new"))
        #expect(outcomes[1].status == .fetched)
        #expect(outcomes[1].movedTo == nil)
        #expect(outcomes[2].error == "redirect loop at \(server.url("/loop"))")
        #expect(outcomes[3].error == "too many redirects (more than 5)")
        #expect(outcomes[4].error == "HTTP 404 Not Found")
        #expect(server.requests.filter { $0.path.hasPrefix("/hop") }.count == 6)
    }

    @Test func trickleAndHangTimeOutWhileOthersSucceed() throws {
        let server = try LoopbackServer { request in
            switch request.path {
            case "/trickle": return LoopbackServer.Response(status: 200, body: Fixture.bytes("podcast.xml"), trickle: 0.05)
            case "/hang": return LoopbackServer.Response(hang: true)
            default: return .ok(Fixture.bytes("rdf-rss10.xml"))
            }
        }
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        let clock = ContinuousClock()
        var outcomes: [FeedOutcome] = []
        let elapsed = clock.measure {
            outcomes = FetchRunner.run(["/trickle", "/hang", "/fine"].map { Subscription(url: server.url($0)) },
                                       feedsDirectory: sandbox.feeds, options: quickOptions(idle: 1, total: 2))
        }
        #expect(outcomes[0].status == .failed)
        #expect(outcomes[0].error?.hasPrefix("timed out") == true)
        #expect(outcomes[1].error?.hasPrefix("timed out") == true)
        #expect(outcomes[2].status == .fetched)
        #expect(elapsed < .seconds(10))
    }

    @Test func anOversizedResponseIsCutOffWithAWarning() throws {
        var xml = "<rss version=\"2.0\"><channel><title>Huge</title>"
        for index in 0..<2000 { xml += "<item><title>Item \(index)</title><guid>g\(index)</guid></item>" }
        xml += "</channel></rss>"
        let body = Array(xml.utf8)
        let server = try LoopbackServer { _ in .ok(body) }
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        let outcome = FetchRunner.run([Subscription(url: server.url("/huge"))], feedsDirectory: sandbox.feeds,
                                      options: quickOptions(maxBytes: 20_000))[0]
        #expect(outcome.status == .fetched)
        #expect(outcome.warnings.first == "response larger than 20000 bytes; cut off there")
        #expect(outcome.added > 100 && outcome.added < 2000)
    }

    @Test func temporaryFilesOfAStoppedFetchAreCleanedUpOthersAreNot() throws {
        let server = try Self.conditionalServer()
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        let sub = Subscription(url: server.url("/wp"), title: "Stale")
        let month = sandbox.feeds + "/" + sub.folder + "/2024/03"
        try FileManager.default.createDirectory(atPath: month, withIntermediateDirectories: true)
        // Left by a process that is gone (no such pid), and two names this module never makes.
        let stale = month + "/.2024-03-05-old.txt.2147483646.42.tmp"
        let foreign = [month + "/.notes.tmp", month + "/.draft.txt.\(getpid()).7.tmp"]
        for path in [stale] + foreign { try "partial".write(toFile: path, atomically: false, encoding: .utf8) }
        let outcomes = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: quickOptions())
        #expect(outcomes[0].status == .fetched)
        #expect(!FileManager.default.fileExists(atPath: stale))
        for path in foreign { #expect(FileManager.default.fileExists(atPath: path), "\(path)") }
        // And a fetch leaves no temporary file of its own behind.
        let hidden = sandbox.snapshot(under: sandbox.feeds + "/" + sub.folder).keys.filter { $0.hasSuffix(".tmp") }
        #expect(hidden.sorted() == ["2024/03/.draft.txt.\(getpid()).7.tmp", "2024/03/.notes.tmp"])
    }

    @Test func hostileFeedStaysInsideItsFolderAndNothingElseIsWritten() throws {
        let titles = ["../../../etc/passwd", "/absolute/path", "..", "bell\u{07}\u{1B}[2J", String(repeating: "x", count: 10_000)]
        var xml = "<rss version=\"2.0\"><channel><title>../Evil</title>"
        for (index, title) in titles.enumerated() {
            let escaped = title.replacingOccurrences(of: "\u{07}", with: "").replacingOccurrences(of: "\u{1B}", with: "&#27;")
            xml += "<item><title>\(escaped)</title><guid>../../g\(index)</guid><pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate></item>"
        }
        xml += "</channel></rss>"
        let bomb = Fixture.bytes("entity-bomb.xml"), evil = Array(xml.utf8)
        let server = try LoopbackServer { request in request.path == "/bomb" ? .ok(bomb) : .ok(evil) }
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        let outsideBefore = sandbox.snapshot().filter { !$0.key.hasPrefix("data/feeds/") }
        let subs = [Subscription(url: server.url("/evil"), title: "../../Evil"), Subscription(url: server.url("/bomb"))]
        let outcomes = FetchRunner.run(subs, feedsDirectory: sandbox.feeds, options: quickOptions())
        #expect(outcomes[0].added == 5)
        #expect(outcomes[1].added == 1)
        #expect(outcomes[1].warnings.contains { $0.contains("DOCTYPE declares entities") })
        let outsideAfter = sandbox.snapshot().filter { !$0.key.hasPrefix("data/feeds/") }
        #expect(outsideAfter.keys.sorted() == outsideBefore.keys.sorted())
        #expect(subs[0].folder == "evil")
        let files = sandbox.articles(in: "evil")
        #expect(files.count == 5)
        for file in files {
            #expect(file.hasPrefix("2024/03/2024-03-05-"))
            #expect(file.count < 100)
            #expect(!file.contains(".."))
        }
        let text = files.map { sandbox.read("evil/" + $0) }.joined()
        #expect(!text.contains("\u{1B}"))
    }

    @Test func externalDTDsAndEntitiesAreNeverFetched() throws {
        // The feed names the server's own port, known once it runs.
        final class Served: @unchecked Sendable {
            private let lock = NSLock()
            private var text = ""
            var feed: String {
                get { lock.withLock { text } }
                set { lock.withLock { text = newValue } }
            }
        }
        let served = Served()
        let server = try LoopbackServer { request in
            request.path == "/feed" ? .ok(Array(served.feed.utf8)) : .ok(Array("<!ENTITY leak \"LEAKED\">".utf8))
        }
        defer { server.stop() }
        served.feed = """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "\(server.url("/evil.dtd"))" [
            <!ENTITY remote SYSTEM "\(server.url("/entity"))">
            <!ENTITY % param SYSTEM "\(server.url("/param"))"> %param;
            ]>
            <rss version="2.0"><channel><title>T &remote;&leak;</title>
            <item><title>One</title><guid>one</guid></item></channel></rss>
            """
        // The whole path (preflight + parser), and the parser on its own with the DOCTYPE left in.
        let sandbox = try FetchSandbox()
        let outcomes = FetchRunner.run([Subscription(url: server.url("/feed"))], feedsDirectory: sandbox.feeds, options: quickOptions())
        #expect(outcomes[0].added == 1)
        let reader = XMLFeedReader(feedURL: nil) { _, _ in }
        reader.read(Array(served.feed.utf8))
        #expect(!reader.feed.title.contains("LEAKED"))
        #expect(server.requests.map(\.path) == ["/feed"])
    }

    @Test func perHostConcurrencyIsBounded() throws {
        let server = try LoopbackServer { _ in
            usleep(100_000)
            return .ok(Fixture.bytes("rdf-rss10.xml"))
        }
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        var options = quickOptions()
        options.perHost = 2
        options.jobs = 8
        let subs = (0..<8).map { Subscription(url: server.url("/f\($0)"), title: "Feed \($0)") }
        let outcomes = FetchRunner.run(subs, feedsDirectory: sandbox.feeds, options: options)
        #expect(outcomes.allSatisfy { $0.status == .fetched })
        #expect(server.maxConcurrent <= 2)
        #expect(server.maxConcurrent >= 1)
    }

    @Test func connectionRefusedIsAFailureOfThatFeedOnly() throws {
        let server = try LoopbackServer { _ in .ok(Fixture.bytes("rdf-rss10.xml")) }
        defer { server.stop() }
        let closed = try LoopbackServer { _ in .notFound }
        let deadURL = closed.url("/gone")
        closed.stop()
        let sandbox = try FetchSandbox()
        let outcomes = FetchRunner.run([Subscription(url: deadURL), Subscription(url: server.url("/ok"))],
                                       feedsDirectory: sandbox.feeds, options: quickOptions())
        #expect(outcomes[0].status == .failed)
        #expect(outcomes[0].error == "connection refused")
        #expect(outcomes[1].status == .fetched)
    }
}

/// A value shared with a server handler.
final class Box<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
