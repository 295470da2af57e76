import Foundation
import Testing
@testable import GazetteCore

/// A damaged snapshot is detected, ignored with a warning and rebuilt; results never change.
@Suite(.serialized) struct SnapshotCorruptionTests {
    /// A corpus with a good snapshot, its bytes, the reference results, and the byte ranges the
    /// snapshot's checks cover (header, table, each section).
    final class Setup: @unchecked Sendable {
        let corpus = SnapshotCorpus()
        let good: [UInt8]
        let reference: ArticleStore
        let covered: [Range<Int>]

        init() throws {
            _ = try corpus.cachedLoad()
            good = Array(try Data(contentsOf: URL(fileURLWithPath: corpus.snapshotPath)))
            reference = try corpus.freshStore()
            let sectionCount = SnapshotFormat.sectionCount
            let tableEnd = SnapshotFormat.headerSize + sectionCount * SnapshotFormat.tableEntrySize
            var ranges = [0..<tableEnd]
            good.withUnsafeBytes { bytes in
                for entry in 0..<sectionCount {
                    let base = SnapshotFormat.headerSize + entry * SnapshotFormat.tableEntrySize
                    let offset = Int(bytes.loadUnaligned(fromByteOffset: base + 8, as: UInt64.self))
                    let length = Int(bytes.loadUnaligned(fromByteOffset: base + 16, as: UInt64.self))
                    if length > 0 { ranges.append(offset..<offset + length) }
                }
            }
            covered = ranges
        }

        /// Installs `bytes` as the snapshot, loads, and checks the outcome; returns whether the damage was noticed.
        func load(_ bytes: [UInt8], _ label: String) throws -> Bool {
            try Data(bytes).write(to: URL(fileURLWithPath: corpus.snapshotPath))
            let load = try CachedLoader.load(directories: [corpus.data], snapshotPath: corpus.snapshotPath)
            #expect(StoreComparison.encodedArticles(load.store) == StoreComparison.encodedArticles(reference), "\(label)")
            for query in ["", "courier", "\"cipher notebook\"", "tag:cia", "-tag:border"] {
                #expect(try StoreComparison.differences(load.store, reference, query: query) == [], "\(label): \(query)")
            }
            let noticed = load.notes.contains { if case .invalid = $0 { true } else { false } }
            if noticed {
                #expect(load.kind == .cold, "\(label)")
                #expect(load.write != nil, "\(label): not rebuilt")
                _ = load.write?.wait()
            }
            return noticed
        }
    }

    @Test func everyFlippedByteRegionIsDetectedAndResultsStayIdentical() throws {
        let setup = try Setup()
        let good = setup.good
        // Every header byte; a byte of every field of every table entry (id, element size, offset,
        // length, checksum); first, middle and last byte of every section.
        var positions = Array(0..<SnapshotFormat.headerSize)
        for entry in 0..<SnapshotFormat.sectionCount {
            positions += [0, 4, 11, 16, 31].map { SnapshotFormat.headerSize + entry * SnapshotFormat.tableEntrySize + $0 }
        }
        for range in setup.covered.dropFirst() { positions += [range.lowerBound, (range.lowerBound + range.upperBound) / 2, range.upperBound - 1] }
        var undetected: [Int] = []
        for position in Set(positions).sorted() {
            var bytes = good
            bytes[position] ^= 0x5A
            if try !setup.load(bytes, "flip at \(position)") { undetected.append(position) }
        }
        #expect(undetected == [], "flips not detected")
        // The last rebuild left a good snapshot: the next start is warm again.
        #expect(try setup.corpus.cachedLoad().kind == .warm)
    }

    @Test func everyTruncationIsDetected() throws {
        let setup = try Setup()
        let good = setup.good
        var lengths = [0, 1, 7, 8, 63, 64, 65, SnapshotFormat.headerSize + 31, good.count - 1, good.count / 2]
        for range in setup.covered.dropFirst() { lengths += [range.lowerBound, range.upperBound - 1] }
        for length in Set(lengths).sorted() where length < good.count {
            #expect(try setup.load(Array(good[0..<length]), "truncated to \(length)"), "truncated to \(length)")
        }
        #expect(try setup.load(good + [0, 0, 0, 0, 0, 0, 0, 0], "extended"), "extended by 8 bytes")
    }

    @Test func foreignVersionAndForeignFilesAreIgnored() throws {
        let setup = try Setup()
        var newer = setup.good
        newer[8] = UInt8(SnapshotFormat.version + 1)
        // A valid header checksum, so only the version can reject it.
        let sum = newer.withUnsafeBytes { SnapshotChecksum.of(UnsafeRawBufferPointer(rebasing: $0[0..<48])) }
        withUnsafeBytes(of: sum.littleEndian) { newer.replaceSubrange(48..<56, with: $0) }
        #expect(try setup.load(newer, "newer version"))
        let mapping = SnapshotMapping(copying: newer)
        #expect(throws: SnapshotError.invalid("v", "format version \(SnapshotFormat.version + 1), this Gazette reads version \(SnapshotFormat.version)")) {
            try Snapshot(mapping: mapping, path: "v", verifyChecksums: true)
        }
        #expect(try setup.load(Array("Title: not a snapshot\n\nText.\n".utf8), "a text file"))
        #expect(try setup.load([], "empty file"))
    }

    @Test func aSnapshotFromAnotherBuildIsRebuilt() throws {
        let setup = try Setup()
        var other = setup.good
        let meta = try #require(SnapshotStoreTests.sectionRange(SnapshotSection.meta.rawValue, in: other))
        other[meta.lowerBound] ^= 0x01  // the build hash's first varint byte
        let resealed = SnapshotBytes.resealed(other)
        try Data(resealed).write(to: URL(fileURLWithPath: setup.corpus.snapshotPath))
        let load = try CachedLoader.load(directories: [setup.corpus.data], snapshotPath: setup.corpus.snapshotPath)
        #expect(load.notes == [.invalid(setup.corpus.snapshotPath, "written by another build of Gazette")])
        #expect(StoreComparison.encodedArticles(load.store) == StoreComparison.encodedArticles(setup.reference))
        _ = load.write?.wait()
        // The fuzzer's entry point accepts any build.
        #expect(try SnapshotBytes.store(from: resealed).count == setup.reference.count)
    }

    @Test func aHalfWrittenTemporaryIsNeverRead() throws {
        let setup = try Setup()
        // A writer that died mid-write leaves only its temporary; the snapshot itself is whole.
        let temporary = setup.corpus.snapshotPath + ".tmp-999999-1"
        try Data(setup.good.prefix(100)).write(to: URL(fileURLWithPath: temporary))
        let load = try setup.corpus.cachedLoad()
        #expect(load.kind == .warm && load.notes.isEmpty)
    }
}
