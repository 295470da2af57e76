import GazetteCore
import Foundation
import GRDB

/// The reader's state in SQLite (WAL, synchronous commits): read, starred, tags, saved views.
///
/// Opening never fails: a corrupt file is moved aside and a new store started, and a directory
/// that cannot be written gives a store in memory; `notice` says which, once, for the UI.
public final class StateDatabase: Sendable {
    /// The state directory asked for.
    public let directory: String
    /// The database file, or nil when the state lives in memory only.
    public let path: String?
    /// What the user should be told once (state not saved, a corrupt store moved aside).
    public let notice: String?
    /// Where a damaged store was moved aside when this one was opened (`gazette state check` fails).
    public let damagedCopy: String?
    let queue: DatabaseQueue

    /// True when changes are written to disk.
    public var isSaved: Bool { path != nil }

    private init(directory: String, path: String?, notice: String?, damagedCopy: String? = nil, queue: DatabaseQueue) {
        self.directory = directory
        self.path = path
        self.notice = notice
        self.damagedCopy = damagedCopy
        self.queue = queue
    }

    /// Opens (creating it if needed) the store in `directory`; see the type's note on failures.
    /// Without `create`, a store that does not exist yet is an empty one in memory (`gazette list`
    /// never creates files).
    public static func open(directory: String, create: Bool = true, now: Date = Date()) -> StateDatabase {
        let path = (directory as NSString).appendingPathComponent(StateLocation.fileName)
        if !create, !FileManager.default.fileExists(atPath: path) { return inMemory(directory: directory) }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return inMemory(directory: directory, notice: "State is not saved: cannot create \(directory) (\(reason(error)))")
        }
        // A store that exists but cannot be written (a read-only file or directory) is never
        // opened for writing: SQLite would leave behind a `-shm` as read-only as the file, which
        // keeps the store unusable after the permissions are fixed.
        let manager = FileManager.default
        if manager.fileExists(atPath: path), !manager.isWritableFile(atPath: path) || !manager.isWritableFile(atPath: directory) {
            return readOnly(directory: directory, path: path, why: manager.isWritableFile(atPath: path) ? "\(directory) is read-only" : "\(path) is read-only")
        }
        do {
            return StateDatabase(directory: directory, path: path, notice: nil, queue: try openFile(path))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            let aside = path + ".corrupt-" + timestamp(now)
            do {
                try manager.moveItem(atPath: path, toPath: aside)
                // The damaged store's write-ahead log goes with it (it may hold its last commits).
                if manager.fileExists(atPath: path + "-wal") { try? manager.moveItem(atPath: path + "-wal", toPath: aside + "-wal") }
                try? manager.removeItem(atPath: path + "-shm")
                let queue = try openFile(path)
                let saved = salvage(from: aside, into: queue)
                let kept = saved > 0 ? " with the state of \(saved) article\(saved == 1 ? "" : "s") that could still be read" : ""
                return StateDatabase(directory: directory, path: path,
                                     notice: "State store was damaged; moved aside as \(aside) and started a new one\(kept)",
                                     damagedCopy: aside, queue: queue)
            } catch {
                return inMemory(directory: directory, notice: "State is not saved: \(path) is damaged and could not be replaced (\(reason(error)))")
            }
        } catch {
            return readOnly(directory: directory, path: path, why: "cannot write \(path) (\(reason(error)))")
        }
    }

    /// The saved state shown but not written: a copy in memory of the store at `path` (read from
    /// a scratch copy, so nothing is created next to it), or an empty store when it cannot be read.
    static func readOnly(directory: String, path: String, why: String) -> StateDatabase {
        guard let queue = memoryCopy(of: path) else {
            return inMemory(directory: directory, notice: "State is not saved: \(why)")
        }
        return StateDatabase(directory: directory, path: nil, notice: "State is not saved: \(why); the saved state is shown", queue: queue)
    }

    private static func memoryCopy(of path: String) -> DatabaseQueue? {
        let manager = FileManager.default
        guard manager.isReadableFile(atPath: path) else { return nil }
        let scratch = manager.temporaryDirectory.appendingPathComponent("gazette-state-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: scratch) }
        do {
            try manager.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            let copy = (scratch as NSString).appendingPathComponent(StateLocation.fileName)
            try manager.copyItem(atPath: path, toPath: copy)
            if manager.isReadableFile(atPath: path + "-wal") { try? manager.copyItem(atPath: path + "-wal", toPath: copy + "-wal") }
            // The copies keep the original's mode; a read-only one would not open.
            for file in [copy, copy + "-wal"] where manager.fileExists(atPath: file) {
                try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
            }
            let source = try openFile(copy)
            let memory = try DatabaseQueue()
            try source.backup(to: memory)
            try source.close()
            return memory
        } catch {
            return nil
        }
    }

    /// Copies what can still be read of the damaged store at `damaged` into `queue` (a new
    /// store): article flags, tags and saved views, each table as far as it reads. The number of
    /// articles whose state was kept.
    private static func salvage(from damaged: String, into queue: DatabaseQueue) -> Int {
        guard let old = try? DatabaseQueue(path: damaged, configuration: { var c = Configuration(); c.readonly = true; return c }()) else { return 0 }
        defer { try? old.close() }
        func rows(_ sql: String) -> [Row] {
            var found: [Row] = []
            try? old.read { db in
                let cursor = try Row.fetchCursor(db, sql: sql)
                while let row = try cursor.next() { found.append(row.copy()) }
            }
            return found
        }
        let articles = rows("SELECT id, read, starred FROM article")
        let tags = rows("SELECT id, key, tag, sign FROM article_tag")
        let views = rows("SELECT name, query FROM saved_view")
        var kept = Set<String>()
        try? queue.write { db in
            for row in articles {
                guard let id: String = row["id"] else { continue }
                try db.execute(sql: "INSERT OR IGNORE INTO article (id, read, starred, seq) VALUES (?, ?, ?, 1)",
                               arguments: [id, row["read"] as Int? ?? 0, row["starred"] as Int? ?? 0])
                kept.insert(id)
            }
            for row in tags {
                guard let id: String = row["id"], let key: String = row["key"], let tag: String = row["tag"] else { continue }
                try db.execute(sql: "INSERT OR IGNORE INTO article_tag (id, key, tag, sign, seq) VALUES (?, ?, ?, ?, 1)",
                               arguments: [id, key, tag, row["sign"] as Int? ?? 0])
                kept.insert(id)
            }
            for row in views {
                guard let name: String = row["name"], let query: String = row["query"] else { continue }
                try db.execute(sql: "INSERT OR IGNORE INTO saved_view (name, query) VALUES (?, ?)", arguments: [name, query])
            }
            try db.execute(sql: "UPDATE clock SET seq = max(seq, 1) WHERE id = 1")
        }
        return kept.count
    }

    /// A store in memory (tests, and the fallback when the directory cannot be written).
    public static func inMemory(directory: String = ":memory:", notice: String? = nil) -> StateDatabase {
        // An in-memory queue cannot fail to open, nor can the migration of an empty database.
        let queue = try! DatabaseQueue()
        try! StateSchema.migrator.migrate(queue)
        return StateDatabase(directory: directory, path: nil, notice: notice, queue: queue)
    }

    private static func openFile(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.journalMode = .wal
        // Another process (the UI while `gazette tag` runs) may hold the write lock for a moment.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // FULL: a commit is on disk before the UI shows it done (WAL's NORMAL could lose the
            // last commits on power loss; it never corrupts either way).
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        do {
            try StateSchema.migrator.migrate(queue)
        } catch let error as DatabaseError where [.SQLITE_CONSTRAINT, .SQLITE_BUSY, .SQLITE_ERROR].contains(error.resultCode) {
            // Two processes created the store at once and the other one's migration won: a
            // duplicate migration row, a table that already exists, or (WAL) a read snapshot
            // made stale by its commit, which waiting cannot cure. Whatever is left is done now.
            if try !queue.read(StateSchema.migrator.hasCompletedMigrations) { try StateSchema.migrator.migrate(queue) }
        }
        // Check every page's structure, so a file damaged past its header is found now, not
        // mid-session (a state store is small: milliseconds).
        let check = try queue.read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
        guard check == ["ok"] else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: check.prefix(3).joined(separator: "; "))
        }
        return queue
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }

    // MARK: - One-time data migrations

    /// Whether the one-time migration `name` was done in this store.
    func isDone(_ name: String) throws -> Bool {
        try queue.read { try Bool.fetchOne($0, sql: "SELECT 1 FROM migration_done WHERE name = ?", arguments: [name]) ?? false }
    }

    /// Records that the one-time migration `name` is done.
    func markDone(_ name: String) throws {
        try queue.write { try $0.execute(sql: "INSERT OR IGNORE INTO migration_done (name) VALUES (?)", arguments: [name]) }
    }

    // MARK: - Watching other processes

    /// Changes whenever another connection (another process) commits; cheap enough to poll per key.
    public func dataVersion() -> Int {
        (try? queue.inDatabase { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }) ?? 0
    }

    /// The change counter: every committed change stamps its rows with the next value.
    public func currentSequence() throws -> Int64 {
        try queue.read { try Int64.fetchOne($0, sql: "SELECT seq FROM clock WHERE id = 1") ?? 0 }
    }
}
