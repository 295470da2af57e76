import Foundation
import GazetteCore
import GazetteFeeds
import GazetteFetch
import GazetteUI

/// `F` in the browser: fetches every subscription on a background thread (the same runner as
/// `gazette fetch`), posting progress and the outcome to the run loop as actions. The files it
/// writes reach the list through live reload like any other change to the data directory.
final class BackgroundFetch: Sendable {
    private let dataDirectory: String
    private let subscriptionsPath: String
    private let post: @Sendable (Action) -> Void
    private let running = LockedValue(false)

    init(dataDirectory: String, subscriptionsPath: String, post: @escaping @Sendable (Action) -> Void) {
        self.dataDirectory = dataDirectory
        self.subscriptionsPath = subscriptionsPath
        self.post = post
    }

    /// Starts a fetch unless one is running (then a second `F` only says so).
    func start() {
        let started = running.update { running -> Bool in
            if running { return false }
            running = true
            return true
        }
        guard started else {
            post(.fetchNotice("A fetch is already running"))
            return
        }
        let thread = Thread { [self] in
            let report = run()
            running.set(false)
            post(.fetchFinished(report))
        }
        thread.start()
    }

    private func run() -> FetchReport {
        var list: SubscriptionList
        do {
            list = try SubscriptionList(path: subscriptionsPath)
        } catch {
            return FetchReport(problem: "\(error)")
        }
        guard !list.subscriptions.isEmpty else {
            return FetchReport(problem: "No subscriptions in \(subscriptionsPath) (add one with: gazette feeds add URL)")
        }
        let feedsDirectory: String
        do {
            feedsDirectory = try FeedsDirectory.prepare(in: dataDirectory)
        } catch {
            return FetchReport(problem: "\(error)")
        }
        let total = list.subscriptions.count
        post(.fetchProgress(done: 0, total: total))
        let post = self.post
        let outcomes = FetchRunner.run(list.subscriptions, feedsDirectory: feedsDirectory) { _, done in
            post(.fetchProgress(done: done, total: total))
        }
        if list.apply(outcomes) { try? list.save() }
        return Self.report(outcomes)
    }

    /// The outcomes as the status bar and the warnings overlay tell them.
    static func report(_ outcomes: [FeedOutcome]) -> FetchReport {
        var report = FetchReport(feeds: outcomes.count)
        for outcome in outcomes {
            let name = outcome.subscription.title ?? outcome.feedTitle ?? outcome.subscription.url
            report.added += outcome.added
            report.updated += outcome.updated
            if outcome.status == .failed {
                report.failures.append("\(name): \(outcome.error ?? "failed")")
            }
            report.warnings += outcome.warnings.map { "\(name): \($0)" }
        }
        return report
    }
}
