import Foundation
import Testing
@testable import GazetteCore

/// A store read from a snapshot answers exactly like the store it was written from.
@Suite struct SnapshotStoreTests {
    @Test func warmLoadEqualsFreshLoad() throws {
        let corpus = SnapshotCorpus()
        let cold = try corpus.cachedLoad()
        #expect(cold.kind == .cold)
        #expect(cold.write != nil)
        let warm = try corpus.cachedLoad()
        #expect(warm.kind == .warm)
        #expect(warm.write == nil)
        let fresh = try corpus.freshStore()
        #expect(StoreComparison.encodedArticles(warm.store) == StoreComparison.encodedArticles(fresh))
        for query in SnapshotCorpus.queries {
            #expect(try StoreComparison.differences(warm.store, fresh, query: query) == [], "\(query)")
        }
        // The report a warm start gives is the one reading the files gave.
        #expect(warm.report.duplicates == cold.report.duplicates)
        #expect(warm.report.warnings == cold.report.warnings)
        #expect(warm.report.duplicates.count == 1)
        #expect(warm.report.filesRead == cold.report.filesRead && warm.report.bytesRead == cold.report.bytesRead)
        #expect(warm.store.index(of: fresh.articles[0].id) == 0)
        #expect(warm.store.indices(matchingIDPrefix: String(fresh.articles[1].id.description.prefix(4))).contains(1))
    }

    @Test func theOracleStoreSurvivesASnapshot() throws {
        let scratch = SnapshotScratch()
        let store = StoreOracleTests.store
        let path = scratch.child("oracle.gzsnap")
        try SnapshotWriter.write(store: store, report: LoadReport(), files: SnapshotFiles(paths: [], stats: []), directories: [], to: path)
        let snapshot = try Snapshot.open(path: path)
        #expect(snapshot.store.count == store.count)
        #expect(StoreComparison.encodedArticles(snapshot.store) == StoreComparison.encodedArticles(store))
        var random = StoreOracleTests.Random(state: 31)
        for _ in 0..<25 {
            let query = StoreOracleTests.randomQuery(&random)
            #expect(try StoreComparison.differences(snapshot.store, store, query: query) == [], "\(query)")
        }
    }

    @Test func twoWritersAtOnceLeaveOneWholeSnapshot() throws {
        let corpus = SnapshotCorpus()
        let store = try corpus.freshStore()
        let path = corpus.snapshotPath, data = corpus.data
        let failures = LockedValue(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do {
                try SnapshotWriter.write(store: store, report: LoadReport(), files: SnapshotFiles(paths: [], stats: []),
                                         directories: [data], to: path)
            } catch {
                failures.update { $0 += 1 }
            }
        }
        #expect(failures.value == 0)
        #expect(try Snapshot.open(path: path).store.count == store.count)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(leftovers == ["snapshot-test.gzsnap"])
    }

    @Test func theUIStartShowsTheSnapshotAndPublishesSearchOnlyWhenVerified() throws {
        let corpus = SnapshotCorpus()
        _ = try corpus.cachedLoad()
        let opened = try #require(CachedLoader.openSnapshot(directories: [corpus.data], snapshotPath: corpus.snapshotPath))
        #expect(opened.load.kind == .snapshot)
        #expect(opened.load.store.count == 4)
        #expect(!opened.load.store.isTextIndexReady)
        #expect(opened.finishVerification())
        #expect(opened.load.store.isTextIndexReady)
        #expect(opened.load.store.evaluate(try Query.parse("courier")).count == 1)
        // Another set of directories never opens this snapshot.
        #expect(CachedLoader.openSnapshot(directories: [corpus.data + "/wire"], snapshotPath: corpus.snapshotPath) == nil)

        // Damage in a deferred section: the list still opens, search is never published.
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: corpus.snapshotPath)))
        let range = try #require(Self.sectionRange(SnapshotSection.docBytes.rawValue, in: bytes))
        bytes[range.lowerBound] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: corpus.snapshotPath))
        let damaged = try #require(CachedLoader.openSnapshot(directories: [corpus.data], snapshotPath: corpus.snapshotPath))
        #expect(!damaged.finishVerification())
        #expect(!damaged.load.store.isTextIndexReady)
        // The check that follows (a full load) notices and rebuilds.
        let checked = try CachedLoader.load(directories: [corpus.data], snapshotPath: corpus.snapshotPath)
        #expect(checked.kind == .cold && !checked.notes.isEmpty)
    }

    @Test func aVerifiedMarkNeverVouchesForChangedBytes() throws {
        let corpus = SnapshotCorpus()
        _ = try corpus.cachedLoad()
        #expect(try corpus.cachedLoad().kind == .warm)
        let mark = corpus.snapshotPath + ".verified"
        #expect(FileManager.default.fileExists(atPath: mark), "a verified snapshot is marked")
        #expect(try corpus.cachedLoad().kind == .warm, "and used without checksumming it again")

        // One byte of article text flipped in place, the old mtime put back: the ctime still moves.
        var info = stat()
        stat(corpus.snapshotPath, &info)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: corpus.snapshotPath)))
        let range = try #require(Self.sectionRange(SnapshotSection.articleBytes.rawValue, in: bytes))
        bytes[range.lowerBound + range.count / 2] ^= 0x20
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: corpus.snapshotPath))
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
        var times = [info.st_atim, info.st_mtim]
        utimensat(AT_FDCWD, corpus.snapshotPath, &times, 0)
        let checked = try corpus.cachedLoad()
        #expect(checked.kind == .cold && !checked.notes.isEmpty, "the damage is found and the snapshot rebuilt")
        #expect(StoreComparison.encodedArticles(checked.store) == StoreComparison.encodedArticles(try corpus.freshStore()))
    }

    static func sectionRange(_ id: UInt32, in bytes: [UInt8]) -> Range<Int>? {
        bytes.withUnsafeBytes { raw in
            for entry in 0..<SnapshotFormat.sectionCount {
                let base = SnapshotFormat.headerSize + entry * SnapshotFormat.tableEntrySize
                guard raw.loadUnaligned(fromByteOffset: base, as: UInt32.self) == id else { continue }
                let offset = Int(raw.loadUnaligned(fromByteOffset: base + 8, as: UInt64.self))
                return offset..<offset + Int(raw.loadUnaligned(fromByteOffset: base + 16, as: UInt64.self))
            }
            return nil
        }
    }

    @Test func noCacheReadsEveryFileAndWritesNothing() throws {
        let corpus = SnapshotCorpus()
        let load = try CachedLoader.load(directories: [corpus.data], snapshotPath: nil)
        #expect(load.kind == .cold && load.write == nil)
        #expect(!FileManager.default.fileExists(atPath: corpus.snapshotPath))
    }

    @Test func cacheInfoAndClear() throws {
        let corpus = SnapshotCorpus()
        _ = try corpus.cachedLoad()
        let info = try #require(SnapshotCache.info(path: corpus.snapshotPath))
        #expect(info.articles == 4 && info.problem == nil && info.directories == [corpus.data])
        #expect(info.bytes > 0)
        let directory = (corpus.snapshotPath as NSString).deletingLastPathComponent
        let cleared = SnapshotCache.clear(cacheDirectory: directory)
        #expect(cleared.removed == 1 && cleared.failed.isEmpty)
        #expect(SnapshotCache.info(path: corpus.snapshotPath) == nil)
        // What cannot be removed is named, never counted as removed (a directory: root cannot
        // unlink one either).
        let stuck = directory + "/snapshot-stuck." + SnapshotCache.fileExtension
        try FileManager.default.createDirectory(atPath: stuck + "/inside", withIntermediateDirectories: true)
        let again = SnapshotCache.clear(cacheDirectory: directory)
        #expect(again.removed == 0)
        #expect(again.failed.map(\.path) == [stuck])
    }

    @Test func cacheLocationFollowsXDGAndKeysOnTheDirectories() {
        #expect(SnapshotCache.directory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/h"]) == "/x/cache/gazette")
        #expect(SnapshotCache.directory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/gazette")
        #expect(SnapshotCache.directory(environment: [:]) == nil)
        let a = SnapshotCache.path(for: ["Data"], currentDirectory: "/one", in: "/c")
        #expect(a != SnapshotCache.path(for: ["Data"], currentDirectory: "/two", in: "/c"))
        #expect(a != SnapshotCache.path(for: ["Data", "More"], currentDirectory: "/one", in: "/c"))
        #expect(SnapshotCache.path(for: ["/abs"], currentDirectory: "/one", in: "/c") == SnapshotCache.path(for: ["/abs"], currentDirectory: "/two", in: "/c"))
        #expect(a.hasPrefix("/c/snapshot-") && a.hasSuffix(".gzsnap"))
    }
}
