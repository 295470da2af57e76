import GazetteCore
import GRDB

/// Export and import of the whole state (see `StateFile`).
extension StateDatabase {
    /// Everything as `StateFile` text.
    public func exportText() throws -> String {
        StateFile.text(StateFile.Contents(articles: try rows(), views: try views()))
    }

    /// Sets each listed article's state to exactly what `contents` says (tags it does not list are
    /// cleared) and saves its views, in one transaction; other articles are left alone, so
    /// importing twice is the same as once. Returns how many articles changed.
    @discardableResult
    public func importContents(_ contents: StateFile.Contents) throws -> Int {
        try write { db in
            var edits: [StateEdit] = []
            let storedTags = try db.cachedStatement(sql: "SELECT tag FROM article_tag WHERE id = ? AND sign != 0")
            for row in contents.articles {
                edits.append(.read(id: row.id, value: row.read))
                edits.append(.starred(id: row.id, value: row.starred))
                let listed = Set(row.tags.keys.map(tagKey))
                for tag in try String.fetchAll(storedTags, arguments: [row.id]) where !listed.contains(tagKey(tag)) {
                    edits.append(.tag(id: row.id, tag: tag, sign: 0))
                }
                for (tag, sign) in row.tags { edits.append(.tag(id: row.id, tag: tag, sign: sign)) }
            }
            let commit = try Self.apply(edits, in: db)
            for view in contents.views {
                try db.execute(sql: "INSERT INTO saved_view (name, query) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET query = excluded.query",
                               arguments: [view.name, view.query])
            }
            return Set(commit.applied.map(\.id)).count
        }
    }
}
