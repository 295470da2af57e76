import ArgumentParser
import Foundation
import GazetteCore
import GazetteFeeds
import GazetteFetch
import GazetteUI

/// `gazette fetch`: fetch subscriptions and file their items as articles under DATA/feeds/.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch the subscribed feeds and write new items as article files under DATA/feeds/.",
        discussion: """
            Writes into the first data directory (--data, else $GAZETTE_DATA, else ./Data if it exists, else \
            $XDG_DATA_HOME/gazette), under feeds/<feed>/<YYYY>/<MM>/. With URLs, fetches only those (subscribed \
            or not). Exit status: 0 every feed fetched (or unchanged), 1 some failed, 2 nothing could be done.
            """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var file: FeedsCommand.FileOption
    @Argument(help: "Fetch only these feeds.") var urls: [String] = []
    @Flag(help: "Print a JSON summary instead of one line per feed.") var json = false
    @Option(help: "Feeds fetched at once (at most 2 per host).") var jobs = 8
    @Option(help: "Seconds for a whole fetch; a fifth of it (at least 10 s) without data also ends it.") var timeout: Double = 60
    @Option(name: .customLong("max-size"), help: "Megabytes kept of a response; the rest is cut off.") var maxSize = 50

    func run() throws {
        ignoreBrokenPipeSignal()
        var list = try file.load()
        let subscriptions = try chosen(from: list)
        let feedsDirectory = try prepareFeedsDirectory()
        var options = FetchOptions()
        options.jobs = max(1, jobs)
        options.limits.totalTimeout = max(1, timeout)
        options.limits.idleTimeout = min(options.limits.totalTimeout, max(10, timeout / 5))
        options.limits.maxBytes = max(1, maxSize) * 1_048_576

        let progress = FetchProgress(total: subscriptions.count, bar: !json && isatty(2) == 1, lines: !json)
        let outcomes = FetchRunner.run(subscriptions, feedsDirectory: feedsDirectory, options: options) { outcome, done in
            progress.report(outcome, done: done)
        }
        progress.finish(outcomes)
        if list.apply(outcomes) { try file.save(list) }
        if json { try printJSON(outcomes) }
        StandardOutput.flush()
        let failed = outcomes.filter { $0.status == .failed }.count
        if failed == outcomes.count { throw ExitCode(2) }
        if failed > 0 { throw ExitCode(1) }
    }

    /// The subscriptions to fetch: all, or the URLs given (their subscription when there is one).
    private func chosen(from list: SubscriptionList) throws -> [Subscription] {
        if urls.isEmpty {
            guard !list.subscriptions.isEmpty else {
                StandardError.write("gazette: no subscriptions in \(list.path) (add one with: gazette feeds add URL)\n")
                throw ExitCode(2)
            }
            return list.subscriptions
        }
        return try urls.map { url in
            if let index = list.index(of: url) { return list.subscriptions[index] }
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
                StandardError.write("gazette: not an http(s) URL: \(TerminalSafeText.sanitize(url))\n")
                throw ExitCode(2)
            }
            return Subscription(url: url)
        }
    }

    /// DATA/feeds, created when missing; exit 2 when it cannot be.
    private func prepareFeedsDirectory() throws -> String {
        do {
            return try FeedsDirectory.prepare(in: data.resolvedDirectories()[0])
        } catch {
            StandardError.write("gazette: \(error)\n")
            throw ExitCode(2)
        }
    }

    private func printJSON(_ outcomes: [FeedOutcome]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        StandardOutput.write(try encoder.encode(FetchSummaryJSON(outcomes)))
        StandardOutput.write("\n")
    }
}
