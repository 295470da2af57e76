import GazetteCore

/// A reloaded archive travelling to the run loop as an action (equal when it is the same store).
public struct ReloadedArchive: Sendable, Hashable {
    public let store: ArticleStore
    public let report: LoadReport
    /// The check that follows a start from the snapshot: say something only if articles came or went.
    public let quiet: Bool
    /// The reader's state laid over `store` (the run loop sets it; nil keeps none).
    public var overlay: ReaderOverlay?
    /// How many articles were edited in their files (`ArticleStore.editedArticles`; the run loop
    /// sets it): each is one changed article, not one new and one removed.
    public var edited = 0

    public init(store: ArticleStore, report: LoadReport, quiet: Bool = false, overlay: ReaderOverlay? = nil) {
        self.store = store
        self.report = report
        self.quiet = quiet
        self.overlay = overlay
    }

    public static func == (a: ReloadedArchive, b: ReloadedArchive) -> Bool { a.store === b.store }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(store)) }

    /// What the status bar says: "3 new articles", "1 article removed", "2 new articles, 1 removed",
    /// "1 article changed", "1 new article, 2 changed".
    static func message(added: Int, removed: Int, changed: Int = 0) -> String {
        func articles(_ n: Int) -> String { n == 1 ? "1 new article" : "\(n) new articles" }
        var parts: [String] = []
        switch (added, removed) {
        case (0, 0): break
        case (_, 0): parts.append(articles(added))
        case (0, _): parts.append(removed == 1 ? "1 article removed" : "\(removed) articles removed")
        default: parts.append("\(articles(added)), \(removed) removed")
        }
        if changed > 0 { parts.append(parts.isEmpty ? (changed == 1 ? "1 article changed" : "\(changed) articles changed") : "\(changed) changed") }
        return parts.isEmpty ? "Reloaded: articles changed" : parts.joined(separator: ", ")
    }
}
