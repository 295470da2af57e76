import Foundation

/// The header and section table of a mapped snapshot, checked; hands out sections as `FlatArray`s.
struct SnapshotSections {
    let mapping: SnapshotMapping
    let path: String
    let articleCount: Int
    let writtenAt: Int64
    private let table: [UInt32: (elementSize: Int, offset: Int, length: Int)]
    /// Checksums left for `verifyDeferred` (the large sections, when asked to defer them).
    let deferred: [(id: UInt32, range: Range<Int>, checksum: UInt64)]

    /// The sections whose checksums may wait until after a first frame: article text, postings
    /// and positions — most of the file. Until verified, the text index is not published.
    static let deferrable: Set<UInt32> = [SnapshotSection.articleBytes.rawValue, SnapshotSection.docBytes.rawValue,
                                          SnapshotSection.positions.rawValue, SnapshotSection.tfs.rawValue]

    /// The fixed header alone (for `gazette cache info` without validating gigabytes).
    struct Header {
        var version: UInt32
        var sectionCount: Int
        var fileSize: UInt64
        var writtenAt: Int64
        var articleCount: UInt64
    }

    static func header(_ bytes: UnsafeRawBufferPointer, path: String) throws(SnapshotError) -> Header {
        guard bytes.count >= SnapshotFormat.headerSize else { throw .invalid(path, "truncated (\(bytes.count) bytes)") }
        guard bytes.prefix(8).elementsEqual(SnapshotFormat.magic) else { throw .invalid(path, "not a Gazette snapshot") }
        guard UInt16(littleEndian: 1) == 1 else { throw .invalid(path, "big-endian host") }
        let version = bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
        guard version == SnapshotFormat.version else {
            throw .invalid(path, "format version \(version), this Gazette reads version \(SnapshotFormat.version)")
        }
        let checksum = bytes.loadUnaligned(fromByteOffset: 48, as: UInt64.self)
        guard bytes.loadUnaligned(fromByteOffset: 56, as: UInt64.self) == 0 else { throw .invalid(path, "reserved header bytes are set") }
        guard SnapshotChecksum.of(UnsafeRawBufferPointer(rebasing: bytes[0..<48])) == checksum else {
            throw .invalid(path, "header checksum mismatch")
        }
        return Header(version: version, sectionCount: Int(bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self)),
                      fileSize: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
                      writtenAt: bytes.loadUnaligned(fromByteOffset: 24, as: Int64.self),
                      articleCount: bytes.loadUnaligned(fromByteOffset: 32, as: UInt64.self))
    }

    /// `deferring`: checksums of these sections are left for `verifyDeferred`.
    init(mapping: SnapshotMapping, path: String, verifyChecksums: Bool, deferring: Set<UInt32> = []) throws(SnapshotError) {
        self.mapping = mapping
        self.path = path
        let bytes = mapping.bytes
        let header = try Self.header(bytes, path: path)
        guard header.fileSize == UInt64(bytes.count) else {
            throw .invalid(path, "size \(bytes.count) bytes, header says \(header.fileSize) (truncated or extended)")
        }
        guard header.sectionCount == SnapshotFormat.sectionCount else { throw .invalid(path, "unexpected section count \(header.sectionCount)") }
        guard header.articleCount < UInt64(Int32.max) else { throw .invalid(path, "impossible article count") }
        let tableEnd = SnapshotFormat.headerSize + header.sectionCount * SnapshotFormat.tableEntrySize
        guard tableEnd <= bytes.count else { throw .invalid(path, "section table truncated") }
        let tableBytes = UnsafeRawBufferPointer(rebasing: bytes[SnapshotFormat.headerSize..<tableEnd])
        guard SnapshotChecksum.of(tableBytes) == bytes.loadUnaligned(fromByteOffset: 40, as: UInt64.self) else {
            throw .invalid(path, "section table checksum mismatch")
        }
        var table: [UInt32: (elementSize: Int, offset: Int, length: Int)] = [:]
        var checks: [(id: UInt32, range: Range<Int>, checksum: UInt64)] = []
        for entry in 0..<header.sectionCount {
            let base = SnapshotFormat.headerSize + entry * SnapshotFormat.tableEntrySize
            let id = bytes.loadUnaligned(fromByteOffset: base, as: UInt32.self)
            let elementSize = UInt64(bytes.loadUnaligned(fromByteOffset: base + 4, as: UInt32.self))
            let offset = bytes.loadUnaligned(fromByteOffset: base + 8, as: UInt64.self)
            let length = bytes.loadUnaligned(fromByteOffset: base + 16, as: UInt64.self)
            let checksum = bytes.loadUnaligned(fromByteOffset: base + 24, as: UInt64.self)
            guard [1, 2, 4, 8].contains(elementSize), offset % 8 == 0, offset >= UInt64(tableEnd),
                  offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset, length % elementSize == 0,
                  table[id] == nil
            else { throw .invalid(path, "section \(id) lies outside the file or is misaligned") }
            table[id] = (Int(elementSize), Int(offset), Int(length))
            checks.append((id, Int(offset)..<Int(offset + length), checksum))
        }
        deferred = verifyChecksums ? checks.filter { deferring.contains($0.id) } : []
        if verifyChecksums {
            try Self.verify(checks.filter { !deferring.contains($0.id) }, in: mapping, path: path)
        }
        self.table = table
        articleCount = Int(header.articleCount)
        writtenAt = header.writtenAt
    }

    /// Checks `checks` on both cores; the first mismatch found is the error.
    static func verify(_ checks: [(id: UInt32, range: Range<Int>, checksum: UInt64)], in mapping: SnapshotMapping,
                       path: String) throws(SnapshotError) {
        let bad = Parallel.map(2) { part in
            checks.indices.filter { $0 % 2 == part }
                .first { checksum(of: checks[$0].range, in: mapping) != checks[$0].checksum }
                .map { checks[$0].id }
        }.compactMap { $0 }.first
        if let bad { throw .invalid(path, "section \(bad) checksum mismatch") }
    }

    /// The checksum of `range`, read a few MiB at a time, each piece's pages let go of once summed
    /// (`SnapshotMapping.releasePages`) when the section is at least a piece long: verifying a
    /// 100k-article snapshot no longer leaves its ~550 MB resident in the process, while the
    /// small tables read at once (offsets, orders, facet names) stay.
    static func checksum(of range: Range<Int>, in mapping: SnapshotMapping) -> UInt64 {
        let piece = 8 << 20
        let releasing = range.count >= piece
        var running = SnapshotChecksum.Running()
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(range.upperBound, (start / piece + 1) * piece)
            running.add(UnsafeRawBufferPointer(rebasing: mapping.bytes[start..<end]))
            if releasing { mapping.releasePages(start..<end) }
            start = end
        }
        return running.value
    }

    /// The section `id` as a table of `T`, used in place.
    func array<T: BitwiseCopyable>(_ id: UInt32, as type: T.Type = T.self) throws(SnapshotError) -> FlatArray<T> {
        guard let entry = table[id] else { throw .invalid(path, "section \(id) is missing") }
        guard entry.elementSize == MemoryLayout<T>.stride else { throw .invalid(path, "section \(id) has the wrong element size") }
        let base = mapping.bytes.baseAddress! + entry.offset
        let typed = UnsafeBufferPointer(start: base.assumingMemoryBound(to: T.self), count: entry.length / entry.elementSize)
        return FlatArray(mapped: typed, owner: mapping)
    }

    func array<T: BitwiseCopyable>(_ section: SnapshotSection, as type: T.Type = T.self) throws(SnapshotError) -> FlatArray<T> {
        try array(section.rawValue)
    }
}

/// Structural checks over tables read from disk: everything an index or offset will be used for.
enum SnapshotValidation {
    /// Starts at 0, never decreases, ends exactly at `end`.
    static func offsets<T: BinaryInteger & BitwiseCopyable>(_ offsets: FlatArray<T>, end: Int) -> Bool {
        offsets.withUnsafeBufferPointer { values in
            guard let first = values.first, first == 0, let last = values.last, last == T(end) else { return false }
            for k in 1..<values.count where values[k] < values[k - 1] { return false }
            return true
        }
    }

    /// Every value in `0..<bound`.
    static func indices<T: BinaryInteger & BitwiseCopyable>(_ values: FlatArray<T>, below bound: Int) -> Bool {
        values.withUnsafeBufferPointer { values in !values.contains { $0 < 0 || $0 >= T(bound) } }
    }

    /// Each of `0..<count` exactly once.
    static func permutation(_ values: FlatArray<Int32>, count: Int) -> Bool {
        guard values.count == count else { return false }
        var seen = Bitset(count: count)
        return values.withUnsafeBufferPointer { values in
            for value in values {
                guard value >= 0, Int(value) < count, !seen.contains(Int(value)) else { return false }
                seen.insert(Int(value))
            }
            return true
        }
    }

    static func ascending(_ values: FlatArray<UInt64>) -> Bool {
        values.withUnsafeBufferPointer { values in
            for k in values.indices.dropFirst() where values[k] < values[k - 1] { return false }
            return true
        }
    }
}
