import Foundation
import GazetteCore
import Testing
@testable import GazetteState

/// The state store: edits and their undo, export/import, views, where it lives, failures.
@Suite struct StateDatabaseTests {
    private static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "gazette-state-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func editsReportWhatChangedAndHowToUndoIt() throws {
        let database = StateDatabase.inMemory()
        let first = try database.apply([.read(id: "aaa", value: true), .starred(id: "aaa", value: nil), .tag(id: "aaa", tag: "Later", sign: 1)])
        #expect(first.applied == [.read(id: "aaa", value: true), .starred(id: "aaa", value: true), .tag(id: "aaa", tag: "Later", sign: 1)])
        #expect(first.inverse == [.tag(id: "aaa", tag: "Later", sign: 0), .starred(id: "aaa", value: false), .read(id: "aaa", value: false)])
        // Setting what is already there changes nothing and needs no undo.
        let again = try database.apply([.read(id: "aaa", value: true), .tag(id: "aaa", tag: "LATER", sign: 1)])
        #expect(again.applied.isEmpty && again.inverse.isEmpty)
        try database.apply(first.inverse)
        #expect(try database.rows().isEmpty)
    }

    @Test func markingManyAtOnceReportsOnlyWhatChangedAndUndoes() throws {
        let database = StateDatabase.inMemory()
        let ids = (0..<1000).map { String(format: "%012x", $0) }
        try database.apply(ids.prefix(10).map { .read(id: $0, value: true) } + [.starred(id: ids[500], value: true)])
        let commit = try database.apply(ids.map { .read(id: $0, value: true) })
        #expect(commit.applied.count == 990)
        #expect(commit.applied.first == .read(id: ids[10], value: true))
        #expect(commit.inverse.first == .read(id: ids[999], value: false))
        #expect(try database.rows().filter(\.read).count == 1000)
        #expect(try database.rows().first { $0.id == ids[500] } == ArticleStateRow(id: ids[500], read: true, starred: true))
        try database.apply(commit.inverse)
        #expect(try database.rows().filter(\.read).map(\.id) == Array(ids.prefix(10)))
        let starred = try database.apply(ids.map { .starred(id: $0, value: true) })
        #expect(starred.applied.count == 999)
    }

    /// The bulk path takes the view's order, repeats and ids no article would have (quotes,
    /// backslashes, controls, non-ASCII), and answers as the per-row path does.
    @Test func markingManyInAnyOrderWithAwkwardIdsMatchesThePerRowPath() throws {
        let odd = ["a\"b", "back\\slash", "tab\there", "nl\nx", "東京", "e\u{301}", "\u{1}", ""]
        let ids = (0..<600).map { String(format: "%012x", ($0 * 7919) % 600) } + odd
        let edits: [StateEdit] = (ids + ids.prefix(50)).shuffled().map { .read(id: $0, value: true) }
        let bulk = StateDatabase.inMemory(), perRow = StateDatabase.inMemory()
        try bulk.apply([.read(id: ids[3], value: true)])
        try perRow.apply([.read(id: ids[3], value: true)])
        let fast = try bulk.apply(edits)
        var slow = StateCommit()
        for chunk in stride(from: 0, to: edits.count, by: 100) {
            let part = try perRow.apply(Array(edits[chunk..<min(chunk + 100, edits.count)]))  // under the bulk threshold
            slow.applied += part.applied
        }
        #expect(Set(fast.applied) == Set(slow.applied))
        #expect(fast.applied.count == ids.count - 1, "each changed id once; the one already read is not reported")
        #expect(fast.applied == fast.applied.sorted { $0.id < $1.id }, "in id order")
        #expect(try bulk.rows() == perRow.rows())
        try bulk.apply(fast.inverse)
        #expect(try bulk.rows().map(\.id) == [ids[3]])
    }

    @Test func exportIsSortedStableAndRoundTrips() throws {
        let database = StateDatabase.inMemory()
        try database.apply([
            .read(id: "b0b0b0b0b0b0", value: true), .starred(id: "a1a1a1a1a1a1", value: true),
            .tag(id: "a1a1a1a1a1a1", tag: "covert action", sign: 1), .tag(id: "a1a1a1a1a1a1", tag: "CIA", sign: -1),
            .tag(id: "c2c2c2c2c2c2", tag: "x", sign: 1), .tag(id: "c2c2c2c2c2c2", tag: "x", sign: 0),
        ])
        try database.saveView(SavedView(name: "Morning", query: "is:unread tag:CIA"))
        let text = try database.exportText()
        #expect(text == """
            \(StateFile.header)
            a1a1a1a1a1a1\tunread\tstarred\t-CIA\t+covert action
            b0b0b0b0b0b0\tread
            view\tMorning\tis:unread tag:CIA

            """)
        let other = StateDatabase.inMemory()
        let contents = try StateFile.parse(text, path: "state.txt")
        #expect(try other.importContents(contents) == 2)
        #expect(try other.exportText() == text)
        // Importing again changes nothing.
        #expect(try other.importContents(contents) == 0)
        #expect(try other.exportText() == text)
    }

    @Test func importSetsListedArticlesExactlyAndLeavesOthersAlone() throws {
        let database = StateDatabase.inMemory()
        try database.apply([.tag(id: "a1", tag: "old", sign: 1), .starred(id: "a1", value: true), .read(id: "z9", value: true)])
        try database.importContents(try StateFile.parse("a1\tread\t+new\n", path: "f"))
        #expect(try database.rows() == [
            ArticleStateRow(id: "a1", read: true, starred: false, tags: ["new": 1]),
            ArticleStateRow(id: "z9", read: true),
        ])
    }

    @Test(arguments: [
        ("a1\tmaybe\n", "f:1: expected 'read' or 'unread' after the id"),
        ("# c\n\na1\tread\tshiny\n", "f:3: unexpected 'shiny' (expected starred, +tag or -tag)"),
        ("a1\tread\na1\tunread\n", "f:2: article a1 appears twice"),
        ("view\tonly-a-name\n", "f:1: expected 'view<TAB>NAME<TAB>QUERY'"),
        ("a1\tread\nview\tBroken\t(unbalanced\n", "f:2: view 'Broken': bad query: column 1: unbalanced parenthesis: '(' is never closed"),
        ("not an id\tread\n", "f:1: 'not an id' is not an article id"),
    ])
    func badImportLinesNamePathAndLine(text: String, message: String) {
        #expect(throws: (any Error).self) { try StateFile.parse(text, path: "f") }
        do {
            _ = try StateFile.parse(text, path: "f")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func viewsAreSavedRenamedAndDeleted() throws {
        let database = StateDatabase.inMemory()
        try database.saveView(SavedView(name: "b", query: "is:starred"))
        try database.saveView(SavedView(name: "a", query: "tag:x"))
        try database.saveView(SavedView(name: "a", query: "tag:y"))
        #expect(try database.views() == [SavedView(name: "a", query: "tag:y"), SavedView(name: "b", query: "is:starred")])
        #expect(try database.renameView("a", to: "b") == false)
        #expect(try database.renameView("a", to: "c"))
        #expect(try database.removeView(named: "b"))
        #expect(try database.removeView(named: "b") == false)
        #expect(try database.views() == [SavedView(name: "c", query: "tag:y")])
    }

    @Test func stateDirectoryFollowsTheFlagThenXDGThenHome() {
        #expect(StateLocation.directory(explicit: "/s", environment: ["XDG_STATE_HOME": "/x"]) == "/s")
        #expect(StateLocation.directory(explicit: nil, environment: ["XDG_STATE_HOME": "/x", "HOME": "/h"]) == "/x/gazette")
        // A relative XDG_STATE_HOME is invalid by the spec and ignored.
        #expect(StateLocation.directory(explicit: nil, environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/gazette")
        #expect(StateLocation.directory(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/state/gazette")
        #expect(StateLocation.directory(explicit: "", environment: [:], home: "/home/r") == "/home/r/.local/state/gazette")
    }

    @Test func aCorruptStoreIsMovedAsideAndANewOneStarted() throws {
        let directory = Self.temporaryDirectory()
        let path = directory + "/" + StateLocation.fileName
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let database = StateDatabase.open(directory: directory, now: now)
        #expect(database.isSaved)
        let aside = path + ".corrupt-20231114T221320Z"
        #expect(database.notice == "State store was damaged; moved aside as \(aside) and started a new one")
        #expect(FileManager.default.contents(atPath: aside) == Data(repeating: 0x5A, count: 8192))
        try database.apply([.read(id: "a1", value: true)])
        #expect(try StateDatabase.open(directory: directory).rows() == [ArticleStateRow(id: "a1", read: true)])
    }

    @Test func aStoreDamagedInsideItsPagesIsMovedAsideAndWhatReadsIsKept() throws {
        let directory = Self.temporaryDirectory()
        let path = directory + "/" + StateLocation.fileName
        do {
            let database = StateDatabase.open(directory: directory)
            try database.apply((0..<3000).map { .read(id: String(format: "a%05d", $0), value: true) })
            try database.saveView(SavedView(name: "Later", query: "tag:later"))
            try database.queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        }
        // Its header is fine (the old check only read the header and a count): one page in the
        // middle of the article table is not.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let size = try handle.seekToEnd()
        let pages = size / 4096
        try handle.seek(toOffset: (pages / 2) * 4096)
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 64))
        try handle.close()
        let database = StateDatabase.open(directory: directory)
        #expect(database.isSaved)
        let aside = try #require(database.damagedCopy)
        #expect(database.notice?.hasPrefix("State store was damaged; moved aside as \(aside) and started a new one with the state of ") == true,
                "\(database.notice ?? "")")
        #expect(FileManager.default.fileExists(atPath: aside))
        #expect(try database.integrityCheck() == "ok")
        let kept = try database.rows().count
        // Which rows survive depends on the page hit (here an index page: all of them); some must.
        #expect(kept > 0 && kept <= 3000, "\(kept) rows kept")
        // A state change is saved in the new store.
        try database.apply([.starred(id: "new", value: true)])
        #expect(try StateDatabase.open(directory: directory).rows().contains(ArticleStateRow(id: "new", starred: true)))
    }

    @Test func aStoreThatCannotBeWrittenIsShownAsSavedAndLeftUntouched() throws {
        let directory = Self.temporaryDirectory()
        do {
            let database = StateDatabase.open(directory: directory)
            try database.apply([.read(id: "a1", value: true), .tag(id: "a2", tag: "later", sign: 1)])
        }
        // Read-only, as `chmod 444` leaves it: the scratch copy must still open.
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: directory + "/" + StateLocation.fileName)
        let before = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        // What `open` does for a read-only file or directory (root can write anything, so the
        // permission test itself cannot be arranged here).
        let database = StateDatabase.readOnly(directory: directory, path: directory + "/" + StateLocation.fileName, why: "x is read-only")
        #expect(!database.isSaved)
        #expect(database.notice == "State is not saved: x is read-only; the saved state is shown")
        #expect(try database.rows().map(\.id) == ["a1", "a2"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == before)
    }

    @Test func anUnwritableDirectoryKeepsStateInMemoryAndSaysSo() throws {
        let parent = Self.temporaryDirectory()
        // A file where the directory should be: cannot be created, whoever runs the test (root too).
        try Data("x".utf8).write(to: URL(fileURLWithPath: parent + "/blocked"))
        let database = StateDatabase.open(directory: parent + "/blocked/gazette")
        #expect(!database.isSaved)
        #expect(database.notice?.hasPrefix("State is not saved: cannot create \(parent)/blocked/gazette") == true)
        try database.apply([.starred(id: "a1", value: true)])
        #expect(try database.rows() == [ArticleStateRow(id: "a1", starred: true)])
    }

    @Test func theSchemaIsVersionedByMigrations() throws {
        let directory = Self.temporaryDirectory()
        let database = StateDatabase.open(directory: directory)
        let applied = try database.queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1", "v2"])
        let mode = try database.queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(try database.integrityCheck() == "ok")
    }

    @Test func concurrentTogglesFromTwoConnectionsAreNeverLost() throws {
        let directory = Self.temporaryDirectory()
        _ = StateDatabase.open(directory: directory)
        let rounds = 200
        // Two connections (as two processes would have), toggling one shared article and one each.
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            let database = StateDatabase.open(directory: directory)
            for _ in 0..<rounds {
                _ = try? database.apply([.starred(id: "shared", value: nil), .tag(id: "own\(side)", tag: "t\(side)", sign: 1)])
                _ = try? database.apply([.read(id: "shared", value: nil), .tag(id: "shared", tag: "n\(side)-\(UUID().uuidString)", sign: 1)])
            }
        }
        let rows = try StateDatabase.open(directory: directory).rows()
        let shared = try #require(rows.first { $0.id == "shared" })
        // 400 toggles of each flag: an even number, so both are back where they started; every tag added is there.
        #expect(!shared.read && !shared.starred)
        #expect(shared.tags.count == 2 * rounds)
    }
}

/// Fetched items' state follows them from their former ids (by link) to their ids by feed and GUID.
@Suite struct FeedItemStateCarryOverTests {
    static func item(_ number: Int, link: String) -> Article {
        var article = Article(title: "Episode \(number)", date: ArticleDate(year: 2024, month: 1, day: number, instant: Int64(number) * 86_400),
                              link: link, extraHeaders: [HeaderField(name: "Feed", value: "https://show.example/feed.xml"),
                                                         HeaderField(name: "Guid", value: "episode-\(number)")],
                              paragraphs: ["Notes for episode \(number)."], source: SourceLocation(path: "feeds/show/\(number).txt", line: 1))
        article.id = ArticleID(identityKey: ArticleIdentity(of: article).key)
        return article
    }

    @Test func stateUnderAFormerIDIsCarriedOverOnceAndTheOldRowRemoved() throws {
        let directory = NSTemporaryDirectory() + "gazette-carry-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Episode 1 had its own link; episodes 2 and 3 shared the show's page (one article then).
        let articles = [Self.item(1, link: "https://show.example/1"), Self.item(2, link: "https://show.example/"),
                        Self.item(3, link: "https://show.example/")]
        let former = articles.map { ArticleIdentity.formerFeedItemID(of: $0)!.description }
        #expect(former[0] != articles[0].id.description, "the id did change")
        let database = StateDatabase.open(directory: directory)
        try database.apply([.read(id: former[0], value: true), .starred(id: former[0], value: true),
                            .tag(id: former[0], tag: "Later", sign: 1), .read(id: former[1], value: true),
                            .read(id: "0123456789ab", value: true)])  // a deleted article's row: left alone
        // A first session on other data (no fetched items: `--data ~/mail`) carries nothing and
        // does not end the migration; nor does a command that only reads.
        let mail = ArticleStore(articles: [Article(title: "A letter", paragraphs: ["Dear desk."], source: SourceLocation(path: "mail/1", line: 1))])
        _ = ReaderStateSession(database: StateDatabase.open(directory: directory), store: mail)
        let store = ArticleStore(articles: articles)
        _ = ReaderStateSession(database: StateDatabase.open(directory: directory), store: store, migrate: false)
        #expect(try database.rows().contains { $0.id == former[0] }, "a reading command leaves the rows as they are")
        let session = ReaderStateSession(database: StateDatabase.open(directory: directory), store: store)
        let index = try #require(store.index(of: articles[0].id))
        #expect(session.overlay.isRead(index))
        #expect(session.overlay.isStarred(index))
        let rows = try database.rows()
        #expect(rows.map(\.id).sorted() == ["0123456789ab", articles[0].id.description, former[1]].sorted())
        #expect(rows.first { $0.id == articles[0].id.description }?.tags == ["Later": 1])
        // Episodes 2 and 3 shared the former row: neither is marked, and the row is left as it was.
        for episode in articles.dropFirst() { #expect(!session.overlay.isRead(try #require(store.index(of: episode.id)))) }
        // Once: a row under a former id written later stays where it is.
        try database.apply([.starred(id: former[0], value: true)])
        _ = ReaderStateSession(database: StateDatabase.open(directory: directory), store: store)
        #expect(try database.rows().contains { $0.id == former[0] })
        #expect(try database.rows().first { $0.id == articles[0].id.description }?.read == true)
    }
}
