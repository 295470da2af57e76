import GazetteFeeds

/// What fetching one subscription came to.
public struct FeedOutcome: Sendable {
    public enum Status: String, Sendable {
        /// Fetched and read (possibly with warnings).
        case fetched
        /// The server said 304: nothing changed, nothing written.
        case notModified = "not-modified"
        case failed
    }

    public var subscription: Subscription
    public var status: Status
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// Problems that did not stop the feed: not well-formed XML, cut-off body, unknown encoding.
    public var warnings: [String] = []
    /// Why it failed, when it did.
    public var error: String?
    /// The feed's own title and home page, as read.
    public var feedTitle: String?
    public var homePage: String?
    /// The new URL after a permanent redirect (301/308); the subscription should follow it.
    public var movedTo: String?
    public var seconds: Double = 0

    public init(subscription: Subscription, status: Status) {
        self.subscription = subscription
        self.status = status
    }
}
