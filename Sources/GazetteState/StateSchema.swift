import GazetteCore
import GRDB

/// The state database's tables, as migrations from the first version on.
enum StateSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // `seq` stamps each row with the change that last touched it, so another process can
            // read only what changed since it last looked. Rows are never deleted by edits (a
            // removed tag is sign 0), for the same reason; `gazette state gc` removes orphans.
            try db.execute(sql: """
                CREATE TABLE clock (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL);
                INSERT INTO clock (id, seq) VALUES (1, 0);
                CREATE TABLE article (
                    id TEXT PRIMARY KEY NOT NULL,
                    read INTEGER NOT NULL DEFAULT 0,
                    starred INTEGER NOT NULL DEFAULT 0,
                    seq INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX article_seq ON article (seq);
                CREATE TABLE article_tag (
                    id TEXT NOT NULL,
                    key TEXT NOT NULL,
                    tag TEXT NOT NULL,
                    sign INTEGER NOT NULL,
                    seq INTEGER NOT NULL,
                    PRIMARY KEY (id, key)
                ) WITHOUT ROWID;
                CREATE INDEX article_tag_seq ON article_tag (seq);
                CREATE TABLE saved_view (name TEXT PRIMARY KEY NOT NULL, query TEXT NOT NULL);
                """)
        }
        migrator.registerMigration("v2") { db in
            // Names of one-time data migrations already done (see `ReaderStateSession`).
            try db.execute(sql: "CREATE TABLE migration_done (name TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;")
        }
        return migrator
    }
}
