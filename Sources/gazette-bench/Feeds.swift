import ArgumentParser
import GazetteBenchKit

/// `gazette-bench feeds`: feed parsing, HTML to text and loopback fetching (issue 12's targets).
struct Feeds: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure feed parsing, HTML to text, and fetching 100 feeds × 50 items from a loopback server.")

    @Option(help: "Timed trials per figure.") var repetitions = 5
    @Option(help: "Subscriptions served by the loopback server.") var feeds = 100
    @Option(help: "Items per feed.") var items = 50
    @Option(help: "Only these parts (parse, html, fetch; repeatable).") var only: [String] = []

    func run() throws {
        let parts = only.isEmpty ? Set(FeedBench.Part.allCases) : Set(try only.map { name in
            guard let part = FeedBench.Part(rawValue: name) else { throw ValidationError("unknown part '\(name)' (parse, html, fetch)") }
            return part
        })
        print(FeedBench.table(try FeedBench.run(repetitions: max(1, repetitions), feeds: feeds, itemsPerFeed: items, parts: parts)), terminator: "")
    }
}
