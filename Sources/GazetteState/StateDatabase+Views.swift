import GazetteCore
import GRDB

/// Saved views: a name and a query.
extension StateDatabase {
    /// Every saved view, by name.
    public func views() throws -> [SavedView] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT name, query FROM saved_view ORDER BY name").map { SavedView(name: $0[0], query: $0[1]) }
        }
    }

    /// Saves (or replaces) a view.
    public func saveView(_ view: SavedView) throws {
        try write { db in
            try db.execute(sql: "INSERT INTO saved_view (name, query) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET query = excluded.query",
                           arguments: [view.name, view.query])
        }
    }

    /// Deletes the view named `name`; false when there was none.
    @discardableResult
    public func removeView(named name: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM saved_view WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    /// Renames a view; false when `old` does not exist or `new` is taken.
    @discardableResult
    public func renameView(_ old: String, to new: String) throws -> Bool {
        try write { db in
            guard old != new, try Bool.fetchOne(db, sql: "SELECT 1 FROM saved_view WHERE name = ?", arguments: [new]) == nil else { return false }
            try db.execute(sql: "UPDATE saved_view SET name = ? WHERE name = ?", arguments: [new, old])
            return db.changesCount > 0
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            var value: T?
            try db.inTransaction(.immediate) {
                value = try body(db)
                return .commit
            }
            return value!
        }
    }
}
