/// A facet table read from a snapshot, checked so every id and offset it holds is in range.
enum SnapshotFacets {
    static func table(_ kind: FacetKind, sections: SnapshotSections, articleCount count: Int, path: String) throws(SnapshotError) -> FacetTable {
        let nameOffsets: FlatArray<UInt64> = try sections.array(FacetSectionPart.nameOffsets.id(kind))
        let nameBytes: FlatArray<UInt8> = try sections.array(FacetSectionPart.nameBytes.id(kind))
        let rank: FlatArray<Int32> = try sections.array(FacetSectionPart.rank.id(kind))
        let articleStarts: FlatArray<Int32> = try sections.array(FacetSectionPart.articleStarts.id(kind))
        let articleValues: FlatArray<Int32> = try sections.array(FacetSectionPart.articleValues.id(kind))
        let postingStarts: FlatArray<Int32> = try sections.array(FacetSectionPart.postingStarts.id(kind))
        let postingDocs: FlatArray<Int32> = try sections.array(FacetSectionPart.postingDocs.id(kind))
        let plain: FlatArray<UInt8> = try sections.array(FacetSectionPart.plain.id(kind))
        let values = nameOffsets.count - 1
        guard values >= 0, SnapshotValidation.offsets(nameOffsets, end: nameBytes.count),
              SnapshotValidation.permutation(rank, count: values), plain.count == values,
              articleStarts.count == count + 1, SnapshotValidation.offsets(articleStarts, end: articleValues.count),
              SnapshotValidation.indices(articleValues, below: values),
              postingStarts.count == values + 1, SnapshotValidation.offsets(postingStarts, end: postingDocs.count),
              SnapshotValidation.indices(postingDocs, below: count)
        else { throw .invalid(path, "\(kind.rawValue) table is inconsistent") }
        let names = nameBytes.withUnsafeBufferPointer { bytes in
            (0..<values).map { String(decoding: bytes[Int(nameOffsets[$0])..<Int(nameOffsets[$0 + 1])], as: UTF8.self) }
        }
        return FacetTable(kind: kind, names: names, rank: rank, plain: plain, articleStarts: articleStarts, articleValues: articleValues,
                          postingStarts: postingStarts, postingDocs: postingDocs)
    }
}

/// The full-text index read from a snapshot. Offsets are checked here; the varint streams they
/// point into are covered by the section checksums (checking them would mean reading them all).
enum SnapshotTextIndex {
    static func index(sections: SnapshotSections, articleCount count: Int, averageLength: Double, path: String) throws(SnapshotError) -> FullTextIndex {
        let termBytes: FlatArray<UInt8> = try sections.array(.termBytes)
        let termOffsets: FlatArray<Int> = try sections.array(.termOffsets)
        let postingStarts: FlatArray<Int> = try sections.array(.postingStarts)
        let docStarts: FlatArray<Int> = try sections.array(.docStarts)
        let docBytes: FlatArray<UInt8> = try sections.array(.docBytes)
        let tfs: FlatArray<UInt8> = try sections.array(.tfs)
        let lengths: FlatArray<UInt32> = try sections.array(.lengths)
        let positions: FlatArray<UInt8> = try sections.array(.positions)
        let positionStarts: FlatArray<Int> = try sections.array(.positionStarts)
        let skipDocs: FlatArray<Int32> = try sections.array(.skipDocs)
        let skipDocBytes: FlatArray<Int> = try sections.array(.skipDocBytes)
        let skipPositions: FlatArray<Int> = try sections.array(.skipPositions)
        let terms = termOffsets.count - 1
        let skips = (tfs.count + FullTextIndex.skipInterval - 1) / FullTextIndex.skipInterval
        guard terms >= 0, SnapshotValidation.offsets(termOffsets, end: termBytes.count),
              postingStarts.count == terms + 1, SnapshotValidation.offsets(postingStarts, end: tfs.count),
              docStarts.count == terms + 1, SnapshotValidation.offsets(docStarts, end: docBytes.count),
              positionStarts.count == terms + 1, SnapshotValidation.offsets(positionStarts, end: positions.count),
              lengths.count == count, averageLength.isFinite, averageLength >= 1,
              skipDocs.count == skips, skipDocBytes.count == skips, skipPositions.count == skips,
              SnapshotValidation.indices(skipDocs, below: max(count, 1)),
              SnapshotValidation.indices(skipDocBytes, below: docBytes.count + 1),
              SnapshotValidation.indices(skipPositions, below: positions.count + 1)
        else { throw .invalid(path, "text index is inconsistent") }
        return FullTextIndex(termBytes: termBytes, termOffsets: termOffsets, postingStarts: postingStarts, docStarts: docStarts,
                             docBytes: docBytes, tfs: tfs, lengths: lengths, averageLength: averageLength, positions: positions,
                             positionStarts: positionStarts, skipDocs: skipDocs, skipDocBytes: skipDocBytes, skipPositions: skipPositions)
    }
}
