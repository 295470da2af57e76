/// What a background fetch (`F`) came to, as the status bar and the warnings overlay tell it.
public struct FetchReport: Sendable, Hashable {
    /// Subscriptions fetched (or tried).
    public var feeds: Int
    /// New article files written, and existing ones rewritten because their item changed.
    public var added = 0
    public var updated = 0
    /// One `feed: reason` per feed that failed.
    public var failures: [String] = []
    /// One `feed: problem` per problem that did not stop a feed (not well-formed XML, cut off).
    public var warnings: [String] = []
    /// Set when nothing could be fetched at all (no subscriptions, no writable folder).
    public var problem: String?

    public init(feeds: Int) { self.feeds = feeds }

    public init(problem: String) {
        feeds = 0
        self.problem = problem
    }

    /// The status bar's sentence: `Fetched 40 feeds: 17 new articles, 2 failed (w: why)`.
    public var summary: String {
        if let problem { return "Fetch: \(problem)" }
        var text = "Fetched \(feeds) \(feeds == 1 ? "feed" : "feeds"): \(added) new \(added == 1 ? "article" : "articles")"
        if updated > 0 { text += ", \(updated) updated" }
        if !failures.isEmpty { text += ", \(failures.count) failed" }
        if !failures.isEmpty || !warnings.isEmpty { text += " (w: details)" }
        return text
    }

    /// The warnings overlay's lines for this fetch: failures first.
    public var overlayLines: [String] {
        failures.map { "fetch failed: " + $0 } + warnings.map { "fetch warning: " + $0 }
    }
}

/// A background fetch under way: feeds done of the total.
public struct FetchActivity: Sendable, Hashable {
    public var done: Int
    public var total: Int

    /// `Fetching 12/40 feeds…` (`Fetching feeds…` before the list is read).
    public var text: String { total > 0 ? "Fetching \(done)/\(total) feeds…" : "Fetching feeds…" }
}
