import Testing
@testable import GazetteFeeds

@Suite struct OPMLTests {
    @Test func nestedOutlinesBecomeTags() throws {
        let opml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="1.0">
            <head><title>Exported from another reader</title></head>
            <body>
              <outline text="News" title="News">
                <outline text="World">
                  <outline type="rss" text="Wire &amp; Cable" xmlUrl="https://wire.example/rss" htmlUrl="https://wire.example/"/>
                </outline>
                <outline type="rss" text="https://bare.example/feed" xmlUrl="https://bare.example/feed" category="/Tech/Linux,local"/>
              </outline>
              <outline type="rss" text="Top" xmlUrl="https://top.example/atom.xml"/>
              <outline type="rss" text="Top again" xmlUrl="https://top.example/atom.xml"/>
            </body>
            </opml>
            """
        let subs = try OPML.parse(Array(opml.utf8))
        #expect(subs.map(\.url) == ["https://wire.example/rss", "https://bare.example/feed", "https://top.example/atom.xml"])
        #expect(subs[0].title == "Wire & Cable")
        #expect(subs[0].tags == ["News", "World"])
        #expect(subs[0].homePage == "https://wire.example/")
        #expect(subs[1].title == nil)
        #expect(subs[1].tags == ["News", "Linux", "local"])
        #expect(subs[1].folder == "bare-example-feed")
        #expect(subs[2].tags.isEmpty)
    }

    @Test func renderedOPMLReadsBackTheSame() throws {
        let subs = [
            Subscription(url: "https://a.example/rss?x=1&y=2", title: "A \"quoted\" <feed>", tags: ["one", "two"]),
            Subscription(url: "https://b.example/feed"),
        ]
        let text = OPML.render(subs)
        #expect(text.contains("<opml version=\"2.0\">"))
        #expect(try OPML.parse(Array(text.utf8)) == subs)
    }

    @Test func notOPMLIsAnErrorWithALine() {
        #expect(throws: OPML.ParseError.self) { try OPML.parse(Array("<rss></rss>".utf8)) }
        do {
            _ = try OPML.parse(Array("<opml>\n<body>\n<outline text=\"x\"\n".utf8))
            Issue.record("expected an error")
        } catch {
            #expect((error as? OPML.ParseError)?.line ?? 0 >= 3)
        }
    }
}
