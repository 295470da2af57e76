/// Builds the postings of a contiguous run of articles; several run in parallel and are merged.
struct TextIndexBuilder {
    /// Title occurrences count this many times body ones (a simple BM25F field weight).
    static let titleWeight: UInt32 = 3

    private(set) var table = TermTable(capacity: 1 << 14)
    /// Per local term, in the current article: title count << 32 | body count (one cache line touched per token).
    private var counts: [UInt64] = []
    /// The current article's words as local term ids in position order; -1 marks a field boundary.
    private var articleTerms: [Int32] = []
    private var scratch: [UInt32] = []
    /// Position blocks (see `PositionCoding`) in article order, and each pair's block offset.
    private var positions: [UInt8] = []
    private var pairPosition: [UInt32] = []
    private var touched: [Int32] = []
    private var pairTerm: [Int32] = []
    private var pairDoc: [Int32] = []
    private var pairTF: [UInt16] = []
    private(set) var lengths: [UInt32] = []
    private var titleLength: UInt32 = 0
    private var bodyLength: UInt32 = 0

    /// The finished partial index: postings grouped by local term, article indices ascending.
    struct Partial: Sendable {
        var table: TermTable
        var termStarts: [Int]
        var docs: [Int32]
        var tfs: [UInt16]
        var lengths: [UInt32]
        /// Position blocks grouped like `docs`; `termPositionStarts[t]` is where term `t`'s blocks begin.
        var positions: [UInt8]
        var termPositionStarts: [Int]
    }

    /// Packs title and body term frequencies into 16 bits (4 + 12, saturating).
    @inline(__always)
    static func pack(title: UInt8, body: UInt16) -> UInt16 { UInt16(min(title, 15)) << 12 | min(body, 4095) }
    @inline(__always)
    static func weightedTF(_ packed: UInt16) -> UInt32 { UInt32(packed >> 12) * titleWeight + UInt32(packed & 0xFFF) }

    mutating func add(article: Article, index: Int) {
        add(article.title, isTitle: true)
        for paragraph in article.paragraphs {
            articleTerms.append(-1)
            add(paragraph, isTitle: false)
        }
        // Postings, then each touched term's slot in `counts` becomes its cursor into `scratch`.
        var offset: UInt64 = 0
        for term in touched {
            pairTerm.append(term)
            pairDoc.append(Int32(index))
            let count = counts[Int(term)]
            let title = count >> 32, body = count & 0xFFFF_FFFF
            pairTF.append(Self.pack(title: UInt8(min(title, 255)), body: UInt16(min(body, 4095))))
            counts[Int(term)] = offset
            offset += title + body
        }
        if scratch.count < Int(offset) { scratch = Array(repeating: 0, count: Int(offset) * 2) }
        var position: UInt32 = 0
        for term in articleTerms {
            if term >= 0 {
                scratch[Int(counts[Int(term)])] = position
                counts[Int(term)] += 1
            }
            position += 1
        }
        var start = 0
        scratch.withUnsafeBufferPointer { scratch in
            for term in touched {
                let end = Int(counts[Int(term)])
                pairPosition.append(UInt32(positions.count))
                PositionCoding.appendBlock(UnsafeBufferPointer(rebasing: scratch[start..<end]), to: &positions)
                start = end
                counts[Int(term)] = 0
            }
        }
        precondition(positions.count < Int(UInt32.max), "positions of one index chunk fit 32-bit offsets")
        touched.removeAll(keepingCapacity: true)
        articleTerms.removeAll(keepingCapacity: true)
        lengths.append(titleLength * Self.titleWeight + bodyLength)
        titleLength = 0
        bodyLength = 0
    }

    private mutating func add(_ text: String, isTitle: Bool) {
        var text = text
        text.withUTF8 { bytes in
            Tokenizer.scan(bytes) { start, end, ascii in
                let term = Int(self.termID(bytes, start, end, ascii))
                let count = self.counts[term]
                if count == 0 { self.touched.append(Int32(term)) }
                self.articleTerms.append(Int32(term))
                if isTitle {
                    self.counts[term] = count &+ (1 << 32)
                    self.titleLength += 1
                } else {
                    self.counts[term] = count &+ 1
                    self.bodyLength += 1
                }
            }
        }
    }

    private mutating func termID(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ ascii: Bool) -> Int32 {
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let rawHash = TermTable.hash(raw)
        if let found = table.find(raw, hash: rawHash) { return found }
        let key = raw.map(TextFolding.asciiLower)
        return key.withUnsafeBufferPointer { key in
            if ascii { return newTerm(key, hash: rawHash, term: nil) }
            // A new non-ASCII spelling: fold once, then map this spelling to the folded term.
            let folded = Array(TextFolding.foldUnicode(String(decoding: key, as: UTF8.self)).utf8)
            if folded.elementsEqual(key) { return newTerm(key, hash: rawHash, term: nil) }
            let term = folded.withUnsafeBufferPointer { folded in
                let hash = TermTable.hash(folded)
                return table.find(folded, hash: hash) ?? newTerm(folded, hash: hash, term: nil)
            }
            return newTerm(key, hash: rawHash, term: term)
        }
    }

    private mutating func newTerm(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32, term: Int32?) -> Int32 {
        let id = table.insert(key, hash: hash, term: term)
        if term == nil { counts.append(0) }
        return id
    }

    /// Groups the collected (term, article) pairs by term with a counting sort, position blocks with them.
    consuming func finish() -> Partial {
        let termCount = table.termCount
        var starts = Array(repeating: 0, count: termCount + 1)
        var byteStarts = Array(repeating: 0, count: termCount + 1)
        positions.withUnsafeBufferPointer { positions in
            for p in 0..<pairTerm.count {
                let term = Int(pairTerm[p]) + 1
                starts[term] += 1
                let offset = Int(pairPosition[p])
                byteStarts[term] += PositionCoding.skipBlock(positions, offset) - offset
            }
        }
        for t in 0..<termCount {
            starts[t + 1] += starts[t]
            byteStarts[t + 1] += byteStarts[t]
        }
        var cursor = starts
        var byteCursor = byteStarts
        var docs = Array(repeating: Int32(0), count: pairTerm.count)
        var tfs = Array(repeating: UInt16(0), count: pairTerm.count)
        var grouped = [UInt8](repeating: 0, count: byteStarts[termCount])
        positions.withUnsafeBufferPointer { positions in
            grouped.withUnsafeMutableBufferPointer { grouped in
                for p in 0..<pairTerm.count {
                    let term = Int(pairTerm[p])
                    let slot = cursor[term]
                    cursor[term] = slot + 1
                    docs[slot] = pairDoc[p]
                    tfs[slot] = pairTF[p]
                    let offset = Int(pairPosition[p])
                    let length = PositionCoding.skipBlock(positions, offset) - offset
                    let destination = byteCursor[term]
                    byteCursor[term] = destination + length
                    for k in 0..<length { grouped[destination + k] = positions[offset + k] }
                }
            }
        }
        return Partial(table: table, termStarts: starts, docs: docs, tfs: tfs, lengths: lengths,
                       positions: grouped, termPositionStarts: byteStarts)
    }
}
