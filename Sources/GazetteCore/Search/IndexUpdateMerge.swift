/// The term-by-term merge behind `FullTextIndex.updated`, on all cores.
///
/// The output's candidate terms (the old index's and the fresh articles', merged in byte order)
/// are cut into ranges of about equal postings. A first pass measures each term's output
/// (postings, doc bytes, position bytes); prefix sums place every term; a second pass writes each
/// range straight into the preallocated tables, so no range waits for another and nothing is
/// appended or copied twice. Kept postings' position blocks are copied in runs (one `memcpy`
/// between two removed or inserted postings); doc deltas are re-coded for the new numbering.
struct IndexUpdateMerge: Sendable {
    let old: FullTextIndex
    /// Per old article, its number in the new index, or -1 when it is gone or changed.
    let oldToNew: [Int32]
    let chunk: FreshPostings
    /// Per candidate term, in byte order: its old term id and its fresh local term id (-1: none).
    let oldTerms: [Int32]
    let freshTerms: [Int32]

    /// One candidate term's share of the output.
    struct Size {
        var postings = 0
        var docBytes = 0
        var positionBytes = 0
    }

    /// The finished tables (per output term: a candidate that kept at least one posting).
    struct Tables {
        var termBytes: [UInt8] = []
        var termOffsets: [Int] = [0]
        var postingStarts: [Int] = [0]
        var docStarts: [Int] = [0]
        var positionStarts: [Int] = [0]
        var docBytes: [UInt8] = []
        var tfs: [UInt8] = []
        var positions: [UInt8] = []
        var skipDocs: [Int32] = []
        var skipDocBytes: [Int] = []
        var skipPositions: [Int] = []
    }

    init(old: FullTextIndex, oldToNew: [Int32], chunk: FreshPostings) {
        self.old = old
        self.oldToNew = oldToNew
        self.chunk = chunk
        // Each fresh term found among the old ones by binary search (few fresh terms, many old).
        var oldTerms: [Int32] = [], freshTerms: [Int32] = []
        oldTerms.reserveCapacity(old.termCount + chunk.order.count)
        freshTerms.reserveCapacity(old.termCount + chunk.order.count)
        old.termBytes.withUnsafeBufferPointer { oldBytes in
            chunk.termBytes.withUnsafeBufferPointer { freshBytes in
                var next = 0
                for local in chunk.order {
                    let start = chunk.termOffsets[Int(local)], end = chunk.termOffsets[Int(local) + 1]
                    func comparison(_ term: Int) -> Int {
                        FullTextIndex.compare(oldBytes, old.termOffsets[term], old.termOffsets[term + 1], freshBytes, start, end)
                    }
                    var low = next, high = old.termCount
                    while low < high {
                        let mid = (low + high) / 2
                        if comparison(mid) < 0 { low = mid + 1 } else { high = mid }
                    }
                    for term in next..<low {
                        oldTerms.append(Int32(term))
                        freshTerms.append(-1)
                    }
                    let shared = low < old.termCount && comparison(low) == 0
                    oldTerms.append(shared ? Int32(low) : -1)
                    freshTerms.append(local)
                    next = shared ? low + 1 : low
                }
                for term in next..<old.termCount {
                    oldTerms.append(Int32(term))
                    freshTerms.append(-1)
                }
            }
        }
        self.oldTerms = oldTerms
        self.freshTerms = freshTerms
    }

    /// The merged tables, measured then written in parallel over ranges of candidate terms.
    func run(parts: Int) -> Tables {
        let ranges = balancedRanges(parts: parts)
        let measured = Parallel.map(ranges.count) { part in measure(ranges[part]) }
        let candidates = oldTerms.count
        var tables = Tables()
        // Where each candidate's output starts (candidates left empty take no room and no term).
        var postingAt = [Int](repeating: 0, count: candidates + 1)
        var docAt = postingAt, positionAt = postingAt
        var candidate = 0
        for sizes in measured {
            for size in sizes {
                postingAt[candidate + 1] = postingAt[candidate] + size.postings
                docAt[candidate + 1] = docAt[candidate] + size.docBytes
                positionAt[candidate + 1] = positionAt[candidate] + size.positionBytes
                if size.postings > 0 {
                    appendTerm(candidate, to: &tables.termBytes)
                    tables.termOffsets.append(tables.termBytes.count)
                    tables.postingStarts.append(postingAt[candidate + 1])
                    tables.docStarts.append(docAt[candidate + 1])
                    tables.positionStarts.append(positionAt[candidate + 1])
                }
                candidate += 1
            }
        }
        let total = postingAt[candidates]
        let skipCount = (total + FullTextIndex.skipInterval - 1) / FullTextIndex.skipInterval
        // Not zero-filled: the fill writes every element exactly once.
        var docBytes: [UInt8] = Self.unfilled(docAt[candidates]), tfs: [UInt8] = Self.unfilled(total)
        var positions: [UInt8] = Self.unfilled(positionAt[candidates])
        var skipDocs: [Int32] = Self.unfilled(skipCount)
        var skipDocBytes: [Int] = Self.unfilled(skipCount), skipPositions: [Int] = Self.unfilled(skipCount)
        let places = Places(postings: postingAt, docBytes: docAt, positions: positionAt)
        PostingOutputs.writing(docs: &docBytes, tfs: &tfs, positions: &positions, skipDocs: &skipDocs,
                               skipDocBytes: &skipDocBytes, skipPositions: &skipPositions) { out in
            Parallel.forEach(ranges.count) { part in fill(ranges[part], places: places, out: out) }
        }
        (tables.docBytes, tables.tfs, tables.positions) = (docBytes, tfs, positions)
        (tables.skipDocs, tables.skipDocBytes, tables.skipPositions) = (skipDocs, skipDocBytes, skipPositions)
        return tables
    }

    /// Candidate ranges of about `total / parts` input postings each (old plus fresh), in order.
    private func balancedRanges(parts: Int) -> [Range<Int>] {
        let candidates = oldTerms.count
        let total = old.tfs.count + chunk.docs.count
        guard candidates > 0 else { return [] }
        var ranges: [Range<Int>] = []
        var start = 0, weight = 0
        for candidate in 0..<candidates {
            weight += weightOf(candidate)
            if weight * parts >= total * (ranges.count + 1), ranges.count < parts - 1 {
                ranges.append(start..<candidate + 1)
                start = candidate + 1
            }
        }
        if start < candidates || ranges.isEmpty { ranges.append(start..<candidates) }
        return ranges
    }

    private func weightOf(_ candidate: Int) -> Int {
        let oldTerm = Int(oldTerms[candidate]), freshTerm = Int(freshTerms[candidate])
        return (oldTerm >= 0 ? old.documentFrequency(oldTerm) : 0)
            + (freshTerm >= 0 ? chunk.termStarts[freshTerm + 1] - chunk.termStarts[freshTerm] : 0)
    }

    private func appendTerm(_ candidate: Int, to bytes: inout [UInt8]) {
        let oldTerm = Int(oldTerms[candidate])
        if oldTerm >= 0 {
            old.termBytes.withUnsafeBufferPointer { bytes.append(contentsOf: $0[old.termOffsets[oldTerm]..<old.termOffsets[oldTerm + 1]]) }
        } else {
            let local = Int(freshTerms[candidate])
            bytes.append(contentsOf: chunk.termBytes[chunk.termOffsets[local]..<chunk.termOffsets[local + 1]])
        }
    }

    /// An array of `count` plain values left as the allocator gives them, for the fill to write.
    private static func unfilled<T: BitwiseCopyable>(_ count: Int) -> [T] {
        [T](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// Where each candidate's output starts, by candidate (`count + 1` entries each).
    struct Places: Sendable {
        let postings: [Int], docBytes: [Int], positions: [Int]
    }
}
