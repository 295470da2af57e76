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
    let queue: DatabaseQueue

    /// True when changes are written to disk.
    public var isSaved: Bool { path != nil }

    private init(directory: String, path: String?, notice: String?, queue: DatabaseQueue) {
        self.directory = directory
        self.path = path
        self.notice = notice
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
        do {
            return StateDatabase(directory: directory, path: path, notice: nil, queue: try openFile(path))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            let aside = path + ".corrupt-" + timestamp(now)
            do {
                try FileManager.default.moveItem(atPath: path, toPath: aside)
                for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                let queue = try openFile(path)
                return StateDatabase(directory: directory, path: path, notice: "State store was damaged; moved aside as \(aside) and started a new one", queue: queue)
            } catch {
                return inMemory(directory: directory, notice: "State is not saved: \(path) is damaged and could not be replaced (\(reason(error)))")
            }
        } catch {
            return inMemory(directory: directory, notice: "State is not saved: cannot write \(path) (\(reason(error)))")
        }
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
        // Touch the tables, so a file damaged past its header is found now, not mid-session.
        _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM article") }
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
