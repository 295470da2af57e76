/// The snapshot file's layout: a fixed header, a section table, then 8-byte-aligned sections.
///
/// ```
/// 0   magic "GZSNAPSH"        8   version: UInt32       12  section count: UInt32
/// 16  file size: UInt64       24  written at (Unix s)   32  article count: UInt64
/// 40  section-table checksum  48  header checksum (of bytes 0..<48)  56  reserved
/// 64  section table: per section id: UInt32, element size: UInt32, offset, length (bytes), checksum: UInt64
/// ```
/// All integers little-endian (the reader refuses a big-endian host rather than swapping).
/// Every section is a flat array of one fixed-width type, used in place through `FlatArray`.
enum SnapshotFormat {
    static let magic: [UInt8] = Array("GZSNAPSH".utf8)
    /// Bump whenever any section's layout or `ArticleCodec` changes.
    static let version: UInt32 = 8

    /// This build of Gazette: device, inode, size and mtime of the running executable, hashed.
    /// A snapshot written by any other build (whose parsers may differ) is rebuilt.
    static let build: UInt64 = {
        let stat = FileStat.of("/proc/self/exe")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in [stat.device, stat.inode, stat.size, stat.changedNanoseconds] { hash = (hash ^ value) &* 0x0000_0100_0000_01B3 }
        return hash
    }()
    static let headerSize = 64
    static let tableEntrySize = 32
    /// Sections every snapshot of this version has, no more, no fewer.
    static var sectionCount: Int { SnapshotSection.allCases.count + FacetKind.allCases.count * FacetSectionPart.allCases.count }
}

/// Section ids. Facet sections are `facetBase + kind × 8 + part`.
enum SnapshotSection: UInt32, CaseIterable {
    case meta = 1
    case fileStats, filePathOffsets, filePathBytes, fileFlags, fileArticleStarts, fileArticles
    case articleOffsets, articleBytes
    case dayKeys, titleOrder, authorOrder, sortedIDs, sortedIDIndices
    case termBytes, termOffsets, postingStarts, docStarts, docBytes, tfs, lengths
    case positions, positionStarts, skipDocs, skipDocBytes, skipPositions
    case threadParents, threadReplyStarts, threadReplies
}

/// The parts of one facet table in the snapshot.
enum FacetSectionPart: UInt32, CaseIterable {
    case nameOffsets, nameBytes, rank, articleStarts, articleValues, postingStarts, postingDocs, plain

    static let base: UInt32 = 100

    func id(_ kind: FacetKind) -> UInt32 { Self.base + UInt32(kind.ordinal) * 8 + rawValue }
}

/// Per-file flags in the `fileFlags` section.
enum SnapshotFileFlag {
    /// An article of this file was dropped as a duplicate of another: re-read it after any change.
    static let droppedDuplicate: UInt8 = 1
    /// The file could not be read or parsed at all: try it again next time.
    static let failed: UInt8 = 2
}
