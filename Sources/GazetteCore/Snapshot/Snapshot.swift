import Foundation

/// An opened, validated snapshot: the store read in place from the mapping, the files it was made
/// from with their stats, and the load report.
struct Snapshot: Sendable {
    let mapping: SnapshotMapping
    let directories: [String]
    /// Unix seconds when it was written.
    let writtenAt: Int64
    let store: ArticleStore
    let files: SnapshotFileTable
    let report: SnapshotMeta.Report
    /// Checksums not yet verified (see `open(path:deferringLargeSections:)`).
    private let deferred: [(id: UInt32, range: Range<Int>, checksum: UInt64)]
    private let path: String
    private let pendingText: FullTextIndex?

    /// Opens and validates the snapshot at `path` (see `init(mapping:path:verifyChecksums:)`).
    ///
    /// `deferringLargeSections`: the checksums of article text, postings and positions (most of
    /// the file) are left for `finishVerification`, and the store's text index is published only
    /// then; until then word queries wait, as after a cold load. Everything else is checked here.
    ///
    /// A file that already passed every checksum (`SnapshotVerifiedMark`) is not checksummed again.
    static func open(path: String, deferringLargeSections: Bool = false) throws(SnapshotError) -> Snapshot {
        let mapping = try SnapshotMapping(path: path)
        let verified = SnapshotVerifiedMark.isPresent(for: mapping, snapshot: path)
        let snapshot = try Snapshot(mapping: mapping, path: path, verifyChecksums: !verified,
                                    deferring: deferringLargeSections ? SnapshotSections.deferrable : [])
        return snapshot
    }

    /// Verifies the deferred sections; on success publishes the text index. Safe to call twice.
    func finishVerification() -> SnapshotError? {
        guard let pendingText else { return nil }
        do {
            try SnapshotSections.verify(deferred, in: mapping, path: path)
        } catch {
            return error
        }
        SnapshotVerifiedMark.record(for: mapping, snapshot: path)
        store.publishTextIndex(pendingText)
        return nil
    }

    /// Checks magic, version, sizes, every section's checksum (unless `verifyChecksums` is false,
    /// which only the fuzzer's structural mode uses) and every offset and index the store will
    /// follow; throws `.invalid` at the first problem, so nothing later can read out of bounds.
    /// `anyBuild`: accept a snapshot written by another build (the fuzzer's seeds were).
    init(mapping: SnapshotMapping, path: String, verifyChecksums: Bool, deferring: Set<UInt32> = [], anyBuild: Bool = false) throws(SnapshotError) {
        self.mapping = mapping
        self.path = path
        let sections = try SnapshotSections(mapping: mapping, path: path, verifyChecksums: verifyChecksums, deferring: deferring)
        deferred = sections.deferred
        func fail(_ reason: String) -> SnapshotError { .invalid(path, reason) }
        let count = sections.articleCount
        writtenAt = sections.writtenAt

        // Files.
        let stats: FlatArray<UInt64> = try sections.array(.fileStats)
        let pathOffsets: FlatArray<UInt64> = try sections.array(.filePathOffsets)
        let pathBytes: FlatArray<UInt8> = try sections.array(.filePathBytes)
        let flags: FlatArray<UInt8> = try sections.array(.fileFlags)
        let fileArticleStarts: FlatArray<Int32> = try sections.array(.fileArticleStarts)
        let fileArticles: FlatArray<Int32> = try sections.array(.fileArticles)
        let fileCount = flags.count
        guard stats.count == 4 * fileCount, pathOffsets.count == fileCount + 1, fileArticleStarts.count == fileCount + 1,
              SnapshotValidation.offsets(pathOffsets, end: pathBytes.count),
              SnapshotValidation.offsets(fileArticleStarts, end: fileArticles.count),
              SnapshotValidation.indices(fileArticles, below: count)
        else { throw fail("file table is inconsistent") }
        files = SnapshotFileTable(stats: stats, pathOffsets: pathOffsets, pathBytes: pathBytes, flags: flags,
                                  articleStarts: fileArticleStarts, articles: fileArticles)

        // Meta: the build that wrote it, directories, index average length, report.
        let metaBytes: FlatArray<UInt8> = try sections.array(.meta)
        let files = files
        let decoded: (UInt64, [String], UInt64, SnapshotMeta.Report)? = metaBytes.withUnsafeBufferPointer { buffer in
            var input = ByteReader(UnsafeRawBufferPointer(buffer))
            guard let build = input.varint(), let directories = input.strings(), let average = input.varint(),
                  let report = SnapshotMeta.decodeReport(&input, paths: { $0 >= 0 && $0 < fileCount ? files.path($0) : nil }),
                  input.isAtEnd else { return nil }
            return (build, directories, average, report)
        }
        guard let (build, directories, averageBits, report) = decoded else { throw fail("meta section is malformed") }
        // Another build may parse files differently: what it stored is not what this one would read.
        guard anyBuild || build == SnapshotFormat.build else { throw fail("written by another build of Gazette") }
        self.directories = directories
        self.report = report

        // Articles and orders.
        let articleOffsets: FlatArray<UInt64> = try sections.array(.articleOffsets)
        let articleBytes: FlatArray<UInt8> = try sections.array(.articleBytes)
        guard articleOffsets.count == count + 1, SnapshotValidation.offsets(articleOffsets, end: articleBytes.count)
        else { throw fail("article table is inconsistent") }
        let dayKeys: FlatArray<Int32> = try sections.array(.dayKeys)
        let titleOrder: FlatArray<Int32> = try sections.array(.titleOrder)
        let authorOrder: FlatArray<Int32> = try sections.array(.authorOrder)
        let sortedIDs: FlatArray<UInt64> = try sections.array(.sortedIDs)
        let sortedIDIndices: FlatArray<Int32> = try sections.array(.sortedIDIndices)
        guard dayKeys.count == count, sortedIDs.count == count,
              SnapshotValidation.permutation(titleOrder, count: count), SnapshotValidation.permutation(authorOrder, count: count),
              SnapshotValidation.permutation(sortedIDIndices, count: count), SnapshotValidation.ascending(sortedIDs)
        else { throw fail("article orders are inconsistent") }

        let threadParents: FlatArray<Int32> = try sections.array(.threadParents)
        let threadReplyStarts: FlatArray<Int32> = try sections.array(.threadReplyStarts)
        let threadReplies: FlatArray<Int32> = try sections.array(.threadReplies)
        guard threadParents.count == count, threadReplyStarts.count == count + 1,
              threadParents.withUnsafeBufferPointer({ !$0.contains { $0 < -1 || $0 >= Int32(count) } }),
              SnapshotValidation.offsets(threadReplyStarts, end: threadReplies.count),
              SnapshotValidation.indices(threadReplies, below: count)
        else { throw fail("thread table is inconsistent") }
        let threads = ThreadTable(parents: threadParents, replyStarts: threadReplyStarts, replies: threadReplies)

        var facets: [FacetTable] = []
        for kind in FacetKind.allCases {
            facets.append(try SnapshotFacets.table(kind, sections: sections, articleCount: count, path: path))
        }
        let text = try SnapshotTextIndex.index(sections: sections, articleCount: count,
                                                averageLength: Double(bitPattern: averageBits), path: path)
        let articles = SnapshotArticles(offsets: articleOffsets, bytes: articleBytes)
        pendingText = deferred.isEmpty ? nil : text
        store = ArticleStore(articles: ArticleList(mapped: articles), facets: facets, text: deferred.isEmpty ? text : nil, dayKeys: dayKeys,
                             titleOrder: titleOrder, authorOrder: authorOrder, sortedIDs: sortedIDs, sortedIDIndices: sortedIDIndices,
                             threads: threads)
    }
}

/// The files a snapshot was made from, read in place.
struct SnapshotFileTable: Sendable {
    let stats: FlatArray<UInt64>
    let pathOffsets: FlatArray<UInt64>
    let pathBytes: FlatArray<UInt8>
    let flags: FlatArray<UInt8>
    let articleStarts: FlatArray<Int32>
    let articles: FlatArray<Int32>

    var count: Int { flags.count }

    func path(_ file: Int) -> String {
        pathBytes.withUnsafeBufferPointer {
            String(decoding: $0[Int(pathOffsets[file])..<Int(pathOffsets[file + 1])], as: UTF8.self)
        }
    }

    func stat(_ file: Int) -> FileStat {
        FileStat(device: stats[4 * file], inode: stats[4 * file + 1], size: stats[4 * file + 2], changedNanoseconds: stats[4 * file + 3])
    }

    /// Store indices of the articles kept from `file`, in file order.
    func articleIndices(_ file: Int) -> [Int] {
        (Int(articleStarts[file])..<Int(articleStarts[file + 1])).map { Int(articles[$0]) }
    }
}

/// The article records of a snapshot, decoded one at a time on demand.
struct SnapshotArticles: Sendable {
    let offsets: FlatArray<UInt64>
    let bytes: FlatArray<UInt8>

    var count: Int { offsets.count - 1 }

    func article(at index: Int) -> Article {
        let decoded = withRecord(index) { ArticleCodec.decode($0) }
        // Checksums make this unreachable short of a writer bug; a visible placeholder beats a crash.
        return decoded ?? Article(id: ArticleID(value: 0), title: "(unreadable snapshot record \(index))",
                                  source: SourceLocation(path: "snapshot", line: 0))
    }

    /// The bytes of record `index`.
    func withRecord<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        bytes.withUnsafeBufferPointer { buffer in
            body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[Int(offsets[index])..<Int(offsets[index + 1])]))
        }
    }

    /// The leading fields of record `index` (no body copied); a placeholder like `article(at:)`'s when unreadable.
    func head(at index: Int) -> ArticleHead {
        withRecord(index) { ArticleCodec.decodeHead($0) }
            ?? ArticleHead(id: ArticleID(value: 0), title: "(unreadable snapshot record \(index))", date: nil, author: nil,
                           categories: [], tags: [])
    }

    /// The reply headers of record `index` (no body copied); none when unreadable.
    func threadFields(at index: Int) -> ThreadFields {
        withRecord(index) { ArticleCodec.decodeThreadFields($0) } ?? ThreadFields(messageID: nil, inReplyTo: nil, references: [])
    }

    /// The id of the article at `index`, read without decoding the article (`article(at:).id`).
    func id(at index: Int) -> ArticleID {
        withRecord(index) { ArticleCodec.decodeID($0) } ?? ArticleID(value: 0)
    }
}
