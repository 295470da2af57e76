import GazetteCore

/// A reloaded archive travelling to the run loop as an action (equal when it is the same store).
public struct ReloadedArchive: Sendable, Hashable {
    public let store: ArticleStore
    public let report: LoadReport
    /// The check that follows a start from the snapshot: say something only if articles came or went.
    public let quiet: Bool
    /// The reader's state laid over `store` (the run loop sets it; nil keeps none).
    public var overlay: ReaderOverlay?

    public init(store: ArticleStore, report: LoadReport, quiet: Bool = false, overlay: ReaderOverlay? = nil) {
        self.store = store
        self.report = report
        self.quiet = quiet
        self.overlay = overlay
    }

    public static func == (a: ReloadedArchive, b: ReloadedArchive) -> Bool { a.store === b.store }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(store)) }

    /// What the status bar says: "3 new articles", "1 article removed", "2 new articles, 1 removed".
    static func message(added: Int, removed: Int) -> String {
        func articles(_ n: Int) -> String { n == 1 ? "1 new article" : "\(n) new articles" }
        switch (added, removed) {
        case (0, 0): return "Reloaded: articles changed"
        case (_, 0): return articles(added)
        case (0, _): return removed == 1 ? "1 article removed" : "\(removed) articles removed"
        default: return "\(articles(added)), \(removed) removed"
        }
    }
}
