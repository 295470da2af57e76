/// Collects the postings of a contiguous run of articles; several run in parallel, then are merged.
///
/// Postings stay in article order as they are found (a term id and a packed frequency each, plus
/// one position block); the merge scatters them straight into the final encoding, so no grouped
/// per-chunk copy is ever made.
struct TextIndexBuilder {
    /// Title occurrences count this many times body ones (a simple BM25F field weight).
    static let titleWeight: UInt32 = 3

    private(set) var table = TermTable(capacity: 1 << 14)
    /// Per local term, in the current article: title count << 32 | body count (one cache line touched per token).
    private var counts: [UInt64] = []
    /// The current article's words as local term ids in position order; -1 marks a field boundary.
    private var articleTerms: [Int32] = []
    private var scratch: [UInt32] = []
    private var touched: [Int32] = []
    // Collected postings (see `Chunk`); plain struct fields so appends carry no exclusivity checks.
    private var terms: [Int32] = []
    private var tfs: [UInt8] = []
    private var articleEnds: [UInt32] = []
    private var positions: [UInt8] = []
    private var lengths: [UInt32] = []
    private var titleLength: UInt32 = 0
    private var bodyLength: UInt32 = 0
    /// Pairs of common words get postings of their own (see `CommonWords`).
    private var pairs: PairPostings
    /// Tokens scanned but not yet looked up: a line's words are looked up in batches, their
    /// table slots loaded together first, so the cache misses overlap instead of queueing.
    private var pending: [PendingToken] = []
    private static let batchSize = 16

    private struct PendingToken {
        var start: Int
        var end: Int
        var ascii: Bool
        var key: TermTable.Key
    }

    /// One chunk's postings in article order. The merge holds chunks in a `SlotArray` and moves
    /// each out as it copies it, so its memory goes as soon as it is merged.
    struct Chunk: Sendable {
        /// Local term id of each posting.
        let terms: [Int32]
        /// Packed title/body frequency of each posting (see `pack`).
        let tfs: [UInt8]
        /// Per article of the chunk, the end of its postings in `terms`.
        let articleEnds: [UInt32]
        /// One position block per posting (see `PositionCoding`), in posting order.
        let positions: [UInt8]
        let lengths: [UInt32]
        let table: TermTable
    }

    /// Packs title and body term frequencies into a byte (2 + 6 bits, saturating: BM25 barely moves past that).
    @inline(__always)
    static func pack(title: UInt64, body: UInt64) -> UInt8 { UInt8(min(title, 3)) << 6 | UInt8(min(body, 63)) }
    @inline(__always)
    static func weightedTF(_ packed: UInt8) -> UInt32 { UInt32(packed >> 6) * titleWeight + UInt32(packed & 63) }

    init(expectedBytes: Int, commonWords: CommonWords = .empty) {
        pairs = PairPostings(commonWords)
        // About one posting per 10 bytes of text and one position byte per 3 (measured on the
        // bench corpus). Reserving a little more avoids regrowth: a doubling copies the array and
        // holds both at once, on every core, at the build's peak. Pages never written are never resident.
        terms.reserveCapacity(expectedBytes / 8)
        tfs.reserveCapacity(expectedBytes / 8)
        positions.reserveCapacity(expectedBytes / 5 * 2)
    }

    mutating func add(article: Article) {
        add(article.title, isTitle: true)
        // Straight from the body buffer, line by line, never a String per paragraph. Lines of
        // one paragraph are one run of words (a phrase may span a line break); an empty line
        // starts a new paragraph.
        article.bodyUTF8.withUnsafeBufferPointer { body in
            guard !body.isEmpty else { return }
            var start = 0
            var paragraphOpen = false
            while start <= body.count {
                var end = start
                while end < body.count && body[end] != 0x0A { end += 1 }
                if end == start {
                    paragraphOpen = false
                } else {
                    if !paragraphOpen { articleTerms.append(-1) }  // a paragraph break: phrases never span it
                    paragraphOpen = true
                    add(bytes: UnsafeBufferPointer(rebasing: body[start..<end]), isTitle: false)
                }
                start = end + 1
            }
        }
        if pairs.isActive { findPairs() }
        // Postings, then each touched term's slot in `counts` becomes its cursor into `scratch`.
        var offset: UInt64 = 0
        for term in touched {
            terms.append(term)
            let count = counts[Int(term)]
            let title = count >> 32, body = count & 0xFFFF_FFFF
            tfs.append(Self.pack(title: title, body: body))
            counts[Int(term)] = offset
            offset += title + body
        }
        articleEnds.append(UInt32(terms.count))
        if scratch.count < Int(offset) { scratch = Array(repeating: 0, count: Int(offset) * 2) }
        var position: UInt32 = 0
        for term in articleTerms {
            if term >= 0 {
                scratch[Int(counts[Int(term)])] = position
                counts[Int(term)] += 1
            }
            position += 1
        }
        for occurrence in pairs.occurrences {
            let term = Int(occurrence >> 32)
            scratch[Int(counts[term])] = UInt32(truncatingIfNeeded: occurrence)
            counts[term] += 1
        }
        var start = 0
        scratch.withUnsafeBufferPointer { scratch in
            for term in touched {
                let end = Int(counts[Int(term)])
                PositionCoding.appendBlock(UnsafeBufferPointer(rebasing: scratch[start..<end]), to: &positions)
                start = end
                counts[Int(term)] = 0
            }
        }
        touched.removeAll(keepingCapacity: true)
        articleTerms.removeAll(keepingCapacity: true)
        pairs.occurrences.removeAll(keepingCapacity: true)
        lengths.append(titleLength * Self.titleWeight + bodyLength)
        titleLength = 0
        bodyLength = 0
    }

    private mutating func add(_ text: String, isTitle: Bool) {
        var text = text
        text.withUTF8 { add(bytes: $0, isTitle: isTitle) }
    }

    private mutating func add(bytes: UnsafeBufferPointer<UInt8>, isTitle: Bool) {
        let first = articleTerms.count
        Tokenizer.scan(bytes) { start, end, ascii in
            let key = TermTable.key(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            self.pending.append(PendingToken(start: start, end: end, ascii: ascii, key: key))
            if self.pending.count == Self.batchSize { self.lookUpPending(bytes) }
        }
        lookUpPending(bytes)
        guard articleTerms.count > first else { return }
        if isTitle { titleLength += UInt32(articleTerms.count - first) } else { bodyLength += UInt32(articleTerms.count - first) }
        // Counted in a second loop over the words just found, through buffer pointers: an
        // `Array` subscript write in the scan's closure checked uniqueness on every word.
        let increment: UInt64 = isTitle ? 1 << 32 : 1
        counts.withUnsafeMutableBufferPointer { counts in
            articleTerms.withUnsafeBufferPointer { terms in
                for k in first..<terms.count {
                    let term = Int(terms[k])
                    let count = counts[term]
                    if count == 0 { touched.append(Int32(term)) }
                    counts[term] = count &+ increment
                }
            }
        }
    }

    /// Appends the pending tokens' term ids to `articleTerms`, in order.
    private mutating func lookUpPending(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !pending.isEmpty else { return }
        var sink: UInt64 = 0
        for token in pending { sink ^= table.firstWord(of: token.key) }
        Lookahead.keep(sink)
        for token in pending {
            articleTerms.append(termID(bytes, token.start, token.end, token.ascii, token.key))
        }
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func termID(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ ascii: Bool,
                                 _ rawKey: TermTable.Key) -> Int32 {
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if let found = table.find(raw, rawKey) { return found }
        let key = raw.map(TextFolding.asciiLower)
        return key.withUnsafeBufferPointer { key in
            if ascii { return newTerm(key, rawKey, term: nil) }
            // A new non-ASCII spelling: fold once, then map this spelling to the folded term.
            let folded = Array(TextFolding.foldUnicode(String(decoding: key, as: UTF8.self)).utf8)
            if folded.elementsEqual(key) { return newTerm(key, rawKey, term: nil) }
            let term = folded.withUnsafeBufferPointer { folded in
                let foldedKey = TermTable.key(folded)
                return table.find(folded, foldedKey) ?? newTerm(folded, foldedKey, term: nil)
            }
            return newTerm(key, rawKey, term: term)
        }
    }

    private mutating func newTerm(_ bytes: UnsafeBufferPointer<UInt8>, _ key: TermTable.Key, term: Int32?) -> Int32 {
        let id = table.insert(bytes, key, term: term)
        if term == nil {
            counts.append(0)
            pairs.addTerm(rank: pairs.isActive ? pairs.common.rank(bytes) : nil)
        }
        return id
    }

    /// Counts each adjacent pair of common words in the current article as an occurrence of its
    /// pseudo-term, at the first word's position (a field or paragraph boundary, -1 in
    /// `articleTerms`, separates words as it does in the position check).
    private mutating func findPairs() {
        guard articleTerms.count > 1 else { return }
        for j in 0..<(articleTerms.count - 1) {
            let first = articleTerms[j], second = articleTerms[j + 1]
            guard first >= 0, second >= 0,
                  let firstRank = pairs.rank(of: first), let secondRank = pairs.rank(of: second) else { continue }
            let term = pairs.term(firstRank, secondRank) ?? newPairTerm(firstRank, secondRank)
            let count = counts[Int(term)]
            if count == 0 { touched.append(term) }
            counts[Int(term)] = count &+ (UInt32(j) < titleLength ? 1 << 32 : 1)
            pairs.occurrences.append(UInt64(UInt32(term)) << 32 | UInt64(j))
        }
    }

    private mutating func newPairTerm(_ firstRank: Int, _ secondRank: Int) -> Int32 {
        let bytes = CommonWords.pairTerm(pairs.common.words[firstRank], pairs.common.words[secondRank])
        let term = bytes.withUnsafeBufferPointer { newTerm($0, TermTable.key($0), term: nil) }
        pairs.setTerm(firstRank, secondRank, term)
        return term
    }

    /// The collected postings, with the chunk's term table; the builder's scratch space is released.
    consuming func finish() -> Chunk {
        Chunk(terms: terms, tfs: tfs, articleEnds: articleEnds, positions: positions, lengths: lengths, table: table)
    }
}
