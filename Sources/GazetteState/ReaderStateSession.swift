import GazetteCore

/// The reader's state for one loaded store: the database and the overlay built from it, kept in
/// step with this process's commits and, when polled, with other processes' commits.
///
/// Used from one thread (the UI's run loop, or a CLI command).
public final class ReaderStateSession {
    /// Where the state is kept.
    public let database: StateDatabase
    /// The store the overlay is laid over.
    public let store: ArticleStore
    /// Read, starred and tags by article index.
    public private(set) var overlay: ReaderOverlay
    /// Saved views, by name.
    public private(set) var views: [SavedView] = []
    /// The newest change stamp read into `overlay`.
    private var sequence: Int64 = 0
    private var dataVersion: Int

    /// Loads the whole state for `store`. A store that cannot be read leaves the overlay empty
    /// and says so in `loadProblem`.
    public init(database: StateDatabase, store: ArticleStore) {
        self.database = database
        self.store = store
        overlay = ReaderOverlay(count: store.count)
        dataVersion = database.dataVersion()
        do {
            try load()
        } catch {
            loadProblem = "State could not be read: \(StateDatabase.reason(error))"
        }
    }

    /// Why the stored state could not be read at start, if it could not.
    public private(set) var loadProblem: String?

    private func load() throws {
        let store = store
        var overlay = self.overlay
        sequence = try database.forEachChange(since: sequence, flags: { id, read, starred in
            guard let index = Self.index(id, in: store) else { return }
            overlay.setRead(index, read)
            overlay.setStarred(index, starred)
        }, tag: { id, tag, sign in
            guard let index = Self.index(id, in: store) else { return }
            overlay.setTag(index, tag, sign: sign)
        })
        self.overlay = overlay
        views = try database.views()
    }

    private static func index(_ id: String, in store: ArticleStore) -> Int? {
        ArticleID(id).flatMap { store.index(of: $0) }
    }

    /// Commits `edits` (durable when this returns) and lays what changed over the overlay.
    @discardableResult
    public func apply(_ edits: [StateEdit]) throws -> StateCommit {
        let commit = try database.apply(edits)
        overlay.apply(commit.applied, store: store)
        return commit
    }

    /// Saves a view and rereads the list.
    public func saveView(_ view: SavedView) throws {
        try database.saveView(view)
        views = try database.views()
    }

    /// Renames a view; false when `old` is gone or `new` is taken.
    public func renameView(_ old: String, to new: String) throws -> Bool {
        let renamed = try database.renameView(old, to: new)
        views = try database.views()
        return renamed
    }

    /// Deletes a view; false when there was none.
    public func removeView(named name: String) throws -> Bool {
        let removed = try database.removeView(named: name)
        views = try database.views()
        return removed
    }

    /// Reads what other processes committed since the last look; true when anything did.
    /// Costs one `PRAGMA data_version` when nothing changed, so the run loop can call it often.
    public func refreshIfChanged() -> Bool {
        let version = database.dataVersion()
        guard version != dataVersion else { return false }
        dataVersion = version
        do {
            try load()
        } catch {
            return false
        }
        return true
    }
}
