/// Merges the chunks of a parallel index build into the final compact encoding.
///
/// Each chunk's postings are scattered straight from their collection order into place (no
/// grouped intermediate copy), on all cores, and each chunk is freed as soon as it is copied,
/// so the build's peak stays near the size of the finished index.
struct IndexMerge {
    var termBytes: [UInt8] = []
    var termOffsets: [Int] = [0]
    var postingStarts: [Int] = []
    var docStarts: [Int] = []
    var docBytes: [UInt8] = []
    var tfs: [UInt8] = []
    var positions: [UInt8] = []
    var positionStarts: [Int] = []
    var skipDocs: [Int32] = []
    var skipDocBytes: [Int] = []
    var skipPositions: [Int] = []
    var lengths: [UInt32] = []

    /// Per local term of one chunk: its postings' sizes, or (after placement) where they go.
    private struct Segment {
        var count = 0
        var docBytes = 0
        var positionBytes = 0
        var firstDoc: Int32 = -1
        var lastDoc: Int32 = 0
    }

    /// `chunks[p]` holds articles from `firstArticle[p]` on; chunks are in article order.
    init(chunks: SlotArray<TextIndexBuilder.Chunk>, firstArticle: [Int], skipInterval: Int) {
        // Global dictionary, numbered in byte order so prefixes are ranges.
        var global = TermTable(capacity: max(16, (chunks.count > 0 ? chunks.read(0) { $0.table.termCount } : 8) * 2))
        let localToGlobal: [[Int32]] = (0..<chunks.count).map { p in
            chunks.read(p) { chunk in
                (0..<chunk.table.termCount).map { local in
                    chunk.table.withTermBytes(local) { key in
                        let hashed = TermTable.key(key)
                        return global.find(key, hashed) ?? global.insert(key, hashed)
                    }
                }
            }
        }
        var globalBytes: [UInt8] = []
        var globalOffsets: [Int] = [0]
        for term in 0..<global.termCount {
            global.withTermBytes(term) { globalBytes.append(contentsOf: $0) }
            globalOffsets.append(globalBytes.count)
        }
        let order: [Int32] = globalBytes.withUnsafeBufferPointer { bytes in
            Array(0..<Int32(global.termCount)).sorted { a, b in
                FullTextIndex.compare(bytes, globalOffsets[Int(a)], globalOffsets[Int(a) + 1],
                                      bytes, globalOffsets[Int(b)], globalOffsets[Int(b) + 1]) < 0
            }
        }
        let termCount = order.count
        var rank = Array(repeating: Int32(0), count: termCount)
        termBytes.reserveCapacity(globalBytes.count)
        termOffsets.reserveCapacity(termCount + 1)
        for (position, term) in order.enumerated() {
            rank[Int(term)] = Int32(position)
            termBytes.append(contentsOf: globalBytes[globalOffsets[Int(term)]..<globalOffsets[Int(term) + 1]])
            termOffsets.append(termBytes.count)
        }

        // Sizes of each chunk's segment of each term, in parallel.
        var segments: [[Segment]] = Parallel.map(chunks.count) { p in
            chunks.read(p) { Self.measure($0, firstArticle: firstArticle[p]) }
        }

        // Lay out terms in byte order, chunks in article order within a term; a segment's first
        // doc id is a delta from the previous chunk's last one, so its size is known only here.
        postingStarts = Array(repeating: 0, count: termCount + 1)
        docStarts = Array(repeating: 0, count: termCount + 1)
        positionStarts = Array(repeating: 0, count: termCount + 1)
        var previousDoc = Array(repeating: Int32(0), count: termCount)
        for p in 0..<chunks.count {
            for local in segments[p].indices {
                let term = Int(rank[Int(localToGlobal[p][local])])
                var segment = segments[p][local]
                guard segment.count > 0 else { continue }
                segment.docBytes += PositionCoding.varintSize(UInt32(segment.firstDoc - previousDoc[term]))
                previousDoc[term] = segment.lastDoc
                segments[p][local] = segment
                postingStarts[term + 1] += segment.count
                docStarts[term + 1] += segment.docBytes
                positionStarts[term + 1] += segment.positionBytes
            }
        }
        for t in 0..<termCount {
            postingStarts[t + 1] += postingStarts[t]
            docStarts[t + 1] += docStarts[t]
            positionStarts[t + 1] += positionStarts[t]
        }
        // Turn sizes into destinations: count → posting slot, bytes → offsets, firstDoc → the doc before.
        var slot = postingStarts, docByte = docStarts, positionByte = positionStarts
        for t in 0..<termCount { previousDoc[t] = 0 }
        for p in 0..<chunks.count {
            for local in segments[p].indices {
                let term = Int(rank[Int(localToGlobal[p][local])])
                let size = segments[p][local]
                guard size.count > 0 else { continue }
                segments[p][local] = Segment(count: slot[term], docBytes: docByte[term], positionBytes: positionByte[term],
                                             firstDoc: previousDoc[term], lastDoc: 0)
                slot[term] += size.count
                docByte[term] += size.docBytes
                positionByte[term] += size.positionBytes
                previousDoc[term] = size.lastDoc
            }
        }

        let allLengths = (0..<chunks.count).flatMap { p in chunks.read(p) { $0.lengths } }
        let total = postingStarts[termCount]
        // Not zero-filled: the scatter writes every element exactly once (each posting's doc
        // varint, frequency and position block; each 64th posting's skip entry), so a page is
        // first touched when a chunk writes it, while the chunks already copied are being freed;
        // zero-filling made all of the index resident while every chunk was still held.
        docBytes = Self.unfilled(docStarts[termCount])
        tfs = Self.unfilled(total)
        positions = Self.unfilled(positionStarts[termCount])
        let skipCount = (total + skipInterval - 1) / skipInterval
        skipDocs = Self.unfilled(skipCount)
        skipDocBytes = Self.unfilled(skipCount)
        skipPositions = Self.unfilled(skipCount)
        let destinations = segments
        segments = []
        PostingOutputs.writing(docs: &docBytes, tfs: &tfs, positions: &positions, skipDocs: &skipDocs,
                               skipDocBytes: &skipDocBytes, skipPositions: &skipPositions) { out in
            Parallel.forEach(chunks.count) { p in
                // Moved out of its slot: freed when this task is done with it.
                let chunk = chunks.take(p)
                Self.scatter(chunk, firstArticle: firstArticle[p], into: destinations[p], out: out, skipInterval: skipInterval)
            }
        }
        lengths = allLengths
    }

    /// An array of `count` plain values left as the allocator gives them, for the scatter to fill.
    private static func unfilled<T: BitwiseCopyable>(_ count: Int) -> [T] {
        [T](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// Per local term: posting count, bytes of doc deltas after the first, position bytes, first and last doc.
    private static func measure(_ chunk: TextIndexBuilder.Chunk, firstArticle: Int) -> [Segment] {
        var segments = [Segment](repeating: Segment(), count: chunk.table.termCount)
        let terms = chunk.terms, articleEnds = chunk.articleEnds
        chunk.positions.withUnsafeBufferPointer { positions in
            var posting = 0, offset = 0
            for (a, end) in articleEnds.enumerated() {
                let doc = Int32(firstArticle + a)
                while posting < Int(end) {
                    let term = Int(terms[posting])
                    let next = PositionCoding.skipBlock(positions, offset)
                    if segments[term].count == 0 {
                        segments[term].firstDoc = doc
                    } else {
                        segments[term].docBytes += PositionCoding.varintSize(UInt32(doc - segments[term].lastDoc))
                    }
                    segments[term].lastDoc = doc
                    segments[term].count += 1
                    segments[term].positionBytes += next - offset
                    offset = next
                    posting += 1
                }
            }
        }
        return segments
    }

    /// Copies one chunk's postings to their destinations (`count` = slot, `firstDoc` = previous doc).
    private static func scatter(_ chunk: TextIndexBuilder.Chunk, firstArticle: Int, into destinations: [Segment],
                                out: PostingOutputs, skipInterval: Int) {
        var cursors = destinations
        // Through buffer pointers: an `Array` subscript write checks uniqueness on every posting.
        cursors.withUnsafeMutableBufferPointer { cursors in
            chunk.terms.withUnsafeBufferPointer { terms in
                chunk.tfs.withUnsafeBufferPointer { tfs in
                    chunk.positions.withUnsafeBufferPointer { positions in
                        var posting = 0, offset = 0
                        // The cursor of the posting `lookahead` on is loaded early, so its cache
                        // miss overlaps this posting's work instead of stalling on its own turn.
                        let lookahead = 8
                        let prefetchEnd = terms.count - lookahead
                        var sink: UInt64 = 0
                        for (a, end) in chunk.articleEnds.enumerated() {
                            let doc = Int32(firstArticle + a)
                            while posting < Int(end) {
                                let term = Int(terms[posting])
                                if posting < prefetchEnd { sink &+= UInt64(truncatingIfNeeded: cursors[Int(terms[posting + lookahead])].count) }
                                let next = PositionCoding.skipBlock(positions, offset)
                                var cursor = cursors[term]
                                if cursor.count % skipInterval == 0 {
                                    let skip = cursor.count / skipInterval
                                    out.skipDocs[skip] = doc
                                    out.skipDocBytes[skip] = cursor.docBytes
                                    out.skipPositions[skip] = cursor.positionBytes
                                }
                                cursor.docBytes = PositionCoding.writeVarint(UInt32(doc - cursor.firstDoc), to: out.docs, at: cursor.docBytes)
                                cursor.firstDoc = doc
                                out.tfs[cursor.count] = tfs[posting]
                                cursor.count += 1
                                for k in offset..<next { out.positions[cursor.positionBytes + k - offset] = positions[k] }
                                cursor.positionBytes += next - offset
                                cursors[term] = cursor
                                offset = next
                                posting += 1
                            }
                        }
                        Lookahead.keep(sink)
                    }
                }
            }
        }
    }
}
