import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
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

    /// The parts `run` can be limited to (profiling one at a time).
    public enum Part: String, CaseIterable, Sendable { case parse, html, fetch }

    public static func run(repetitions: Int, feeds: Int = 100, itemsPerFeed: Int = 50, parts: Set<Part> = Set(Part.allCases)) throws -> [Row] {
        var rows: [Row] = []
        if parts.contains(.parse) { rows.append(parseRow(repetitions: repetitions)) }
        if parts.contains(.html) { rows.append(htmlRow(repetitions: repetitions)) }
        if parts.contains(.fetch) { rows += try fetchRows(repetitions: repetitions, feeds: feeds, itemsPerFeed: itemsPerFeed) }
        return rows
    }

    static func parseRow(repetitions: Int) -> Row {
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
        // What the reader used before libxml2 directly: FoundationXML's XMLParser with a delegate
        // that does nothing, in the same run.
        let foundation = Trials.measure(repetitions: repetitions, warmup: 1) {
            let parser = XMLParser(data: Data(xml))
            parser.shouldProcessNamespaces = true
            parser.delegate = EmptyDelegate.shared
            _ = parser.parse()
        }
        return Row(name: "feed parse (RSS 2.0, \(String(format: "%.1f", megabytes)) MB)", value: megabytes / parse.median,
                   unit: "MB/s", target: "≥ 30",
                   note: String(format: "%.2f× the time of FoundationXML's XMLParser with an empty delegate (%.0f MB/s); UTF-8 validation %.0f MB/s",
                                parse.median / foundation.median, megabytes / foundation.median, megabytes / validate.median))
    }

    static func htmlRow(repetitions: Int) -> Row {
        let html = (0..<2000).map(SyntheticFeed.itemHTML)
        let htmlMB = Double(html.reduce(0) { $0 + $1.utf8.count }) / 1_048_576
        let htmlValidate = Trials.measure(repetitions: repetitions, warmup: 1) {
            for page in html { _ = String(validating: Array(page.utf8), as: UTF8.self) }
        }
        let convert = Trials.measure(repetitions: repetitions, warmup: 1) {
            for page in html { _ = HTMLText.text(page) }
        }
        return Row(name: "HTML to text (\(String(format: "%.1f", htmlMB)) MB)", value: htmlMB / convert.median, unit: "MB/s",
                   target: "≥ 20", note: String(format: "UTF-8 validation %.0f MB/s; ratio %.1f×",
                                                htmlMB / htmlValidate.median, convert.median / htmlValidate.median))
    }

    /// Fetching from a loopback server, against the disk alone in the same run.
    static func fetchRows(repetitions: Int, feeds: Int, itemsPerFeed: Int) throws -> [Row] {
        var rows: [Row] = []
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
        // Baseline in the same run: the disk alone, as many files of the same size in the same
        // folder shape, on as many threads as the fetch uses: create + write + rename, once
        // with an fsync per file (what each file cost before batching) and once without any.
        let fileBytes = [UInt8](repeating: 0x61, count: 1800)
        let synced = DiskBaseline.time(feeds: feeds, files: itemsPerFeed, bytes: fileBytes, fsyncEach: true)
        let unsynced = DiskBaseline.time(feeds: feeds, files: itemsPerFeed, bytes: fileBytes, fsyncEach: false)
        rows.append(Row(name: "fetch \(feeds) feeds × \(itemsPerFeed) items, first", value: firstMedian, unit: "s", target: "≤ 3",
                        note: String(format: "%d files written; %.2f× the disk alone with an fsync per file (%.2f s), %.2f× without any (%.2f s)",
                                     written, firstMedian / synced, synced, firstMedian / unsynced, unsynced)))
        rows.append(Row(name: "fetch again, every feed 304", value: secondMedian, unit: "s", target: "≤ 0.5",
                        note: rewritten == 0 ? "nothing written" : "\(rewritten) feeds/files changed (should be 0)"))
        return rows
    }

    private final class EmptyDelegate: NSObject, XMLParserDelegate, @unchecked Sendable {
        static let shared = EmptyDelegate()
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
