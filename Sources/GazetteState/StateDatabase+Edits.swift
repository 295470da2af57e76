import GazetteCore
import GRDB

/// Committing changes, and reading them back (all, or since a sequence number).
extension StateDatabase {
    /// Applies `edits` in one immediate transaction, reading each current value inside it (so a
    /// toggle racing another process's toggle is never lost); returns what changed and its undo.
    /// Once this returns, the change is on disk.
    @discardableResult
    public func apply(_ edits: [StateEdit]) throws -> StateCommit {
        guard !edits.isEmpty else { return StateCommit() }
        var commit = StateCommit()
        try queue.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                commit = try Self.apply(edits, in: db)
                return .commit
            }
        }
        return commit
    }

    static func apply(_ edits: [StateEdit], in db: Database) throws -> StateCommit {
        guard let seq = try Int64.fetchOne(db, sql: "UPDATE clock SET seq = seq + 1 WHERE id = 1 RETURNING seq") else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the change counter is missing")
        }
        let selectFlags = try db.cachedStatement(sql: "SELECT read, starred FROM article WHERE id = ?")
        let upsertFlags = try db.cachedStatement(sql: """
            INSERT INTO article (id, read, starred, seq) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET read = excluded.read, starred = excluded.starred, seq = excluded.seq
            """)
        let selectTag = try db.cachedStatement(sql: "SELECT tag, sign FROM article_tag WHERE id = ? AND key = ?")
        let upsertTag = try db.cachedStatement(sql: """
            INSERT INTO article_tag (id, key, tag, sign, seq) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id, key) DO UPDATE SET tag = excluded.tag, sign = excluded.sign, seq = excluded.seq
            """)
        var commit = StateCommit()
        for edit in edits {
            switch edit {
            case .read(let id, let value), .starred(let id, let value):
                let row = try Row.fetchOne(selectFlags, arguments: [id])
                var read: Bool = row?[0] ?? false
                var starred: Bool = row?[1] ?? false
                let isRead: Bool
                if case .read = edit { isRead = true } else { isRead = false }
                let old = isRead ? read : starred
                let new = value ?? !old
                guard new != old else { continue }
                if isRead { read = new } else { starred = new }
                try upsertFlags.execute(arguments: [id, read, starred, seq])
                commit.applied.append(isRead ? .read(id: id, value: new) : .starred(id: id, value: new))
                commit.inverse.append(isRead ? .read(id: id, value: old) : .starred(id: id, value: old))
            case .tag(let id, let tag, let sign):
                let key = tagKey(tag)
                guard !key.isEmpty else { continue }
                let row = try Row.fetchOne(selectTag, arguments: [id, key])
                let oldSign: Int = row?[1] ?? 0
                let oldSpelling: String = row?[0] ?? tag
                let new = max(-1, min(1, sign))
                guard new != oldSign else { continue }
                try upsertTag.execute(arguments: [id, key, new == 0 ? oldSpelling : tag, new, seq])
                commit.applied.append(.tag(id: id, tag: tag, sign: new))
                commit.inverse.append(.tag(id: id, tag: oldSpelling, sign: oldSign))
            }
        }
        commit.inverse.reverse()
        return commit
    }

    /// Calls `flags` for each article row and `tag` for each tag row stamped after `sequence`
    /// (0: everything), and returns the newest stamp read.
    public func forEachChange(
        since sequence: Int64,
        flags: (_ id: String, _ read: Bool, _ starred: Bool) -> Void,
        tag: (_ id: String, _ tag: String, _ sign: Int) -> Void
    ) throws -> Int64 {
        try queue.read { db in
            let newest = try Int64.fetchOne(db, sql: "SELECT seq FROM clock WHERE id = 1") ?? 0
            let articles = try Row.fetchCursor(db, sql: "SELECT id, read, starred FROM article WHERE seq > ?", arguments: [sequence])
            while let row = try articles.next() { flags(row[0], row[1], row[2]) }
            let tags = try Row.fetchCursor(db, sql: "SELECT id, tag, sign FROM article_tag WHERE seq > ?", arguments: [sequence])
            while let row = try tags.next() { tag(row[0], row[1], row[2]) }
            return newest
        }
    }

    /// Every article with state beyond the default, sorted by id, tags by key.
    public func rows() throws -> [ArticleStateRow] {
        var byID: [String: ArticleStateRow] = [:]
        _ = try forEachChange(since: 0, flags: { id, read, starred in
            byID[id, default: ArticleStateRow(id: id)].read = read
            byID[id, default: ArticleStateRow(id: id)].starred = starred
        }, tag: { id, tag, sign in
            if sign != 0 { byID[id, default: ArticleStateRow(id: id)].tags[tag] = sign }
        })
        return byID.values.filter { !$0.isDefault }.sorted { $0.id < $1.id }
    }

    /// Deletes every row of the articles `ids` (what `gazette state gc --apply` does).
    public func remove(ids: [String]) throws {
        try queue.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                _ = try Int64.fetchOne(db, sql: "UPDATE clock SET seq = seq + 1 WHERE id = 1 RETURNING seq")
                for id in ids {
                    try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [id])
                    try db.execute(sql: "DELETE FROM article_tag WHERE id = ?", arguments: [id])
                }
                return .commit
            }
        }
    }

    /// The integrity check's answer: `ok`, or what is wrong.
    public func integrityCheck() throws -> String {
        try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }
}
