/// One change to the reader's state of one article, keyed by the article id's printed form.
public enum StateEdit: Sendable, Hashable {
    /// Read (true), unread (false) or the opposite of what is stored (nil).
    case read(id: String, value: Bool?)
    /// Starred, not starred, or toggled (nil).
    case starred(id: String, value: Bool?)
    /// The reader's mark of a tag: +1 added, -1 a file's tag hidden, 0 neither.
    case tag(id: String, tag: String, sign: Int)

    /// The article the edit is for.
    public var id: String {
        switch self {
        case .read(let id, _), .starred(let id, _), .tag(let id, _, _): id
        }
    }
}

/// What a committed change did: the edits that changed something (with explicit values), and
/// the edits that undo it.
public struct StateCommit: Sendable, Equatable {
    public var applied: [StateEdit]
    public var inverse: [StateEdit]

    public init(applied: [StateEdit] = [], inverse: [StateEdit] = []) {
        self.applied = applied
        self.inverse = inverse
    }
}

/// A named query the sidebar's Views section lists.
public struct SavedView: Sendable, Hashable, Codable {
    public var name: String
    public var query: String

    public init(name: String, query: String) {
        self.name = name
        self.query = query
    }
}

/// The case-insensitive key tags are compared by (the store's rule: trimmed, lower-cased).
public func tagKey(_ tag: String) -> String { FacetTable.key(tag) }
