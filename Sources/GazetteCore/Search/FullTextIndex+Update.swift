/// Bringing an index up to date after a few articles changed, without re-reading the others.
///
/// A refresh after 1% of the files changed used to rebuild the whole index (tokenising every
/// article again: most of a cold load's CPU). Here only the new and changed articles are
/// tokenised, into one builder chunk; every other posting is copied from the old index (its
/// frequency byte and position block verbatim, its article renumbered), merged term by term with
/// the chunk's. The result is the index a fresh build over the same articles would make: same
/// terms, same postings in the same order, same lengths, so the same answers and scores.
extension FullTextIndex {
    /// The index over `articles`, from `old` and `previous[k]`: the article of `old` that article
    /// `k` is (same text), or -1 for a new or changed one. nil when the update would not pay
    /// (most articles new) or the kept articles changed their relative order: the caller rebuilds.
    static func updated(_ old: FullTextIndex, previous: [Int32], articles: ArticleList) -> FullTextIndex? {
        let count = articles.count
        guard previous.count == count else { return nil }
        var oldToNew = [Int32](repeating: -1, count: old.lengths.count)
        var fresh: [Int32] = []
        var last: Int32 = -1
        for k in 0..<count {
            let before = previous[k]
            if before < 0 {
                fresh.append(Int32(k))
                continue
            }
            guard before > last, Int(before) < oldToNew.count else { return nil }
            last = before
            oldToNew[Int(before)] = Int32(k)
        }
        guard fresh.count <= count / 2 else { return nil }
        let chunk = FreshPostings(articles: articles, fresh: fresh, commonWords: old.commonWords)
        var out = IndexUpdateOutput(reserving: old, chunk: chunk)
        old.termBytes.withUnsafeBufferPointer { oldTerms in
            var oldTerm = 0, freshTerm = 0
            while oldTerm < old.termCount || freshTerm < chunk.order.count {
                let local = freshTerm < chunk.order.count ? Int(chunk.order[freshTerm]) : -1
                var comparison: Int
                if oldTerm == old.termCount {
                    comparison = 1
                } else if local < 0 {
                    comparison = -1
                } else {
                    comparison = chunk.termBytes.withUnsafeBufferPointer { freshBytes in
                        FullTextIndex.compare(oldTerms, old.termOffsets[oldTerm], old.termOffsets[oldTerm + 1],
                                              freshBytes, chunk.termOffsets[local], chunk.termOffsets[local + 1])
                    }
                }
                let fromOld = comparison <= 0 ? oldTerm : -1
                let fromFresh = comparison >= 0 ? local : -1
                out.addTerm(old: old, oldTerm: fromOld, oldToNew: oldToNew, chunk: chunk, freshTerm: fromFresh)
                if comparison <= 0 { oldTerm += 1 }
                if comparison >= 0 { freshTerm += 1 }
            }
        }
        var lengths = [UInt32](repeating: 0, count: count)
        var next = 0
        for k in 0..<count {
            if previous[k] >= 0 {
                lengths[k] = old.lengths[Int(previous[k])]
            } else {
                lengths[k] = chunk.lengths[next]
                next += 1
            }
        }
        let average = count == 0 ? 1 : max(1, Double(lengths.reduce(0) { $0 + Int($1) }) / Double(count))
        return FullTextIndex(termBytes: FlatArray(out.termBytes), termOffsets: FlatArray(out.termOffsets),
                             postingStarts: FlatArray(out.postingStarts), docStarts: FlatArray(out.docStarts),
                             docBytes: FlatArray(out.docBytes), tfs: FlatArray(out.tfs), lengths: FlatArray(lengths),
                             averageLength: average, positions: FlatArray(out.positions),
                             positionStarts: FlatArray(out.positionStarts), skipDocs: FlatArray(out.skipDocs),
                             skipDocBytes: FlatArray(out.skipDocBytes), skipPositions: FlatArray(out.skipPositions))
    }
}

/// The new and changed articles' postings, grouped by term, terms sorted by bytes.
private struct FreshPostings {
    /// Local term ids in byte order.
    let order: [Int32]
    let termBytes: [UInt8]
    let termOffsets: [Int]
    /// Postings of local term `t`: `grouped[termStarts[t]..<termStarts[t + 1]]`, in article order.
    let termStarts: [Int]
    let grouped: [Int32]
    /// Per posting: its article (in the new store), packed frequency, position block bounds.
    let docs: [Int32]
    let tfs: [UInt8]
    let blockStarts: [Int]
    let positions: [UInt8]
    let lengths: [UInt32]

    /// `commonWords`: the old index's, so the new articles' pairs are indexed as the kept ones' were.
    init(articles: ArticleList, fresh: [Int32], commonWords: CommonWords) {
        let bytes = fresh.reduce(0) { total, k in
            let article = articles[Int(k)]
            return total + article.title.utf8.count + article.bodyUTF8.count
        }
        var builder = TextIndexBuilder(expectedBytes: bytes, commonWords: commonWords)
        for k in fresh { builder.add(article: articles[Int(k)]) }
        let chunk = builder.finish()
        let postingCount = chunk.terms.count
        var docs = [Int32](repeating: 0, count: postingCount)
        var article = 0
        for posting in 0..<postingCount {
            while posting >= Int(chunk.articleEnds[article]) { article += 1 }
            docs[posting] = fresh[article]
        }
        var blockStarts = [Int](repeating: 0, count: postingCount + 1)
        chunk.positions.withUnsafeBufferPointer { positions in
            var offset = 0
            for posting in 0..<postingCount {
                blockStarts[posting] = offset
                offset = PositionCoding.skipBlock(positions, offset)
            }
            blockStarts[postingCount] = offset
        }
        let termCount = chunk.table.termCount
        var termStarts = [Int](repeating: 0, count: termCount + 1)
        for term in chunk.terms { termStarts[Int(term) + 1] += 1 }
        for t in 0..<termCount { termStarts[t + 1] += termStarts[t] }
        var cursor = termStarts
        var grouped = [Int32](repeating: 0, count: postingCount)
        for posting in 0..<postingCount {
            let term = Int(chunk.terms[posting])
            grouped[cursor[term]] = Int32(posting)
            cursor[term] += 1
        }
        var termBytes: [UInt8] = []
        var termOffsets = [0]
        for term in 0..<termCount {
            chunk.table.withTermBytes(term) { termBytes.append(contentsOf: $0) }
            termOffsets.append(termBytes.count)
        }
        order = termBytes.withUnsafeBufferPointer { bytes in
            Array(0..<Int32(termCount)).sorted { a, b in
                FullTextIndex.compare(bytes, termOffsets[Int(a)], termOffsets[Int(a) + 1],
                                      bytes, termOffsets[Int(b)], termOffsets[Int(b) + 1]) < 0
            }
        }
        self.termBytes = termBytes
        self.termOffsets = termOffsets
        self.termStarts = termStarts
        self.grouped = grouped
        self.docs = docs
        tfs = chunk.tfs
        self.blockStarts = blockStarts
        positions = chunk.positions
        lengths = chunk.lengths
    }
}

/// The updated index's tables, written term by term in byte order.
private struct IndexUpdateOutput {
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

    init(reserving old: FullTextIndex, chunk: FreshPostings) {
        termBytes.reserveCapacity(old.termBytes.count + chunk.termBytes.count)
        docBytes.reserveCapacity(old.docBytes.count + chunk.docs.count * 3)
        tfs.reserveCapacity(old.tfs.count + chunk.tfs.count)
        positions.reserveCapacity(old.positions.count + chunk.positions.count)
        let skips = (old.tfs.count + chunk.tfs.count) / FullTextIndex.skipInterval + 1
        skipDocs.reserveCapacity(skips)
        skipDocBytes.reserveCapacity(skips)
        skipPositions.reserveCapacity(skips)
    }

    /// One term: the old index's postings of `oldTerm` whose articles remain (renumbered) merged
    /// with the chunk's postings of `freshTerm` (either may be -1). A term left with no postings
    /// is dropped, as a fresh build would never have seen it.
    mutating func addTerm(old: FullTextIndex, oldTerm: Int, oldToNew: [Int32], chunk: FreshPostings, freshTerm: Int) {
        let postingsBefore = tfs.count
        var previousDoc: Int32 = 0
        var freshCursor = freshTerm >= 0 ? chunk.termStarts[freshTerm] : 0
        let freshEnd = freshTerm >= 0 ? chunk.termStarts[freshTerm + 1] : 0
        old.docBytes.withUnsafeBufferPointer { oldDocs in
            old.positions.withUnsafeBufferPointer { oldPositions in
                chunk.positions.withUnsafeBufferPointer { freshPositions in
                    // Kept old postings that follow each other have adjacent position blocks:
                    // copied as one run when it ends, not one small append per posting.
                    var run = 0..<0
                    func flush() {
                        if !run.isEmpty { positions.append(contentsOf: UnsafeBufferPointer(rebasing: oldPositions[run])) }
                        run = 0..<0
                    }
                    func emitFresh(upTo limit: Int32) {
                        while freshCursor < freshEnd {
                            let posting = Int(chunk.grouped[freshCursor])
                            let doc = chunk.docs[posting]
                            guard doc < limit else { return }
                            flush()
                            emit(doc: doc, previous: &previousDoc, tf: chunk.tfs[posting], pendingPositions: 0)
                            positions.append(contentsOf: UnsafeBufferPointer(
                                rebasing: freshPositions[chunk.blockStarts[posting]..<chunk.blockStarts[posting + 1]]))
                            freshCursor += 1
                        }
                    }
                    if oldTerm >= 0 {
                        var docOffset = old.docStarts[oldTerm]
                        var positionOffset = old.positionStarts[oldTerm]
                        var oldDoc: UInt32 = 0
                        old.tfs.withUnsafeBufferPointer { oldTFs in
                            for posting in old.postingStarts[oldTerm]..<old.postingStarts[oldTerm + 1] {
                                oldDoc &+= PositionCoding.readVarint(oldDocs, &docOffset)
                                let blockEnd = PositionCoding.skipBlock(oldPositions, positionOffset)
                                let doc = oldToNew[Int(oldDoc)]
                                if doc >= 0 {
                                    emitFresh(upTo: doc)
                                    if run.upperBound != positionOffset { flush() }
                                    emit(doc: doc, previous: &previousDoc, tf: oldTFs[posting], pendingPositions: run.count)
                                    run = (run.isEmpty ? positionOffset : run.lowerBound)..<blockEnd
                                }
                                positionOffset = blockEnd
                            }
                        }
                        flush()
                    }
                    emitFresh(upTo: .max)
                }
            }
        }
        guard tfs.count > postingsBefore else { return }
        if oldTerm >= 0 {
            old.termBytes.withUnsafeBufferPointer { termBytes.append(contentsOf: $0[old.termOffsets[oldTerm]..<old.termOffsets[oldTerm + 1]]) }
        } else {
            termBytes.append(contentsOf: chunk.termBytes[chunk.termOffsets[freshTerm]..<chunk.termOffsets[freshTerm + 1]])
        }
        termOffsets.append(termBytes.count)
        postingStarts.append(tfs.count)
        docStarts.append(docBytes.count)
        positionStarts.append(positions.count)
    }

    /// One posting's doc delta, frequency and (every 64th posting) skip entry; its position block
    /// is appended by the caller, after `pendingPositions` bytes not yet copied.
    @inline(__always)
    private mutating func emit(doc: Int32, previous: inout Int32, tf: UInt8, pendingPositions: Int) {
        if tfs.count % FullTextIndex.skipInterval == 0 {
            skipDocs.append(doc)
            skipDocBytes.append(docBytes.count)
            skipPositions.append(positions.count + pendingPositions)
        }
        PositionCoding.appendVarint(UInt32(doc - previous), to: &docBytes)
        previous = doc
        tfs.append(tf)
    }
}
