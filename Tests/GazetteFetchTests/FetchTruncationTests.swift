import Foundation
import GazetteFeeds
import LoopbackHTTP
import Testing
@testable import GazetteFetch

/// A cut-off download files its complete items only, says so, and the next whole download brings
/// the rest without a duplicate.
@Suite(.timeLimit(.minutes(10))) struct FetchTruncationTests {
    @Test func aCutOffDownloadWritesNoHalfItemAndTheWholeFeedLaterAddsItOnce() throws {
        // The same version of the feed, its ETag too: the first download of it broke off.
        let whole = Box(false)
        let server = try LoopbackServer { request in
            if request.headers["if-none-match"] == "\"v1\"" { return LoopbackServer.Response(status: 304, headers: [("ETag", "\"v1\"")]) }
            return .ok(Fixture.bytes(whole.value ? "whole-rss.xml" : "cut-off-rss.xml"), headers: [("ETag", "\"v1\"")])
        }
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        let sub = Subscription(url: server.url("/pier"), title: "Pier")

        let first = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: quickOptions())[0]
        #expect(first.status == .fetched)
        #expect(first.added == 1)
        #expect(first.warnings.contains("truncated: the document ended inside an item; that item was not written"))
        #expect(sandbox.articles(in: "pier") == ["2024/12/2024-12-02-ferry-times.txt"])

        whole.value = true
        let second = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: quickOptions())[0]
        // Not a 304: the cut-off copy's validators were not kept.
        #expect(second.status == .fetched)
        #expect((second.added, second.updated, second.unchanged) == (2, 0, 1))
        #expect(second.warnings.isEmpty)
        let files = sandbox.articles(in: "pier")
        #expect(files.count == 3)
        #expect(files.contains("2024/12/2024-12-03-crane-repairs.txt"))
        #expect(sandbox.read("pier/2024/12/2024-12-03-crane-repairs.txt").contains("The east crane is out until Friday."))
        #expect(server.requests.map { $0.headers["if-none-match"] } == [nil, nil])

        // Now whole, its validators are kept.
        let third = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: quickOptions())[0]
        #expect(third.status == .notModified)
    }

    @Test func theSizeCapNeverWritesTheItemItCutThrough() throws {
        var xml = "<rss version=\"2.0\"><channel><title>Huge</title>"
        for index in 0..<2000 { xml += "<item><title>Item \(index)</title><description>Body \(index)</description><guid>g\(index)</guid></item>" }
        xml += "</channel></rss>"
        let body = Array(xml.utf8)
        let server = try LoopbackServer { _ in .ok(body) }
        defer { server.stop() }
        let sandbox = try FetchSandbox()
        let sub = Subscription(url: server.url("/huge"), title: "Huge")
        // Cut inside an item's description, then inside a guid (`<guid>g2`, another item's guid).
        for cap in [20_010, 20_117] {
            let outcome = FetchRunner.run([sub], feedsDirectory: sandbox.feeds, options: quickOptions(maxBytes: cap))[0]
            #expect(outcome.warnings.contains("truncated: the document ended inside an item; that item was not written"))
            for file in sandbox.articles(in: "huge") {
                let text = sandbox.read("huge/" + file)
                let number = try #require(text.firstMatch(of: /Title: Item (\d+)/)?.1)
                #expect(text.contains("\nGuid: g\(number)\n"), "\(file)")
                #expect(text.hasSuffix("\n\nBody \(number)\n"), "\(file)")
            }
        }
    }
}
