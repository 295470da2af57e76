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

    /// The article records are written a few MiB at a time; a store with more text than that
    /// (records across several flushes, one article larger than a flush) reads back exactly.
    @Test func articleRecordsLargerThanOneFlushReadBackExactly() throws {
        let scratch = SnapshotScratch()
        var random = StoreOracleTests.Random(state: 7)
        let words = ["harbour", "zeppelin", "pilot", "ferry", "ledger", "quay", "Ünïcode", "冬の港", "tide"]
        func paragraph(_ count: Int) -> String { (0..<count).map { _ in random.pick(words) }.joined(separator: " ") }
        var articles = (0..<60).map { index in
            Article(title: "Report \(index) \(paragraph(3))", date: ArticleDate(year: 2025, month: 1 + index % 12, day: 1 + index % 28, instant: Int64(index) * 86_400),
                    tags: ["Tag\(index % 7)"], paragraphs: (0..<120).map { _ in paragraph(90) },
                    source: SourceLocation(path: "/data/\(index).txt", line: 1))
        }
        // One article alone is larger than a flush.
        articles.append(Article(title: "The long one", paragraphs: (0..<9_000).map { _ in paragraph(100) },
                                source: SourceLocation(path: "/data/long.txt", line: 1)))
        let store = ArticleStore(articles: articles)
        let text = articles.reduce(0) { $0 + $1.bodyUTF8.count }
        #expect(text > 2 * StreamedSection.flushSize && articles.last!.bodyUTF8.count > StreamedSection.flushSize)
        let path = scratch.child("large.gzsnap")
        try SnapshotWriter.write(store: store, report: LoadReport(), files: SnapshotFiles(paths: [], stats: []), directories: [], to: path)
        let snapshot = try Snapshot.open(path: path)
        #expect(StoreComparison.encodedArticles(snapshot.store) == StoreComparison.encodedArticles(store))
        #expect(snapshot.store.articles.last { $0.title == "The long one" }?.bodyUTF8 == articles.last!.bodyUTF8)
        for query in ["zeppelin", "\"ferry quay\"", "tag:tag3 pilot", "冬の港"] {
            #expect(try StoreComparison.differences(snapshot.store, store, query: query) == [], "\(query)")
        }
    }

    /// Verifying reads 8 MiB pieces and lets go of each one's pages: the checksum over pieces is
    /// the whole one (ranges across piece boundaries, odd ends), and the pages read the same
    /// afterwards, from a file mapping (read back from the file) and from a page-aligned copy in
    /// memory (where letting go would zero them, so it must not happen).
    @Test func pagesLetGoOfReadTheSameAfterwards() throws {
        let scratch = SnapshotScratch()
        var random = StoreOracleTests.Random(state: 5)
        let bytes = (0..<(17 << 20) + 123).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let path = scratch.child("pages.bin")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let whole = bytes.withUnsafeBytes { SnapshotChecksum.of($0) }
        for mapping in [try SnapshotMapping(path: path), SnapshotMapping(copying: bytes)] {
            #expect(SnapshotSections.checksum(of: 0..<bytes.count, in: mapping) == whole)
            mapping.releasePages(4_000..<2_000_000)
            #expect(Array(mapping.bytes) == bytes)
            for range in [17..<bytes.count - 5, (8 << 20) - 3..<(16 << 20) + 9, 100..<(8 << 20)] {
                #expect(SnapshotSections.checksum(of: range, in: mapping) == bytes[range].withUnsafeBytes { SnapshotChecksum.of($0) })
            }
            #expect(Array(mapping.bytes) == bytes)
        }
    }

    /// The running checksum over pieces equals the checksum over the whole, however it is cut.
    @Test func theRunningChecksumEqualsTheWholeOne() {
        var random = StoreOracleTests.Random(state: 99)
        for length in [0, 1, 7, 8, 31, 32, 33, 63, 64, 65, 100, 1_000, 4_099] {
            let bytes = (0..<length).map { _ in UInt8(random.below(256)) }
            let whole = bytes.withUnsafeBytes { SnapshotChecksum.of($0) }
            for _ in 0..<20 {
                var running = SnapshotChecksum.Running()
                var offset = 0
                while offset < length {
                    let piece = min(length - offset, 1 + random.below(40))
                    bytes[offset..<offset + piece].withUnsafeBytes { running.add($0) }
                    offset += piece
                }
                #expect(running.value == whole, "length \(length)")
                #expect(running.count == length)
            }
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
