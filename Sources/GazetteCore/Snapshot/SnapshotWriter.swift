import Foundation

/// What a snapshot records about the files it was made from.
struct SnapshotFiles: Sendable {
    /// Article files in load (sorted path) order.
    var paths: [String]
    /// Their `stat` taken BEFORE they were read, so a file changed while being read looks changed next time.
    var stats: [FileStat]
}

/// Writes a store, its load report and its files' stats as one snapshot file, atomically.
enum SnapshotWriter {
    /// Writes to a temporary file in the same directory, fsyncs, renames over `path`: readers see
    /// the old snapshot or the new one, never a half-written one, and two writers never mix.
    static func write(store: ArticleStore, report: LoadReport, files: SnapshotFiles, directories: [String], to path: String) throws(SnapshotError) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(directory, error.localizedDescription)
        }
        SnapshotCache.removeAbandonedTemporaries(for: path)
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(temporary, String(cString: strerror(errno))) }
        var output = SectionOutput(fd: fd, sectionCount: SnapshotFormat.sectionCount)
        do {
            try addSections(store: store, report: report, files: files, directories: directories, to: &output)
            try output.finish(articleCount: store.count)
            guard fsync(fd) == 0 else { throw SnapshotError.cannotWrite(temporary, String(cString: strerror(errno))) }
            close(fd)
            guard rename(temporary, path) == 0 else { throw SnapshotError.cannotWrite(path, String(cString: strerror(errno))) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error as! SnapshotError  // swiftlint:disable:this force_cast
        }
        // The rename itself must reach the disk too.
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }

    private static func addSections(store: ArticleStore, report: LoadReport, files: SnapshotFiles, directories: [String],
                                     to output: inout SectionOutput) throws(SnapshotError) {
        let text = store.textIndex
        let fileIndex = Dictionary(files.paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

        var meta = ByteWriter()
        meta.varint(SnapshotFormat.build)
        meta.strings(directories)
        meta.varint(text.averageLength.bitPattern)
        SnapshotMeta.encode(report: report, fileIndex: fileIndex, into: &meta)
        try output.add(.meta, meta.bytes)

        // Files: stats, paths, flags, and which articles (by store index) each produced, in file order.
        try output.add(.fileStats, files.stats.flatMap { [$0.device, $0.inode, $0.size, $0.changedNanoseconds] })
        var pathOffsets: [UInt64] = [0]
        var pathBytes: [UInt8] = []
        for path in files.paths {
            pathBytes.append(contentsOf: path.utf8)
            pathOffsets.append(UInt64(pathBytes.count))
        }
        try output.add(.filePathOffsets, pathOffsets)
        try output.add(.filePathBytes, pathBytes)
        var flags = [UInt8](repeating: 0, count: files.paths.count)
        for duplicate in report.duplicates {
            if let file = fileIndex[duplicate.dropped.path] { flags[file] |= SnapshotFileFlag.droppedDuplicate }
        }
        for warning in report.warnings where warning.location.line == 0 {
            if let file = fileIndex[warning.location.path] { flags[file] |= SnapshotFileFlag.failed }
        }
        try output.add(.fileFlags, flags)
        var byFile = [[(line: Int, article: Int32)]](repeating: [], count: files.paths.count)
        // The records go to the file a few MiB at a time as they are encoded (their offsets are
        // kept beside): held whole, they were a second copy of every article's text, the largest
        // allocation of a first start (its peak: 1.2 GB resident instead of 1.0 at 100k articles).
        var records = output.beginStream()
        var articleOffsets: [UInt64] = [0]
        articleOffsets.reserveCapacity(store.count + 1)
        for index in 0..<store.count {
            let article = store.articles[index]
            if let file = fileIndex[article.source.path] { byFile[file].append((article.source.line, Int32(index))) }
            ArticleCodec.encode(article, into: &records.writer)
            articleOffsets.append(records.count)
            try records.flushIfFull()
        }
        try output.end(&records, as: .articleBytes)
        var fileArticleStarts: [Int32] = [0]
        var fileArticles: [Int32] = []
        for list in byFile {
            fileArticles.append(contentsOf: list.sorted { $0.line < $1.line }.map(\.article))
            fileArticleStarts.append(Int32(fileArticles.count))
        }
        try output.add(.fileArticleStarts, fileArticleStarts)
        try output.add(.fileArticles, fileArticles)
        try output.add(.articleOffsets, articleOffsets)

        try output.add(.dayKeys, store.dayKeys)
        try output.add(.titleOrder, store.titleOrder)
        try output.add(.authorOrder, store.authorOrder)
        try output.add(.sortedIDs, store.sortedIDs)
        try output.add(.sortedIDIndices, store.sortedIDIndices)
        let threads = store.threads
        try output.add(.threadParents, threads.parents)
        try output.add(.threadReplyStarts, threads.replyStarts)
        try output.add(.threadReplies, threads.replies)

        for kind in FacetKind.allCases {
            let table = store.facets[kind.ordinal]
            var nameOffsets: [UInt64] = [0]
            var nameBytes: [UInt8] = []
            for name in table.names {
                nameBytes.append(contentsOf: name.utf8)
                nameOffsets.append(UInt64(nameBytes.count))
            }
            try output.add(FacetSectionPart.nameOffsets.id(kind), nameOffsets)
            try output.add(FacetSectionPart.nameBytes.id(kind), nameBytes)
            try output.add(FacetSectionPart.rank.id(kind), table.rank)
            try output.add(FacetSectionPart.articleStarts.id(kind), table.articleStarts)
            try output.add(FacetSectionPart.articleValues.id(kind), table.articleValues)
            try output.add(FacetSectionPart.postingStarts.id(kind), table.postingStarts)
            try output.add(FacetSectionPart.postingDocs.id(kind), table.postingDocs)
            try output.add(FacetSectionPart.plain.id(kind), table.plain)
        }

        try output.add(.termBytes, text.termBytes)
        try output.add(.termOffsets, text.termOffsets)
        try output.add(.postingStarts, text.postingStarts)
        try output.add(.docStarts, text.docStarts)
        try output.add(.docBytes, text.docBytes)
        try output.add(.tfs, text.tfs)
        try output.add(.lengths, text.lengths)
        try output.add(.positions, text.positions)
        try output.add(.positionStarts, text.positionStarts)
        try output.add(.skipDocs, text.skipDocs)
        try output.add(.skipDocBytes, text.skipDocBytes)
        try output.add(.skipPositions, text.skipPositions)
    }
}

/// Writes 8-byte-aligned sections as they come (none is held twice in memory), after room for
/// the header and table, which are written last.
private struct SectionOutput {
    let fd: Int32
    private let sectionCount: Int
    private var table = ByteBuffer()
    private var written = 0
    private var position: UInt64

    init(fd: Int32, sectionCount: Int) {
        self.fd = fd
        self.sectionCount = sectionCount
        position = UInt64(SnapshotFormat.headerSize + sectionCount * SnapshotFormat.tableEntrySize)
    }

    mutating func add<T: BitwiseCopyable>(_ section: SnapshotSection, _ array: [T]) throws(SnapshotError) {
        try add(section.rawValue, FlatArray(array))
    }

    mutating func add<T: BitwiseCopyable>(_ section: SnapshotSection, _ array: FlatArray<T>) throws(SnapshotError) {
        try add(section.rawValue, array)
    }

    mutating func add<T: BitwiseCopyable>(_ id: UInt32, _ array: [T]) throws(SnapshotError) { try add(id, FlatArray(array)) }

    mutating func add<T: BitwiseCopyable>(_ id: UInt32, _ array: FlatArray<T>) throws(SnapshotError) {
        precondition(written < sectionCount, "more snapshot sections than announced")
        position = (position + 7) & ~7
        let (checksum, length, failure) = array.withUnsafeBufferPointer { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            return (SnapshotChecksum.of(raw), UInt64(raw.count), SnapshotWriter.write(fd, raw, at: position))
        }
        if let failure { throw .cannotWrite("snapshot", failure) }
        record(id, elementSize: MemoryLayout<T>.stride, length: length, checksum: checksum)
    }

    /// Starts a byte section written while it is made; no other section is added before `end`.
    mutating func beginStream() -> StreamedSection {
        precondition(written < sectionCount, "more snapshot sections than announced")
        position = (position + 7) & ~7
        return StreamedSection(fd: fd, start: position)
    }

    /// Writes what `stream` still holds and enters it in the table as `section`.
    mutating func end(_ stream: inout StreamedSection, as section: SnapshotSection) throws(SnapshotError) {
        precondition(stream.start == position, "a section was added while another was streamed")
        try stream.flush()
        record(section.rawValue, elementSize: 1, length: stream.count, checksum: stream.checksum.value)
    }

    private mutating func record(_ id: UInt32, elementSize: Int, length: UInt64, checksum: UInt64) {
        table.u32(id)
        table.u32(UInt32(elementSize))
        table.u64(position)
        table.u64(length)
        table.u64(checksum)
        position += length
        written += 1
    }

    /// Writes the table and, last, the header that makes the file valid.
    mutating func finish(articleCount: Int) throws(SnapshotError) {
        precondition(written == sectionCount, "fewer snapshot sections than announced")
        var header = ByteBuffer()
        header.bytes.append(contentsOf: SnapshotFormat.magic)
        header.u32(SnapshotFormat.version)
        header.u32(UInt32(sectionCount))
        header.u64(position)
        header.u64(UInt64(bitPattern: Int64(Date().timeIntervalSince1970)))
        header.u64(UInt64(articleCount))
        header.u64(table.bytes.withUnsafeBytes { SnapshotChecksum.of($0) })
        header.u64(header.bytes.withUnsafeBytes { SnapshotChecksum.of($0) })
        header.u64(0)
        guard ftruncate(fd, off_t(position)) == 0 else { throw .cannotWrite("snapshot", String(cString: strerror(errno))) }
        let failure = table.bytes.withUnsafeBytes { SnapshotWriter.write(fd, $0, at: UInt64(SnapshotFormat.headerSize)) }
            ?? header.bytes.withUnsafeBytes { SnapshotWriter.write(fd, $0, at: 0) }
        if let failure { throw .cannotWrite("snapshot", failure) }
    }
}

/// A byte section written to the file a few MiB at a time while it is encoded into `writer`,
/// its checksum computed on the way (`SectionOutput.beginStream`).
struct StreamedSection {
    static let flushSize = 4 << 20
    let fd: Int32
    /// Where the section starts in the file.
    let start: UInt64
    /// Encode into this; `flushIfFull` moves it to the file.
    var writer = ByteWriter()
    private var flushed: UInt64 = 0
    private(set) var checksum = SnapshotChecksum.Running()

    init(fd: Int32, start: UInt64) {
        self.fd = fd
        self.start = start
    }

    /// Bytes in the section so far, flushed or not.
    var count: UInt64 { flushed + UInt64(writer.bytes.count) }

    mutating func flushIfFull() throws(SnapshotError) {
        if writer.bytes.count >= Self.flushSize { try flush() }
    }

    mutating func flush() throws(SnapshotError) {
        guard !writer.bytes.isEmpty else { return }
        var sum = checksum
        let (fd, at) = (fd, start + flushed)
        let failure = writer.bytes.withUnsafeBytes { raw in
            sum.add(raw)
            return SnapshotWriter.write(fd, raw, at: at)
        }
        if let failure { throw .cannotWrite("snapshot", failure) }
        checksum = sum
        flushed += UInt64(writer.bytes.count)
        writer.bytes.removeAll(keepingCapacity: true)
    }
}

extension SnapshotWriter {
    /// Writes all of `raw` at `offset`; the reason on failure.
    static func write(_ fd: Int32, _ raw: UnsafeRawBufferPointer, at offset: UInt64) -> String? {
        var done = 0
        while done < raw.count {
            let count = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(offset) + off_t(done))
            if count < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            done += count
        }
        return nil
    }
}

/// Little-endian fixed-width integers, for the header and section table.
struct ByteBuffer {
    var bytes: [UInt8] = []
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
}
