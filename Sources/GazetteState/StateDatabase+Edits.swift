import GazetteCore
import Foundation
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
        if let bulk = try applyBulk(edits, seq: seq, in: db) { return bulk }
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

    /// Many articles set to one value (`M`, `gazette mark`): one set-based statement, not a
    /// read and a write per article. The ids go in as one JSON array (SQLite's `json_each`),
    /// sorted, so the upsert walks the primary key in order (about half the CPU of the view's
    /// order at 99k, measured with sqlite3); `RETURNING` names the rows that changed. Nil when `edits` are not of that shape.
    private static func applyBulk(_ edits: [StateEdit], seq: Int64, in db: Database) throws -> StateCommit? {
        guard edits.count >= 256 else { return nil }
        var ids: [String] = []
        ids.reserveCapacity(edits.count)
        let column: String, value: Bool
        switch edits[0] {
        case .read(_, let first?):
            column = "read"
            value = first
            for edit in edits {
                guard case .read(let id, value?) = edit else { return nil }
                ids.append(id)
            }
        case .starred(_, let first?):
            column = "starred"
            value = first
            for edit in edits {
                guard case .starred(let id, value?) = edit else { return nil }
                ids.append(id)
            }
        default:
            return nil
        }
        // SQLite compares bytes; String's order and equality are Unicode's (canonically equal
        // strings are ==), the same only for ASCII, which ids nearly always are.
        if ids.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            ids.sort()
        } else {
            ids.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
        var changed = try String.fetchAll(db, sql: """
            INSERT INTO article (id, \(column), seq)
            SELECT j.value, ?, ? FROM json_each(?) j LEFT JOIN article a ON a.id = j.value WHERE coalesce(a.\(column), 0) != ?
            ON CONFLICT (id) DO UPDATE SET \(column) = excluded.\(column), seq = excluded.seq
            RETURNING id
            """, arguments: [value, seq, jsonArray(distinctSorted: ids), value])
        changed.sort()
        let make: (String, Bool) -> StateEdit = column == "read" ? { .read(id: $0, value: $1) } : { .starred(id: $0, value: $1) }
        return StateCommit(applied: changed.map { make($0, value) }, inverse: changed.reversed().map { make($0, !value) })
    }

    /// `ids` (sorted by bytes) as a JSON array of strings, each once (built by hand: plain strings
    /// need no encoder).
    static func jsonArray(distinctSorted ids: [String]) -> String {
        var json: [UInt8] = [UInt8(ascii: "[")]
        json.reserveCapacity(ids.count * 16 + 2)
        let hex = Array("0123456789abcdef".utf8)
        var previous: String?
        for id in ids {
            if let previous {
                if id.utf8.elementsEqual(previous.utf8) { continue }
                json.append(UInt8(ascii: ","))
            }
            previous = id
            json.append(UInt8(ascii: "\""))
            for byte in id.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    json += [UInt8(ascii: "\\"), byte]
                case 0..<0x20:
                    json += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                default:
                    json.append(byte)
                }
            }
            json.append(UInt8(ascii: "\""))
        }
        json.append(UInt8(ascii: "]"))
        return String(decoding: json, as: UTF8.self)
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
