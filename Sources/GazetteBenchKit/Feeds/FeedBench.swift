import Foundation
import GazetteFeeds
import GazetteFetch
import LoopbackHTTP

/// Issue 12's targets: parsing and HTML-to-text throughput (against UTF-8 validation of the same
/// bytes, measured in the same run) and fetching 100 subscriptions × 50 items from a loopback
/// server, first fetch and an all-304 second fetch.
public enum FeedBench {
    public struct Row: Sendable {
        public var name: String
        public var value: Double
        public var unit: String
        public var target: String
        public var note: String
    }

    public static func run(repetitions: Int, feeds: Int = 100, itemsPerFeed: Int = 50) throws -> [Row] {
        var rows: [Row] = []
        // Throughput on one big document.
        let xml = Array(SyntheticFeed.rss(feed: 0, items: 2000).utf8)
        let megabytes = Double(xml.count) / 1_048_576
        let validate = Trials.measure(repetitions: repetitions, warmup: 1) { _ = String(validating: xml, as: UTF8.self) }
        var items = 0
        let parse = Trials.measure(repetitions: repetitions, warmup: 1) {
            items = 0
            _ = FeedParser.parse(xml) { _, _ in items += 1 }
        }
        precondition(items == 2000, "parsed \(items) items")
        rows.append(Row(name: "feed parse (RSS 2.0, \(String(format: "%.1f", megabytes)) MB)", value: megabytes / parse.median,
                        unit: "MB/s", target: "≥ 30", note: String(format: "UTF-8 validation %.0f MB/s; ratio %.1f×",
                                                                   megabytes / validate.median, parse.median / validate.median)))
        let html = (0..<2000).map(SyntheticFeed.itemHTML)
        let htmlMB = Double(html.reduce(0) { $0 + $1.utf8.count }) / 1_048_576
        let htmlValidate = Trials.measure(repetitions: repetitions, warmup: 1) {
            for page in html { _ = String(validating: Array(page.utf8), as: UTF8.self) }
        }
        let convert = Trials.measure(repetitions: repetitions, warmup: 1) {
            for page in html { _ = HTMLText.text(page) }
        }
        rows.append(Row(name: "HTML to text (\(String(format: "%.1f", htmlMB)) MB)", value: htmlMB / convert.median, unit: "MB/s",
                        target: "≥ 20", note: String(format: "UTF-8 validation %.0f MB/s; ratio %.1f×",
                                                     htmlMB / htmlValidate.median, convert.median / htmlValidate.median)))

        // Fetching from a loopback server.
        let bodies = (0..<feeds).map { Array(SyntheticFeed.rss(feed: $0 + 1, items: itemsPerFeed).utf8) }
        let server = try LoopbackServer { request in
            guard let index = Int(request.path.dropFirst(2)), index < bodies.count else { return .notFound }
            let etag = "\"bench-\(index)\""
            if request.headers["if-none-match"] == etag { return LoopbackServer.Response(status: 304, headers: [("ETag", etag)]) }
            return .ok(bodies[index], headers: [("ETag", etag)])
        }
        defer { server.stop() }
        let subscriptions = (0..<feeds).map { Subscription(url: server.url("/f\($0)"), title: "Bench \($0)") }
        var firstTimes: [Double] = [], secondTimes: [Double] = []
        var written = 0, rewritten = 0
        for _ in 0..<max(1, min(repetitions, 3)) {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-bench-fetch-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: root) }
            let (first, outcomes) = MonotonicClock.time { FetchRunner.run(subscriptions, feedsDirectory: root) }
            written = outcomes.reduce(0) { $0 + $1.added }
            let (second, again) = MonotonicClock.time { FetchRunner.run(subscriptions, feedsDirectory: root) }
            rewritten = again.reduce(0) { $0 + $1.added + $1.updated } + again.filter { $0.status != .notModified }.count
            firstTimes.append(first)
            secondTimes.append(second)
        }
        let firstMedian = Sample(seconds: firstTimes).median, secondMedian = Sample(seconds: secondTimes).median
        // Baseline in the same run: the disk alone, creating as many files of the same size
        // (write + rename, no fsync) in the same folder shape.
        let fileBytes = Data(repeating: 0x61, count: 1800)
        let baseline = MonotonicClock.time { () -> Void in
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-bench-files-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: root) }
            for feed in 0..<feeds {
                let folder = root + "/f\(feed)/2024/03"
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for item in 0..<itemsPerFeed {
                    let path = folder + "/\(item).txt"
                    _ = FileManager.default.createFile(atPath: path + ".tmp", contents: fileBytes)
                    _ = rename(path + ".tmp", path)
                }
            }
        }.seconds
        rows.append(Row(name: "fetch \(feeds) feeds × \(itemsPerFeed) items, first", value: firstMedian, unit: "s", target: "≤ 3",
                        note: String(format: "%d files written; the disk alone (create + rename, no fsync, one thread) %.2f s", written, baseline)))
        rows.append(Row(name: "fetch again, every feed 304", value: secondMedian, unit: "s", target: "≤ 0.5",
                        note: rewritten == 0 ? "nothing written" : "\(rewritten) feeds/files changed (should be 0)"))
        return rows
    }

    /// The rows as a Markdown table.
    public static func table(_ rows: [Row]) -> String {
        var out = "| measure | value | target | note |\n|---|---|---|---|\n"
        for row in rows {
            let value = row.unit == "s" ? String(format: "%.2f s", row.value) : String(format: "%.1f %@", row.value, row.unit)
            out += "| \(row.name) | \(value) | \(row.target) \(row.unit) | \(row.note) |\n"
        }
        return out
    }
}
