/// The new and changed articles' postings, grouped by term, terms sorted by bytes.
struct FreshPostings {
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
