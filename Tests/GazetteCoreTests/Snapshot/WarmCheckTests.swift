import Foundation
import Testing
@testable import GazetteCore

/// The CLI's fast "nothing changed" walk: it may only say yes when the full comparison would.
@Suite struct WarmCheckTests {
    private func unchanged(_ corpus: SnapshotCorpus) throws -> Bool {
        let snapshot = try Snapshot.open(path: corpus.snapshotPath)
        return WarmCheck.unchanged(directories: [corpus.data], files: snapshot.files)
    }

    /// Loads until the snapshot matches the files again (the load after an edit rewrites it).
    private func settle(_ corpus: SnapshotCorpus) throws {
        let load = try corpus.cachedLoad()
        _ = load.write?.wait()
    }

    @Test func saysUnchangedOnlyWhileEveryFileIsAsRecorded() throws {
        let corpus = SnapshotCorpus()
        try settle(corpus)
        #expect(try unchanged(corpus))
        #expect(try corpus.cachedLoad().kind == .warm)

        // Hidden files and files that are not articles are not looked at, by either walk.
        corpus.scratch.write("data/.hidden.txt", "Title: Hidden\n\nNot an article.\n")
        corpus.scratch.write("data/wire/notes.md", "not an article file\n")
        #expect(try unchanged(corpus))

        // A new mtime alone (same bytes, same size): read again.
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 5), timespec(tv_sec: 1_700_000_000, tv_nsec: 5)]
        utimensat(AT_FDCWD, corpus.data + "/notes/plain.txt", &times, 0)
        #expect(try !unchanged(corpus))
        guard case .refreshed(let reparsed, _) = try corpus.cachedLoad().kind else { Issue.record("a touched file is read again"); return }
        #expect(reparsed >= 1)
        try settle(corpus)
        #expect(try unchanged(corpus))

        // A permission change alone (the file may now be unreadable; root reads it anyway): its
        // ctime moves, so it is looked at again rather than served from the snapshot.
        chmod(corpus.data + "/notes/plain.txt", 0o600)
        #expect(try !unchanged(corpus))
        guard case .refreshed(let rechecked, _) = try corpus.cachedLoad().kind else { Issue.record("a chmod file is read again"); return }
        #expect(rechecked >= 1)
        try settle(corpus)
        #expect(try unchanged(corpus))

        corpus.scratch.write("data/notes/added.txt", "Title: Added later\nDate: 2024-04-01\n\nA new memo.\n")
        #expect(try !unchanged(corpus))
        try settle(corpus)
        #expect(try unchanged(corpus))

        rename(corpus.data + "/notes/added.txt", corpus.data + "/notes/renamed.txt")
        #expect(try !unchanged(corpus))
        try settle(corpus)

        unlink(corpus.data + "/notes/renamed.txt")
        #expect(try !unchanged(corpus))
        try settle(corpus)
        #expect(try unchanged(corpus))
        #expect(try corpus.cachedLoad().store.evaluate(Query.parse("memo")).count == 1)
    }

    @Test func whatItCannotJudgeGoesToTheFullComparison() throws {
        let corpus = SnapshotCorpus()
        // A link to a directory: the full walk follows it (and warns about loops); the fast one does not try.
        symlink(corpus.data + "/notes", corpus.data + "/linked")
        try settle(corpus)
        #expect(try !unchanged(corpus))
        let load = try corpus.cachedLoad()
        #expect(load.kind == .warm)
        #expect(load.store.evaluate(try Query.parse("tunnel")).count == 2, "articles under the link are loaded once")
    }

    @Test func aLinkToAFileIsMatchedByWhatItPointsTo() throws {
        let corpus = SnapshotCorpus()
        corpus.scratch.write("elsewhere/outside.txt", "Title: Filed elsewhere\nDate: 2020-01-01\n\nLinked into the archive.\n")
        symlink(corpus.scratch.child("elsewhere/outside.txt"), corpus.data + "/notes/outside.txt")
        try settle(corpus)
        #expect(try unchanged(corpus))
        // Editing the target changes what the link reads.
        corpus.scratch.write("elsewhere/outside.txt", "Title: Filed elsewhere, revised\nDate: 2020-01-01\n\nLinked into the archive.\n")
        #expect(try !unchanged(corpus))
        #expect(try corpus.cachedLoad().store.evaluate(Query.parse("revised")).count == 1)
    }
}
