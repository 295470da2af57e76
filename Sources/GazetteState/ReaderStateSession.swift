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
    /// `migrate`: run the store's one-time data migrations (`carryOverFeedItemState`); commands
    /// that only read leave them to the browser and the commands that write.
    /// `edited`: articles edited since the store this one replaces (`ArticleStore.editedArticles`);
    /// each one's read mark, star and tags move from its former id to its new one.
    public init(database: StateDatabase, store: ArticleStore, migrate: Bool = true,
                edited: [(from: ArticleID, to: ArticleID)] = []) {
        self.database = database
        self.store = store
        self.migrates = migrate
        self.edited = edited
        overlay = ReaderOverlay(count: store.count)
        dataVersion = database.dataVersion()
        do {
            try load()
        } catch {
            loadProblem = "State could not be read: \(StateDatabase.reason(error))"
        }
    }

    private let migrates: Bool
    private let edited: [(from: ArticleID, to: ArticleID)]

    /// Why the stored state could not be read at start, if it could not.
    public private(set) var loadProblem: String?

    private func load() throws {
        let store = store
        var overlay = self.overlay
        let first = sequence == 0
        // Rows of no article here (first load only), and the articles that have rows.
        var orphans: [String: FormerRow] = [:]
        var stated = Set<Int>()
        sequence = try database.forEachChange(since: sequence, flags: { id, read, starred in
            guard let index = Self.index(id, in: store) else {
                if first { orphans[id, default: FormerRow()].flags = (read, starred) }
                return
            }
            stated.insert(index)
            overlay.setRead(index, read)
            overlay.setStarred(index, starred)
        }, tag: { id, tag, sign in
            guard let index = Self.index(id, in: store) else {
                if first, sign != 0 { orphans[id, default: FormerRow()].tags.append((tag, sign)) }
                return
            }
            stated.insert(index)
            overlay.setTag(index, tag, sign: sign)
        })
        self.overlay = overlay
        views = try database.views()
        if !edited.isEmpty, !orphans.isEmpty, database.isSaved {
            let moves = edited.compactMap { pair in store.index(of: pair.to).map { (former: pair.from.description, index: $0) } }
            try carry(moves, orphans: orphans, stated: stated)
            for move in moves { orphans[move.former] = nil }
        }
        if migrates, !orphans.isEmpty { try carryOverFeedItemState(orphans, stated: stated) }
    }

    /// Gives each move's article the state its former id's row holds (unless it has state of
    /// its own already), then removes those rows; one commit.
    private func carry(_ moves: [(former: String, index: Int)], orphans: [String: FormerRow], stated: Set<Int>) throws {
        var edits: [StateEdit] = []
        var carried: [String] = []
        for move in moves {
            guard let row = orphans[move.former] else { continue }
            carried.append(move.former)
            guard !stated.contains(move.index) else { continue }
            let id = store.articles.id(at: move.index).description
            if let flags = row.flags {
                if flags.read { edits.append(.read(id: id, value: true)) }
                if flags.starred { edits.append(.starred(id: id, value: true)) }
            }
            edits += row.tags.map { .tag(id: id, tag: $0.tag, sign: $0.sign) }
        }
        if !edits.isEmpty { try apply(edits) }
        if !carried.isEmpty { try database.remove(ids: carried.sorted()) }
    }

    /// A row whose id is no article's: maybe a fetched item's former id.
    private struct FormerRow {
        var flags: (read: Bool, starred: Bool)?
        var tags: [(tag: String, sign: Int)] = []
    }

    /// The one-time migration of fetched feed items' state to their ids by feed and GUID: an
    /// item's row under its former id (by link) is copied to its id, unless that already has
    /// state, and the former row removed. Done once per state store, the first time rows of no
    /// article are found (so a store with none pays nothing); a former id shared by several
    /// items (podcast episodes that shared a link, shown as one) is given to none of them.
    private func carryOverFeedItemState(_ orphans: [String: FormerRow], stated: Set<Int>) throws {
        let name = "feed-item-ids-by-guid"
        // One state store serves every set of data directories: a set without fetched items
        // (`--data ~/mail`) neither carries anything nor ends the migration. (The browser's
        // sessions after a reload do not migrate, so a reload never pays this scan.)
        guard database.isSaved, try !database.isDone(name) else { return }
        var owners: [String: [Int]] = [:]
        var feedItems = 0
        for index in 0..<store.count {
            guard let former = ArticleIdentity.formerFeedItemID(of: store.articles[index]) else { continue }
            feedItems += 1
            let key = former.description
            if orphans[key] != nil { owners[key, default: []].append(index) }
        }
        guard feedItems > 0 else { return }
        try carry(owners.filter { $0.value.count == 1 }.map { (former: $0.key, index: $0.value[0]) }, orphans: orphans, stated: stated)
        try database.markDone(name)
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
