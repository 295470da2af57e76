import GazetteCore

/// One article's stored state, as the database and the export file hold it.
public struct ArticleStateRow: Sendable, Hashable {
    public var id: String
    public var read: Bool
    public var starred: Bool
    /// Tag spelling → +1 added, -1 hidden.
    public var tags: [String: Int]

    public init(id: String, read: Bool = false, starred: Bool = false, tags: [String: Int] = [:]) {
        self.id = id
        self.read = read
        self.starred = starred
        self.tags = tags
    }

    /// True when the row says nothing beyond the default (unread, not starred, no tags).
    public var isDefault: Bool { !read && !starred && tags.values.allSatisfy { $0 == 0 } }
}

