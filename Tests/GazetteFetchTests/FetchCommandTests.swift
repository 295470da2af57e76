import Foundation
import LoopbackHTTP
import Testing

/// `gazette feeds …` and `gazette fetch` as a user runs them, against a loopback server.
@Suite(.serialized, .timeLimit(.minutes(10))) struct FetchCommandTests {
    @Test func subscribeListExportImportAndRemove() throws {
        let sandbox = try FetchSandbox()
        var run = try GazetteProcess.run(["feeds", "add", "https://wire.example/rss", "--tag", "news", "--tag", "world", "--title", "Wire"], sandbox: sandbox)
        #expect(run.status == 0)
        #expect(run.stdout == "subscribed to https://wire.example/rss (folder feeds/wire)\n")
        run = try GazetteProcess.run(["feeds", "add", "ftp://nope.example/"], sandbox: sandbox)
        #expect(run.status == 2)
        #expect(run.stderr == "gazette: not an http(s) URL: ftp://nope.example/\n")

        let opml = sandbox.root + "/other-reader.opml"
        try """
            <opml version="1.1"><body><outline text="Science">
              <outline type="rss" text="Lab Notes" xmlUrl="https://lab.example/atom.xml"/>
              <outline type="rss" text="Wire again" xmlUrl="https://wire.example/rss"/>
            </outline></body></opml>
            """.write(toFile: opml, atomically: true, encoding: .utf8)
        run = try GazetteProcess.run(["feeds", "import", opml], sandbox: sandbox)
        #expect(run.stdout == "imported 1 new of 2 feeds from \(opml)\n")

        run = try GazetteProcess.run(["feeds", "list"], sandbox: sandbox)
        #expect(run.stdout == """
            https://wire.example/rss  Wire again  [news, world, Science]
            https://lab.example/atom.xml  Lab Notes  [Science]

            """)
        run = try GazetteProcess.run(["feeds", "list", "--json"], sandbox: sandbox)
        let rows = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.map { $0["folder"] as? String } == ["wire", "lab-notes"])
        #expect(rows?.first?.keys.sorted() == ["folder", "homePage", "tags", "title", "url"])

        run = try GazetteProcess.run(["feeds", "export"], sandbox: sandbox)
        #expect(run.stdout.contains("<opml version=\"2.0\">"))
        #expect(run.stdout.contains("xmlUrl=\"https://lab.example/atom.xml\" category=\"Science\""))
        #expect(try String(contentsOfFile: sandbox.root + "/config/gazette/feeds.opml", encoding: .utf8) == run.stdout)

        run = try GazetteProcess.run(["feeds", "rm", "https://wire.example/rss/"], sandbox: sandbox)
        #expect(run.status == 0)
        run = try GazetteProcess.run(["feeds", "rm", "https://wire.example/rss"], sandbox: sandbox)
        #expect(run.status == 1)
        #expect(run.stderr == "gazette: not subscribed: https://wire.example/rss\n")
    }

    @Test func brokenSubscriptionsFileIsAnErrorNamingIt() throws {
        let sandbox = try FetchSandbox()
        try FileManager.default.createDirectory(atPath: sandbox.root + "/config/gazette", withIntermediateDirectories: true)
        try "<rss/>".write(toFile: sandbox.root + "/config/gazette/feeds.opml", atomically: true, encoding: .utf8)
        let run = try GazetteProcess.run(["feeds", "list"], sandbox: sandbox)
        #expect(run.status == 2)
        #expect(run.stderr == "gazette: \(sandbox.root)/config/gazette/feeds.opml:1: not an OPML document (no <opml> element)\n")
    }

    @Test func fetchExitStatusesLinesJSONAndPermanentMoves() throws {
        let server = try LoopbackServer { request in
            switch request.path {
            case "/rdf" where request.headers["if-none-match"] == "\"1\"": return LoopbackServer.Response(status: 304)
            case "/rdf": return .ok(Fixture.bytes("rdf-rss10.xml"), headers: [("ETag", "\"1\"")])
            case "/moved": return .redirect(301, to: "/rdf2")
            case "/rdf2": return .ok(Fixture.bytes("rdf-rss10.xml"))
            default: return .notFound
            }
        }
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        var run = try GazetteProcess.run(["fetch", "--data", sandbox.data], sandbox: sandbox)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("gazette: no subscriptions in "))

        for path in ["/rdf", "/moved", "/gone"] {
            _ = try GazetteProcess.run(["feeds", "add", server.url(path), "--title", "Feed \(path.dropFirst())"], sandbox: sandbox)
        }
        run = try GazetteProcess.run(["fetch", "--data", sandbox.data], sandbox: sandbox)
        #expect(run.status == 1)
        let lines = Set(run.stdout.split(separator: "\n").map(String.init))
        #expect(lines.contains("ok    \(server.url("/rdf"))  2 new, 0 updated, 0 unchanged"))
        #expect(lines.contains("FAIL  \(server.url("/gone"))  HTTP 404 Not Found"))
        #expect(lines.contains("3 feeds: 4 new, 0 updated, 1 failed"))
        #expect(lines.contains("moved permanently: \(server.url("/moved")) → \(server.url("/rdf2")) (subscription updated)"))
        let list = try GazetteProcess.run(["feeds", "list"], sandbox: sandbox).stdout
        #expect(list.contains(server.url("/rdf2") + "  Feed moved"))

        run = try GazetteProcess.run(["fetch", "--data", sandbox.data, "--json", server.url("/rdf")], sandbox: sandbox)
        #expect(run.status == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(summary?["notModified"] as? Int == 1)
        #expect((summary?["feeds"] as? [[String: Any]])?.first?["status"] as? String == "not-modified")

        run = try GazetteProcess.run(["fetch", "--data", sandbox.data, server.url("/gone")], sandbox: sandbox)
        #expect(run.status == 2)

        // What was fetched browses like any archive.
        run = try GazetteProcess.run(["list", "--data", sandbox.data], sandbox: sandbox)
        #expect(run.stdout.contains("Bell-ringing practice moves to Thursday"))
    }
}
