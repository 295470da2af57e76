import Foundation
import GazetteCore
import GazetteFetch
import GazetteUI

/// What `gazette fetch` shows while it works: a progress bar on a terminal (stderr), else one
/// line per feed on stdout as each finishes; a summary line at the end either way.
final class FetchProgress: Sendable {
    private let total: Int
    private let bar: Bool
    private let lines: Bool
    /// Serialises what the workers write (the runner calls `report` one at a time already).
    private let output = LockedValue(())

    init(total: Int, bar: Bool, lines: Bool) {
        self.total = total
        self.bar = bar
        self.lines = lines
    }

    /// Called from worker threads, one at a time (the runner serialises them).
    func report(_ outcome: FeedOutcome, done: Int) {
        output.update { _ in
            if bar {
                if outcome.status == .failed { clearBar(); StandardError.write(Self.line(outcome) + "\n") }
                drawBar(done)
            } else if lines {
                StandardOutput.write(Self.line(outcome) + "\n")
                for warning in outcome.warnings { StandardOutput.write(TerminalSafeText.sanitize("  warning: \(warning)") + "\n") }
                StandardOutput.flush()
            }
        }
    }

    func finish(_ outcomes: [FeedOutcome]) {
        guard lines else { return }
        if bar { clearBar() }
        let added = outcomes.reduce(0) { $0 + $1.added }, updated = outcomes.reduce(0) { $0 + $1.updated }
        let failed = outcomes.filter { $0.status == .failed }.count
        let unchanged = outcomes.filter { $0.status == .notModified }.count
        let warned = outcomes.filter { !$0.warnings.isEmpty }.count
        var summary = "\(outcomes.count) feed\(outcomes.count == 1 ? "" : "s"): \(added) new, \(updated) updated"
        if unchanged > 0 { summary += ", \(unchanged) not modified" }
        if warned > 0 { summary += ", \(warned) with warnings" }
        if failed > 0 { summary += ", \(failed) failed" }
        for outcome in outcomes {
            if let moved = outcome.movedTo {
                summary += "\n" + TerminalSafeText.sanitize("moved permanently: \(outcome.subscription.url) → \(moved) (subscription updated)")
            }
        }
        (bar ? StandardError.write : StandardOutput.write)(summary + "\n")
    }

    /// `ok    URL  3 new, 1 updated, 46 unchanged` / `304   URL` / `FAIL  URL  reason`.
    static func line(_ outcome: FeedOutcome) -> String {
        let url = outcome.subscription.url
        switch outcome.status {
        case .fetched:
            return TerminalSafeText.sanitize("ok    \(url)  \(outcome.added) new, \(outcome.updated) updated, \(outcome.unchanged) unchanged")
        case .notModified:
            return TerminalSafeText.sanitize("304   \(url)  not modified")
        case .failed:
            return TerminalSafeText.sanitize("FAIL  \(url)  \(outcome.error ?? "failed")")
        }
    }

    private func drawBar(_ done: Int) {
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let text = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total) feeds"
        StandardError.write(text)
    }

    private func clearBar() { StandardError.write("\r\u{1B}[K") }
}

/// `fetch --json`: totals and one object per feed (every key present, null when absent).
struct FetchSummaryJSON: Encodable {
    struct Feed: Encodable {
        var url: String
        var status: String
        var added: Int
        var updated: Int
        var unchanged: Int
        var warnings: [String]
        var error: String?
        var movedTo: String?
        var folder: String
        var seconds: Double

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(url, forKey: .url); try c.encode(status, forKey: .status)
            try c.encode(added, forKey: .added); try c.encode(updated, forKey: .updated)
            try c.encode(unchanged, forKey: .unchanged); try c.encode(warnings, forKey: .warnings)
            try c.encode(error, forKey: .error); try c.encode(movedTo, forKey: .movedTo)
            try c.encode(folder, forKey: .folder); try c.encode((seconds * 1000).rounded() / 1000, forKey: .seconds)
        }

        enum CodingKeys: String, CodingKey { case url, status, added, updated, unchanged, warnings, error, movedTo, folder, seconds }
    }

    var feeds: [Feed]
    var added: Int
    var updated: Int
    var failed: Int
    var notModified: Int

    init(_ outcomes: [FeedOutcome]) {
        feeds = outcomes.map {
            Feed(url: $0.subscription.url, status: $0.status.rawValue, added: $0.added, updated: $0.updated, unchanged: $0.unchanged,
                 warnings: $0.warnings, error: $0.error, movedTo: $0.movedTo, folder: $0.subscription.folder, seconds: $0.seconds)
        }
        added = outcomes.reduce(0) { $0 + $1.added }
        updated = outcomes.reduce(0) { $0 + $1.updated }
        failed = outcomes.filter { $0.status == .failed }.count
        notModified = outcomes.filter { $0.status == .notModified }.count
    }
}
