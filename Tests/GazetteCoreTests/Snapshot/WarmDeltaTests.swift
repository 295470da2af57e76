import Foundation
import Testing
@testable import GazetteCore

/// A refresh lists the files from the fast walk's delta instead of walking again: the listing
/// and the plan must be exactly those of the full walk, and the refreshed store a fresh load's.
@Suite struct WarmDeltaTests {
    /// The delta's listing and plan against the full walk's; false when the delta was not usable.
    @discardableResult
    private func expectSameAsFullWalk(_ corpus: SnapshotCorpus, _ label: String) throws -> Bool {
        let snapshot = try Snapshot.open(path: corpus.snapshotPath)
        let full = try FileListing.walk([corpus.data])
        let plan = RefreshPlan(files: full.files, stats: full.stats, snapshot: snapshot)
        guard let delta = WarmCheck.delta(directories: [corpus.data], files: snapshot.files),
              let (fastPlan, listing) = RefreshPlan.fromDelta(delta, snapshot: snapshot) else { return false }
        #expect(listing == full, "\(label): the same files, in the same order, with the same stats")
        #expect(fastPlan == plan, "\(label): the same files read again, kept and removed")
        #expect(delta.isEmpty == plan.isUnchanged, "\(label)")
        return true
    }

    /// Loads through the snapshot (rewriting it), then checks it against a fresh load.
    private func refresh(_ corpus: SnapshotCorpus, _ label: String) throws {
        let load = try corpus.cachedLoad()
        let fresh = try corpus.freshStore()
        #expect(StoreComparison.encodedArticles(load.store) == StoreComparison.encodedArticles(fresh), "\(label): articles")
        for query in SnapshotCorpus.queries { #expect(try StoreComparison.differences(load.store, fresh, query: query).isEmpty, "\(label): \(query)") }
    }

    @Test func theDeltaListsWhatTheFullWalkFinds() throws {
        let corpus = SnapshotCorpus()
        _ = try corpus.cachedLoad()
        let edits: [(String, () -> Void)] = [
            ("nothing", {}),
            ("touched", {
                var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 7), timespec(tv_sec: 1_700_000_000, tv_nsec: 7)]
                utimensat(AT_FDCWD, corpus.data + "/notes/plain.txt", &times, 0)
            }),
            ("added first and last, in new directories", {
                corpus.scratch.write("data/aaa/first.txt", "Title: First of all\nDate: 2024-01-02\n\nA courier memo.\n")
                corpus.scratch.write("data/zzz/deep/last.txt", "Title: Last of all\nDate: 2024-01-03\n\nA tunnel memo.\n")
            }),
            ("renamed within and across directories", {
                rename(corpus.data + "/aaa/first.txt", corpus.data + "/aaa/second.txt")
                rename(corpus.data + "/notes/undated.txt", corpus.data + "/wire/undated.txt")
            }),
            ("deleted, then written again at the same path", {
                unlink(corpus.data + "/wire/morning.txt")
                corpus.scratch.write("data/wire/morning.txt", "Title: Border crossing closes again\nDate: 2024-03-06\n\nThe cable was cut twice.\n")
            }),
            ("a directory removed", { try? FileManager.default.removeItem(atPath: corpus.data + "/zzz") }),
            ("non-ASCII names among ASCII ones", {
                corpus.scratch.write("data/notes/Zeta.txt", "Title: Zeta\n\nUpper case sorts first.\n")
                corpus.scratch.write("data/notes/été.txt", "Title: Été\n\nAfter every ASCII name.\n")
                corpus.scratch.write("data/notes/東京.txt", "Title: Tokyo\n\nThree bytes a character.\n")
            }),
            ("a Maildir delivery", {
                for folder in ["cur", "new", "tmp"] { mkdir(corpus.data + "/mail/" + folder, 0o755) }
                corpus.scratch.write("data/mail/new/1700000000.M1P1.host", "From: desk@example.org\nSubject: Delivered memo\nDate: Tue, 5 Mar 2024 10:00:00 +0000\n\nA courier arrived.\n")
            }),
            ("a Maildir++ folder", {
                for folder in ["cur", "new", "tmp"] { mkdir(corpus.data + "/mail/.Sent", 0o755); mkdir(corpus.data + "/mail/.Sent/" + folder, 0o755) }
                corpus.scratch.write("data/mail/.Sent/cur/1700000001.M2P1.host:2,S", "From: desk@example.org\nSubject: Sent memo\nDate: Tue, 5 Mar 2024 11:00:00 +0000\n\nA courier left.\n")
                corpus.scratch.write("data/.hidden/ignored.txt", "Title: Not read\n\nHidden.\n")
            }),
            ("a news spool, an MH message, saved mail and numbered folders", {
                corpus.scratch.write("data/spool/comp/lang/swift/42", "From: ada@example.org\nSubject: Spooled post\nNewsgroups: comp.lang.swift\nDate: Sat, 2 Mar 2024 10:00:00 +0000\n\nA numbered file.\n")
                corpus.scratch.write("data/Mail/inbox/7", "From: desk@example.org\nSubject: MH memo\nDate: Sun, 3 Mar 2024 10:00:00 +0000\n\nAn MH message.\n")
                corpus.scratch.write("data/saved/reply.eml", "From: bob@example.org\nSubject: Saved reply\nDate: Mon, 4 Mar 2024 10:00:00 +0000\n\nSaved from a mail client.\n")
                corpus.scratch.write("data/feeds/desk/2024/03/2024-03-04-brief.txt", "Title: Filed brief\nDate: 2024-03-04\n\nIn year and month folders.\n")
                corpus.scratch.write("data/saved/photo.png", "not read")
            }),
            ("a TREC wire file with no extension, beside a README", {
                corpus.scratch.write("data/trec/ap880212", "<DOC>\n<DOCNO> AP880212-0001 </DOCNO>\n<HEAD>Ferry Strike Ends</HEAD>\n<TEXT>\n   The crews went back.\n</TEXT>\n</DOC>\n")
                corpus.scratch.write("data/trec/README", "TREC disk 1, AP newswire. Not an article.\n")
            }),
            ("the README grows a <DOC> record, the wire file loses its own", {
                corpus.scratch.write("data/trec/README", "<doc>\n<docno> AP880213-0002 </docno>\n<head>Now A Story</head>\n<text>\nIt opens with a record.\n</text>\n</doc>\n")
                corpus.scratch.write("data/trec/ap880212", "Notes on the strike, no longer a wire file.\n")
            }),
            ("a mutt mailbox with no extension", {
                corpus.scratch.write("data/Mail/lists/rotor-l", "From ada@example.org  Tue Jun  3 10:22:01 2003\nFrom: ada@example.org\nSubject: Mailbox memo\nDate: Tue, 03 Jun 2003 10:22:01 +0200\n\nIn a mailbox.\n")
            }),
            ("a gzipped Mailman month and a gzipped Gigaword file", {
                let month = try! GzipArchiveTests.gzip(Array(GzipArchiveTests.mailmanMonth.utf8))
                FileManager.default.createFile(atPath: corpus.data + "/trec/2003-June.txt.gz", contents: Data(month))
                let wire = try! GzipArchiveTests.gzip(Array(GzipArchiveTests.gigaword.utf8))
                FileManager.default.createFile(atPath: corpus.data + "/trec/nyt_eng_199407.gz", contents: Data(wire))
                FileManager.default.createFile(atPath: corpus.data + "/trec/notes.gz", contents: Data(try! GzipArchiveTests.gzip(Array("notes\n".utf8))))
            }),
            ("a zipped Usenet group and a LISTSERV notebook", {
                let zip = try! ZipArchiveTests.zip([ZipArchiveTests.Entry(name: "comp.sys.enigma.mbox", bytes: Array(ZipArchiveTests.group.utf8))])
                try? FileManager.default.createDirectory(atPath: corpus.data + "/usenet", withIntermediateDirectories: true)
                FileManager.default.createFile(atPath: corpus.data + "/usenet/comp.sys.enigma.mbox.zip", contents: Data(zip))
                corpus.scratch.write("data/listserv/ROTOR-L.LOG9901", DigestTests.notebook)
            }),
            ("the duplicate's original deleted", { unlink(corpus.data + "/wire/evening.txt") }),
            ("the duplicate's original back", {
                corpus.scratch.write("data/wire/evening.txt", """
                    Title: Courier detained at Zürich station
                    Date: 5 March 2024
                    Author: Anna Müller

                    A courier carrying a cipher notebook was detained at Zürich station.
                    """)
            }),
        ]
        var used = 0
        for (label, edit) in edits {
            edit()
            if try expectSameAsFullWalk(corpus, label) { used += 1 }
            try refresh(corpus, label)
        }
        #expect(used == edits.count, "every edit here is one the fast walk judges")
    }

    @Test func whatTheFastWalkCannotJudgeFallsBackToTheFullWalk() throws {
        let corpus = SnapshotCorpus()
        _ = try corpus.cachedLoad()
        // A broken link with an article's name: the full walk warns about it.
        symlink(corpus.data + "/nowhere.txt", corpus.data + "/notes/broken.txt")
        corpus.scratch.write("data/notes/added.txt", "Title: Added beside a broken link\n\nA tunnel memo.\n")
        let snapshot = try Snapshot.open(path: corpus.snapshotPath)
        #expect(WarmCheck.delta(directories: [corpus.data], files: snapshot.files) == nil)
        let load = try corpus.cachedLoad()
        #expect(load.report.warnings.contains { $0.location.path.hasSuffix("/notes/broken.txt") }, "the warning is reported")
        try refresh(corpus, "broken link")
    }

    @Test func aPathEqualToAnotherOnlyAsAStringGoesToTheFullWalk() throws {
        let corpus = SnapshotCorpus()
        corpus.scratch.write("data/notes/caf\u{E9}.txt", "Title: Precomposed\n\nOne spelling.\n")
        _ = try corpus.cachedLoad()
        // The same name decomposed: another file on disk, the same `String`.
        corpus.scratch.write("data/notes/cafe\u{301}.txt", "Title: Decomposed\n\nThe other spelling.\n")
        let snapshot = try Snapshot.open(path: corpus.snapshotPath)
        let delta = try #require(WarmCheck.delta(directories: [corpus.data], files: snapshot.files))
        #expect(delta.added.count == 1)
        #expect(RefreshPlan.fromDelta(delta, snapshot: snapshot) == nil)
    }
}
