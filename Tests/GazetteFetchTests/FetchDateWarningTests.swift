import Foundation
import GazetteFeeds
import LoopbackHTTP
import Testing
@testable import GazetteFetch

/// A date that cannot be read still files the item (under the fetch time), but never silently.
@Suite(.timeLimit(.minutes(10))) struct FetchDateWarningTests {
    static let feed = Array("""
        <rss version="2.0"><channel><title>Almanac</title>
        <item><title>Dated by hand</title><guid>a1</guid><pubDate>02/12/2024</pubDate><description>x</description></item>
        <item><title>Zone twice</title><guid>a2</guid><pubDate>Mon, 02 Dec 2024 09:05:00 +0000 GMT</pubDate></item>
        <item><title>Basic ISO</title><guid>a3</guid><pubDate>20241203T090500Z</pubDate></item>
        <item><title>Bad pubDate, good dc:date</title><guid>a4</guid><pubDate>soon</pubDate>
        <dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">2024-12-04T10:00:00Z</dc:date></item>
        <item><title>Never dated</title><guid>a5</guid></item>
        </channel></rss>
        """.utf8)

    @Test func anUnreadableDateIsFiledUnderTheFetchTimeWithAWarning() throws {
        let server = try LoopbackServer { _ in .ok(Self.feed) }
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        let sub = Subscription(url: server.url("/almanac"), title: "Almanac")
        let first = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: quickOptions())[0]
        #expect(first.added == 5)
        #expect(first.warnings == ["unreadable date \"02/12/2024\" on \"Dated by hand\" (\(sub.url)); filed under the fetch time"])
        #expect(sandbox.articles(in: "almanac") == [
            "2024/03/2024-03-09-dated-by-hand.txt", "2024/03/2024-03-09-never-dated.txt",
            "2024/12/2024-12-02-zone-twice.txt", "2024/12/2024-12-03-basic-iso.txt", "2024/12/2024-12-04-bad-pubdate-good-dc-date.txt",
        ])
        #expect(sandbox.read("almanac/2024/12/2024-12-02-zone-twice.txt").contains("\nDate: 2024-12-02T09:05:00Z\n"))

        // Later fetches keep the first-seen date, and still say why.
        var later = quickOptions()
        later.now += 86_400
        let second = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: later)[0]
        #expect((second.added, second.unchanged) == (0, 5))
        #expect(second.warnings == ["unreadable date \"02/12/2024\" on \"Dated by hand\" (\(sub.url)); kept under the time it was first fetched"])
    }
}
