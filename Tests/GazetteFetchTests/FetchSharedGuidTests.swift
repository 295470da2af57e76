import Foundation
import GazetteFeeds
import LoopbackHTTP
import Testing
@testable import GazetteFetch

/// A CMS that writes one GUID (the channel's URL) into every item: each story is still filed.
@Suite(.timeLimit(.minutes(10))) struct FetchSharedGuidTests {
    static func story(_ name: String, day: Int) -> String {
        "<item><title>Story \(name)</title><link>https://quay.example/news/\(name)</link><guid>https://quay.example/news/</guid>"
            + "<pubDate>\(["Mon", "Tue", "Wed", "Thu"][day - 2]), 0\(day) Dec 2024 09:00:00 GMT</pubDate><description>Body of \(name).</description></item>\n"
    }

    static func feed(_ stories: [String]) -> [UInt8] {
        Array(("<rss version=\"2.0\"><channel><title>Quay News</title><link>https://quay.example/news/</link>\n"
            + stories.joined() + "</channel></rss>").utf8)
    }

    @Test func storiesSharingAGuidAreAllFiledOnceAndAWarningSaysSo() throws {
        let one = Self.story("one", day: 2), two = Self.story("two", day: 3), three = Self.story("three", day: 4)
        // The same story twice in one document stays one.
        let body = Box(Self.feed([one, two, three, two]))
        let server = try LoopbackServer { _ in .ok(body.value) }
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        let sub = Subscription(url: server.url("/news"), title: "Quay")

        let first = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: quickOptions())[0]
        #expect((first.added, first.updated, first.unchanged) == (3, 0, 0))
        #expect(first.warnings == ["2 items share another item's guid (https://quay.example/news/); told apart by link or title"])
        let files = sandbox.articles(in: "quay")
        #expect(files == ["2024/12/2024-12-02-story-one.txt", "2024/12/2024-12-03-story-two.txt", "2024/12/2024-12-04-story-three.txt"])
        for (file, name) in zip(files, ["one", "two", "three"]) {
            #expect(sandbox.read("quay/" + file).contains("\n\nBody of \(name).\n"))
        }
        #expect(sandbox.read("quay/" + files[1]).contains("\nGuid: https://quay.example/news/|https://quay.example/news/two\n"))

        let again = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: quickOptions())[0]
        #expect((again.added, again.updated, again.unchanged) == (0, 0, 3))

        // A new story on top takes the plain GUID's file; every story is still there once.
        body.value = Self.feed([Self.story("four", day: 5), one, two, three])
        let later = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: quickOptions())[0]
        #expect(later.added + later.updated + later.unchanged == 4)
        let now = sandbox.articles(in: "quay")
        #expect(now.count == 4)
        for name in ["one", "two", "three", "four"] {
            let matching = now.filter { sandbox.read("quay/" + $0).contains("Title: Story \(name)\n") }
            #expect(matching.count == 1, "\(name)")
            #expect(matching.allSatisfy { sandbox.read("quay/" + $0).contains("\n\nBody of \(name).\n") })
        }
    }

    @Test func theFallbackIsTheLinkThenTheTitleAndARepeatIsDropped() {
        var identities = FetchIdentities()
        func item(_ title: String, _ link: String?) -> FeedItem {
            var item = FeedItem()
            item.guid = "g"
            item.title = title
            item.link = link
            return item
        }
        #expect(identities.identity(of: item("A", "https://x.example/a")) == "g")
        #expect(identities.identity(of: item("B", "https://x.example/b")) == "g|https://x.example/b")
        #expect(identities.identity(of: item("C", "https://x.example/b")) == "g|C")
        #expect(identities.identity(of: item("B", "https://x.example/b")) == nil)
        #expect(identities.identity(of: item("A", "https://x.example/a")) == nil)
        var other = item("Z", nil)
        other.guid = "h"
        #expect(identities.identity(of: other) == "h")
        #expect(identities.warning == "2 items share another item's guid (g); told apart by link or title")
        #expect(FetchIdentities().warning == nil)
    }
}
