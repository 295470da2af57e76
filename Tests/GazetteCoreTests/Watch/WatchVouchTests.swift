import Foundation
import Testing
@testable import GazetteCore
import GazetteTestSupport

/// A real watcher (inotify, its socket) and real loads: what it vouches for is never stale.
@Suite(.serialized) struct WatchVouchTests {
    /// A corpus, its snapshot written, and a watcher serving it.
    private final class Watched {
        let corpus = SnapshotCorpus()
        let service: WatchService
        let socketPath: String
        /// How many loads skipped the walk on the watcher's word.
        let vouched = LockedValue(0)

        init() throws {
            _ = try corpus.cachedLoad()
            socketPath = corpus.scratch.child("watch.sock")
            service = WatchService(directories: [corpus.data], snapshotPath: corpus.snapshotPath, socketPath: socketPath) {}
        }

        deinit { service.stop() }

        /// Asks until the watcher vouches for the snapshot as it is on disk (false after 10 s).
        func waitUntilClean() -> Bool {
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline {
                if case .clean? = WatchClient.ask(socketPath: socketPath, timeoutMilliseconds: 500) { return true }
                usleep(20_000)
            }
            return false
        }

        /// What the CLI does: ask the watcher, else walk; waits for the snapshot it writes.
        func load() throws -> CachedLoad {
            let socketPath = socketPath, vouched = vouched
            let load = try CachedLoader.load(directories: [corpus.data], snapshotPath: corpus.snapshotPath, vouch: { identity in
                guard case .clean(let snapshot)? = WatchClient.ask(socketPath: socketPath), snapshot == identity else { return false }
                vouched.update { $0 += 1 }
                return true
            })
            _ = load.write?.wait()
            return load
        }
    }

    private func expectSameAsFresh(_ watched: Watched, _ moment: String) throws {
        let load = try watched.load()
        let fresh = try watched.corpus.freshStore()
        #expect(StoreComparison.encodedArticles(load.store) == StoreComparison.encodedArticles(fresh), "\(moment)")
        for query in SnapshotCorpus.queries {
            #expect(try StoreComparison.differences(load.store, fresh, query: query).isEmpty, "\(moment): \(query)")
        }
    }

    @Test func vouchesForAnUnchangedTreeAndNeverForAnEditedOne() throws {
        let watched = try Watched()
        #expect(watched.waitUntilClean())
        let load = try watched.load()
        #expect(load.kind == .warm)
        #expect(watched.vouched.value == 1, "the walk was skipped")

        // Each edit lands just before a load, while the watcher vouched for the tree a moment ago.
        let data = watched.corpus.data
        var random = SeededRandom(seed: 10)
        let edits: [(String, () -> Void)] = [
            ("an edit in place, same size", {
                let path = data + "/notes/plain.txt"
                let text = try! String(contentsOfFile: path, encoding: .utf8)
                let edited = text.contains("handed") ? text.replacingOccurrences(of: "handed", with: "passed")
                    : text.replacingOccurrences(of: "passed", with: "handed")
                try! edited.write(toFile: path, atomically: false, encoding: .utf8)
            }),
            ("a file added", { watched.corpus.scratch.write("data/notes/added-\(random.next()).txt", "Title: A memo added \(random.next())\nDate: 2024-04-01\n\nA new memo on the courier.\n") }),
            ("a file deleted", {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: data + "/notes").filter { $0.hasPrefix("added-") }) ?? []
                if let name = names.first { unlink(data + "/notes/" + name) }
            }),
            ("a file renamed", { rename(data + "/wire/evening.txt", data + "/wire/evening-\(random.next() % 3).txt") }),
            ("a new mtime only", {
                var times = [timespec(tv_sec: 1_700_000_000 + Int(random.next() % 1000), tv_nsec: 5), timespec(tv_sec: 1_700_000_000, tv_nsec: 5)]
                utimensat(AT_FDCWD, data + "/wire/morning.txt", &times, 0)
            }),
            ("a new directory with a file", {
                let name = "desk-\(random.next())"
                watched.corpus.scratch.write("data/\(name)/filed.txt", "Title: Filed in \(name)\nDate: 2023-01-01\n\nThe courier filed it.\n")
            }),
            ("an append", {
                let handle = FileHandle(forWritingAtPath: data + "/notes/undated.txt")!
                handle.seekToEndOfFile()
                handle.write(Data("\nThe cable was tapped again.\n".utf8))
                handle.closeFile()
            }),
        ]
        for round in 0..<4 {
            for (name, edit) in edits {
                #expect(watched.waitUntilClean(), "round \(round), before \(name)")
                edit()
                try expectSameAsFresh(watched, "round \(round), just after \(name)")
            }
        }
        #expect(watched.waitUntilClean())
        let before = watched.vouched.value
        try expectSameAsFresh(watched, "at rest")
        #expect(watched.vouched.value == before + 1)
    }

    @Test func linksAndOtherNamesAreNeverVouchedFor() throws {
        let watched = try Watched()
        #expect(watched.waitUntilClean())
        // A link's target can change outside the watched tree; so can a file through another hard link.
        let corpus = watched.corpus
        corpus.scratch.write("elsewhere/outside.txt", "Title: Filed elsewhere\nDate: 2020-01-01\n\nLinked into the archive.\n")
        symlink(corpus.scratch.child("elsewhere/outside.txt"), corpus.data + "/notes/outside.txt")
        try expectSameAsFresh(watched, "after the link")
        #expect(!watched.service.vouch!.compare(), "a link is never vouched for")
        corpus.scratch.write("elsewhere/outside.txt", "Title: Filed elsewhere, revised\nDate: 2020-01-01\n\nLinked into the archive.\n")
        #expect(try watched.load().store.evaluate(Query.parse("revised")).count == 1)

        unlink(corpus.data + "/notes/outside.txt")
        corpus.scratch.write("elsewhere/linked.txt", "Title: Hard linked\nDate: 2020-01-01\n\nTwo names.\n")
        link(corpus.scratch.child("elsewhere/linked.txt"), corpus.data + "/notes/linked.txt")
        try expectSameAsFresh(watched, "after the hard link")
        #expect(!watched.service.vouch!.compare(), "a file with other names is never vouched for")
        unlink(corpus.data + "/notes/linked.txt")
        try expectSameAsFresh(watched, "after the hard link went")
        #expect(watched.waitUntilClean(), "vouches again once they are gone (and the snapshot says so)")
    }

    @Test func aStoppedWatcherLeavesTheCLIToItsOwnCheck() throws {
        let watched = try Watched()
        #expect(watched.waitUntilClean())
        watched.service.stop()
        #expect(WatchClient.ask(socketPath: watched.socketPath) == nil)
        watched.corpus.scratch.write("data/notes/late.txt", "Title: Filed late\nDate: 2024-05-01\n\nAfter the watcher stopped.\n")
        let before = watched.vouched.value
        try expectSameAsFresh(watched, "after the watcher stopped")
        #expect(watched.vouched.value == before)
    }
}
