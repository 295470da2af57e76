import Foundation

/// The two passes over a range of candidate terms: measure, then fill.
///
/// Both walk a term's old postings in order (doc deltas decoded, each article renumbered through
/// `oldToNew`), interleaving the fresh postings of the same term by article. A kept posting keeps
/// its frequency byte and position block verbatim; its doc delta is re-coded from the previous
/// posting written, exactly as a fresh build codes it.
extension IndexUpdateMerge {
    /// Each candidate's output size, for the candidates of `range`.
    func measure(_ range: Range<Int>) -> [Size] {
        withInputs { input in
            range.map { candidate in
                var size = Size()
                var previous: Int32 = 0
                func add(_ doc: Int32) {
                    size.postings += 1
                    size.docBytes += PositionCoding.varintSize(UInt32(doc - previous))
                    previous = doc
                }
                var fresh = FreshCursor(input.freshPostings(of: Int(freshTerms[candidate])))
                func addFresh(before limit: Int32) {
                    while let posting = fresh.next(before: limit, input) {
                        add(input.freshDocs[posting])
                        size.positionBytes += input.freshBlockStarts[posting + 1] - input.freshBlockStarts[posting]
                    }
                }
                let oldTerm = Int(oldTerms[candidate])
                if oldTerm >= 0 {
                    size.positionBytes = old.positionStarts[oldTerm + 1] - old.positionStarts[oldTerm]
                    var removed = RemovedBlocks()
                    var offset = old.docStarts[oldTerm]
                    var oldDoc: UInt32 = 0
                    for posting in old.postingStarts[oldTerm]..<old.postingStarts[oldTerm + 1] {
                        oldDoc &+= PositionCoding.readVarint(input.oldDocs, &offset)
                        let doc = input.oldToNew[Int(oldDoc)]
                        if doc < 0 {
                            // Position blocks are found only for removed postings (few), from the skip table.
                            size.positionBytes -= removed.blockSize(posting, old: old, positions: input.oldPositions)
                        } else {
                            addFresh(before: doc)
                            add(doc)
                        }
                    }
                }
                addFresh(before: .max)
                return size
            }
        }
    }

    /// Writes the candidates of `range` at their places.
    func fill(_ range: Range<Int>, places: Places, out: PostingOutputs) {
        withInputs { input in
            for candidate in range where places.postings[candidate + 1] > places.postings[candidate] {
                var writer = PostingWriter(posting: places.postings[candidate], docByte: places.docBytes[candidate],
                                           positionByte: places.positions[candidate], out: out)
                var fresh = FreshCursor(input.freshPostings(of: Int(freshTerms[candidate])))
                func writeFresh(before limit: Int32) {
                    while let posting = fresh.next(before: limit, input) {
                        writer.write(doc: input.freshDocs[posting], tf: input.freshTFs[posting], positionByte: writer.positionByte)
                        writer.copyPositions(input.freshPositions, input.freshBlockStarts[posting]..<input.freshBlockStarts[posting + 1])
                    }
                }
                let oldTerm = Int(oldTerms[candidate])
                if oldTerm >= 0 {
                    var docOffset = old.docStarts[oldTerm]
                    var offset = old.positionStarts[oldTerm]
                    // Old position bytes `runStart..<offset` are kept and not yet copied; they go to `writer.positionByte`.
                    var runStart = offset
                    var oldDoc: UInt32 = 0
                    for posting in old.postingStarts[oldTerm]..<old.postingStarts[oldTerm + 1] {
                        oldDoc &+= PositionCoding.readVarint(input.oldDocs, &docOffset)
                        let blockEnd = PositionCoding.skipBlock(input.oldPositions, offset)
                        let doc = input.oldToNew[Int(oldDoc)]
                        if doc < 0 {
                            writer.copyPositions(input.oldPositions, runStart..<offset)
                            runStart = blockEnd
                        } else {
                            if fresh.hasNext(before: doc, input) {
                                writer.copyPositions(input.oldPositions, runStart..<offset)
                                runStart = offset
                                writeFresh(before: doc)
                            }
                            writer.write(doc: doc, tf: input.oldTFs[posting], positionByte: writer.positionByte + offset - runStart)
                        }
                        offset = blockEnd
                    }
                    writer.copyPositions(input.oldPositions, runStart..<offset)
                }
                writeFresh(before: .max)
                assert(writer.posting == places.postings[candidate + 1] && writer.docByte == places.docBytes[candidate + 1]
                       && writer.positionByte == places.positions[candidate + 1], "the fill matches the measure")
            }
        }
    }

    /// The input tables as buffer pointers, for one task.
    private func withInputs<R>(_ body: (Inputs) -> R) -> R {
        old.docBytes.withUnsafeBufferPointer { oldDocs in
            old.positions.withUnsafeBufferPointer { oldPositions in
                old.tfs.withUnsafeBufferPointer { oldTFs in
                    oldToNew.withUnsafeBufferPointer { oldToNew in
                        chunk.grouped.withUnsafeBufferPointer { freshGrouped in
                            chunk.docs.withUnsafeBufferPointer { freshDocs in
                                chunk.tfs.withUnsafeBufferPointer { freshTFs in
                                    chunk.blockStarts.withUnsafeBufferPointer { freshBlockStarts in
                                        chunk.positions.withUnsafeBufferPointer { freshPositions in
                                            body(Inputs(oldDocs: oldDocs, oldPositions: oldPositions, oldTFs: oldTFs, oldToNew: oldToNew,
                                                        freshGrouped: freshGrouped, freshDocs: freshDocs, freshTFs: freshTFs,
                                                        freshBlockStarts: freshBlockStarts, freshPositions: freshPositions,
                                                        freshTermStarts: chunk.termStarts))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The merge's inputs, as buffer pointers (valid inside `withInputs` only).
private struct Inputs {
    let oldDocs: UnsafeBufferPointer<UInt8>, oldPositions: UnsafeBufferPointer<UInt8>, oldTFs: UnsafeBufferPointer<UInt8>
    let oldToNew: UnsafeBufferPointer<Int32>
    let freshGrouped: UnsafeBufferPointer<Int32>, freshDocs: UnsafeBufferPointer<Int32>, freshTFs: UnsafeBufferPointer<UInt8>
    let freshBlockStarts: UnsafeBufferPointer<Int>, freshPositions: UnsafeBufferPointer<UInt8>
    let freshTermStarts: [Int]

    /// Indices into `freshGrouped` of fresh term `local`'s postings (empty for -1).
    func freshPostings(of local: Int) -> Range<Int> {
        local >= 0 ? freshTermStarts[local]..<freshTermStarts[local + 1] : 0..<0
    }
}

/// One term's fresh postings, taken in article order up to a limit.
private struct FreshCursor {
    private var range: Range<Int>

    init(_ range: Range<Int>) { self.range = range }

    /// Whether the next fresh posting's article comes before `limit`.
    @inline(__always)
    func hasNext(before limit: Int32, _ input: Inputs) -> Bool {
        !range.isEmpty && input.freshDocs[Int(input.freshGrouped[range.lowerBound])] < limit
    }

    /// The next fresh posting (an index into the chunk's postings), if its article comes before `limit`.
    @inline(__always)
    mutating func next(before limit: Int32, _ input: Inputs) -> Int? {
        guard hasNext(before: limit, input) else { return nil }
        defer { range = range.lowerBound + 1..<range.upperBound }
        return Int(input.freshGrouped[range.lowerBound])
    }
}

/// The size of removed old postings' position blocks, found from the skip table: the nearest skip
/// entry at or before the posting (or the last removed posting, when nearer), then block by block.
private struct RemovedBlocks {
    private var known = -1
    private var knownOffset = 0

    mutating func blockSize(_ posting: Int, old: FullTextIndex, positions: UnsafeBufferPointer<UInt8>) -> Int {
        let interval = FullTextIndex.skipInterval
        let skipped = posting / interval * interval
        var at = skipped, offset = old.skipPositions[posting / interval]
        if known >= skipped, known <= posting {
            at = known
            offset = knownOffset
        }
        while at < posting {
            offset = PositionCoding.skipBlock(positions, offset)
            at += 1
        }
        known = posting
        knownOffset = offset
        return PositionCoding.skipBlock(positions, offset) - offset
    }
}

/// Writes one term's postings at their place: doc deltas, frequencies, skip entries, position bytes.
private struct PostingWriter {
    private(set) var posting: Int
    private(set) var docByte: Int
    /// Where the next position bytes copied go.
    private(set) var positionByte: Int
    private var previous: Int32 = 0
    let out: PostingOutputs

    init(posting: Int, docByte: Int, positionByte: Int, out: PostingOutputs) {
        self.posting = posting
        self.docByte = docByte
        self.positionByte = positionByte
        self.out = out
    }

    /// One posting whose position block lands at `positionByte` (its skip entry, every 64th posting, says so).
    @inline(__always)
    mutating func write(doc: Int32, tf: UInt8, positionByte blockAt: Int) {
        if posting % FullTextIndex.skipInterval == 0 {
            let skip = posting / FullTextIndex.skipInterval
            out.skipDocs[skip] = doc
            out.skipDocBytes[skip] = docByte
            out.skipPositions[skip] = blockAt
        }
        docByte = PositionCoding.writeVarint(UInt32(doc - previous), to: out.docs, at: docByte)
        previous = doc
        out.tfs[posting] = tf
        posting += 1
    }

    /// Copies `range` of `source` to the next position bytes.
    @inline(__always)
    mutating func copyPositions(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        memcpy(out.positions.base.baseAddress! + positionByte, source.baseAddress! + range.lowerBound, range.count)
        positionByte += range.count
    }
}
