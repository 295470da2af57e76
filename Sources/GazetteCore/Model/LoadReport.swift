/// A problem found while loading: reported as `path:line: reason`, never fatal to the rest.
public struct LoadWarning: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var reason: String

    public init(location: SourceLocation, reason: String) {
        self.location = location
        self.reason = reason
    }

    public init(path: String, line: Int, reason: String) {
        self.init(location: SourceLocation(path: path, line: line), reason: reason)
    }

    /// `path:line: reason`, or `path: reason` for a problem with the whole file (line 0).
    public var description: String {
        location.line > 0 ? "\(location): \(reason)" : "\(location.path): \(reason)"
    }
}

/// The same article found a second time; the first one found is kept.
public struct DuplicateArticle: Sendable, Hashable {
    public var id: ArticleID
    public var title: String
    public var kept: SourceLocation
    public var dropped: SourceLocation
    /// Set when the two share a Message-ID or Link (named here) but their bodies differ: one
    /// was still dropped, and `check` reports a conflict rather than a plain duplicate.
    public var conflictBasis: String?

    public init(id: ArticleID, title: String, kept: SourceLocation, dropped: SourceLocation) {
        self.id = id
        self.title = title
        self.kept = kept
        self.dropped = dropped
    }
}

extension DuplicateArticle {
    /// `path:line: duplicate of "TITLE" (ID, first at path:line)`, or for two files sharing a
    /// Message-ID or Link with different bodies `path:line: conflict: same Message-ID as … but a different body; …`.
    public var reportLine: String {
        if let conflictBasis {
            return "\(dropped): conflict: same \(conflictBasis) as \"\(title)\" (\(id), kept from \(kept)) but a different body; this copy was not loaded"
        }
        return "\(dropped): duplicate of \"\(title)\" (\(id), first at \(kept))"
    }
}

/// What loading the data directories found.
public struct LoadReport: Sendable {
    public var directories: [String] = []
    public var filesRead: Int = 0
    public var filesSkipped: Int = 0
    public var articles: Int = 0
    public var bytesRead: Int = 0
    public var duplicates: [DuplicateArticle] = []
    public var warnings: [LoadWarning] = []

    public init() {}
}
