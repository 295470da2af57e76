import Foundation

/// The inverted index over titles and bodies: a sorted term dictionary and compact postings.
///
/// Terms are sorted by bytes, so a prefix is a contiguous range of term ids found by binary
/// search. Per term, postings are article indices (ascending, delta varints), a packed
/// title/body frequency byte each, and a block of word positions each; a skip table every
/// `skipInterval` postings gives the article and both byte offsets, for seeking.
final class FullTextIndex: Sendable {
    let termBytes: FlatArray<UInt8>
    let termOffsets: FlatArray<Int>
    /// Where each term's postings begin, as a posting number (indexes `tfs`).
    let postingStarts: FlatArray<Int>
    /// Where each term's doc deltas begin in `docBytes`.
    let docStarts: FlatArray<Int>
    let docBytes: FlatArray<UInt8>
    let tfs: FlatArray<UInt8>
    /// Weighted length (title tokens × title weight + body tokens) per article.
    let lengths: FlatArray<UInt32>
    let averageLength: Double
    /// Word positions: per posting one block (see `PositionCoding`), grouped like the postings.
    let positions: FlatArray<UInt8>
    /// Where each term's position blocks begin in `positions`.
    let positionStarts: FlatArray<Int>
    /// For posting `k = s × skipInterval`: its article, and the offsets of its doc varint and position block.
    let skipDocs: FlatArray<Int32>
    let skipDocBytes: FlatArray<Int>
    let skipPositions: FlatArray<Int>
    static let skipInterval = 64
    /// BM25's per-article length term, made on the first ranking (see `ScoringTables`).
    let scoring: Lazy<ScoringTables>

    var termCount: Int { termOffsets.count - 1 }
    /// Terms below this id are words; the rest are the pair pseudo-terms (see `CommonWords`).
    let wordTermCount: Int
    /// The common words whose adjacent pairs have postings, as read back from the pseudo-terms.
    let commonWords: CommonWords

    /// Builds the index over `articles`, splitting them into chunks built in parallel; pairs of
    /// `commonWords` (by default chosen from a sample of `articles`) get postings of their own.
    /// With `gate`, the chunks' builders stop at its checkpoints while foreground work runs.
    init(articles: [Article], commonWords: CommonWords? = nil, gate: ForegroundGate? = nil) {
        let common = commonWords ?? CommonWords.chosen(from: articles)
        let chunkCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 2, articles.count / 512))
        let ranges = Parallel.ranges(articles.count, parts: chunkCount)
        let chunks = Parallel.slots(chunkCount) { chunk in
            let range = ranges[chunk]
            let bytes = articles[range].reduce(0) { total, article in
                total + article.title.utf8.count + article.bodyUTF8.count
            }
            var builder = TextIndexBuilder(expectedBytes: bytes, commonWords: common)
            for index in range {
                if let gate, index & 63 == 0 { gate.checkpoint() }
                builder.add(article: articles[index])
            }
            return builder.finish()
        }
        let merged = IndexMerge(chunks: chunks, firstArticle: ranges.map(\.lowerBound), skipInterval: Self.skipInterval)
        termBytes = FlatArray(merged.termBytes)
        termOffsets = FlatArray(merged.termOffsets)
        postingStarts = FlatArray(merged.postingStarts)
        docStarts = FlatArray(merged.docStarts)
        docBytes = FlatArray(merged.docBytes)
        tfs = FlatArray(merged.tfs)
        positions = FlatArray(merged.positions)
        positionStarts = FlatArray(merged.positionStarts)
        skipDocs = FlatArray(merged.skipDocs)
        skipDocBytes = FlatArray(merged.skipDocBytes)
        skipPositions = FlatArray(merged.skipPositions)
        lengths = FlatArray(merged.lengths)
        averageLength = articles.isEmpty ? 1 : max(1, Double(lengths.reduce(0) { $0 + Int($1) }) / Double(articles.count))
        scoring = ScoringTables.lazy(lengths: lengths, averageLength: averageLength)
        wordTermCount = Self.wordTermCount(termBytes, termOffsets)
        self.commonWords = CommonWords.stored(termBytes: termBytes, termOffsets: termOffsets, pairTerms: wordTermCount..<termOffsets.count - 1)
    }

    /// An index whose tables already exist (read in place from a snapshot).
    init(termBytes: FlatArray<UInt8>, termOffsets: FlatArray<Int>, postingStarts: FlatArray<Int>, docStarts: FlatArray<Int>,
         docBytes: FlatArray<UInt8>, tfs: FlatArray<UInt8>, lengths: FlatArray<UInt32>, averageLength: Double,
         positions: FlatArray<UInt8>, positionStarts: FlatArray<Int>, skipDocs: FlatArray<Int32>,
         skipDocBytes: FlatArray<Int>, skipPositions: FlatArray<Int>) {
        self.termBytes = termBytes
        self.termOffsets = termOffsets
        self.postingStarts = postingStarts
        self.docStarts = docStarts
        self.docBytes = docBytes
        self.tfs = tfs
        self.lengths = lengths
        self.averageLength = averageLength
        self.positions = positions
        self.positionStarts = positionStarts
        self.skipDocs = skipDocs
        self.skipDocBytes = skipDocBytes
        self.skipPositions = skipPositions
        scoring = ScoringTables.lazy(lengths: lengths, averageLength: averageLength)
        wordTermCount = Self.wordTermCount(termBytes, termOffsets)
        self.commonWords = CommonWords.stored(termBytes: termBytes, termOffsets: termOffsets, pairTerms: wordTermCount..<termOffsets.count - 1)
    }

    /// The first term starting with `CommonWords.marker` (terms are in byte order, the marker sorts last).
    private static func wordTermCount(_ termBytes: FlatArray<UInt8>, _ termOffsets: FlatArray<Int>) -> Int {
        var low = 0, high = termOffsets.count - 1
        while low < high {
            let mid = (low + high) / 2
            let start = termOffsets[mid]
            if start < termOffsets[mid + 1] && termBytes[start] == CommonWords.marker { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// Bytes held by the index (for the benchmark's memory breakdown).
    var byteCount: (postings: Int, positions: Int, terms: Int) {
        (docBytes.count + tfs.count + 8 * (postingStarts.count + docStarts.count) + 20 * skipDocs.count + 4 * lengths.count,
         positions.count + 8 * positionStarts.count, termBytes.count + 8 * termOffsets.count)
    }

    @inline(__always)
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ aStart: Int, _ aEnd: Int,
                        _ b: UnsafeBufferPointer<UInt8>, _ bStart: Int, _ bEnd: Int) -> Int {
        let common = min(aEnd - aStart, bEnd - bStart)
        if common > 0 {
            let result = memcmp(a.baseAddress! + aStart, b.baseAddress! + bStart, common)
            if result != 0 { return Int(result) }
        }
        return (aEnd - aStart) - (bEnd - bStart)
    }

    /// The first term id whose bytes are not less than `key` (or, with `prefix`, whose bytes do not start with and are not less than it).
    private func lowerBound(_ key: [UInt8], pastPrefix: Bool) -> Int {
        termBytes.withUnsafeBufferPointer { terms in
            key.withUnsafeBufferPointer { key in
                var low = 0
                var high = termCount
                while low < high {
                    let mid = (low + high) / 2
                    let start = termOffsets[mid]
                    var end = termOffsets[mid + 1]
                    if pastPrefix { end = min(end, start + key.count) }
                    let comparison = Self.compare(terms, start, end, key, 0, key.count)
                    if comparison < 0 || (pastPrefix && comparison == 0) { low = mid + 1 } else { high = mid }
                }
                return low
            }
        }
    }

    /// The term ids a search term covers: one exact term, or every word with the prefix (never a pair's pseudo-term).
    func termRange(_ term: SearchTerm) -> Range<Int> {
        let key = Array(term.folded.utf8)
        if term.isPrefix {
            let low = min(lowerBound(key, pastPrefix: false), wordTermCount)
            return low..<max(low, min(lowerBound(key, pastPrefix: true), wordTermCount))
        }
        return exactTerm(key)
    }

    /// The id of the term whose bytes are `key` (an empty range when there is none).
    func exactTerm(_ key: [UInt8]) -> Range<Int> {
        let low = lowerBound(key, pastPrefix: false)
        guard low < termCount, termOffsets[low + 1] - termOffsets[low] == key.count,
              termBytes[termOffsets[low]..<termOffsets[low + 1]].elementsEqual(key) else { return low..<low }
        return low..<low + 1
    }

    /// Number of articles containing term `id`.
    func documentFrequency(_ id: Int) -> Int { postingStarts[id + 1] - postingStarts[id] }

    /// Calls `body(posting, article)` for each posting of term `id`, in article order.
    @inline(__always)
    func forEachPosting(of id: Int, _ body: (Int, Int) -> Void) {
        docBytes.withUnsafeBufferPointer { bytes in
            var offset = docStarts[id]
            var doc: UInt32 = 0
            for k in postingStarts[id]..<postingStarts[id + 1] {
                doc &+= PositionCoding.readVarint(bytes, &offset)
                body(k, Int(doc))
            }
        }
    }

    /// Sets the bit of every article containing any term in `terms`.
    func addPostings(of terms: Range<Int>, to bitset: inout Bitset) {
        for id in terms { forEachPosting(of: id) { _, doc in bitset.insert(doc) } }
    }

    /// Adds the BM25 score of term `id` to `scores` for articles in `within`.
    ///
    /// `idf · tf · (k1 + 1) / (tf + k1 (1 − b) + k1 b · length / average)`, with the length term
    /// and `tf` read from tables made once: the same Float operations in the same order as when
    /// they were computed per hit, so every score (and so every order and tie) is unchanged.
    func addScores(of id: Int, documentCount: Int, within: Bitset, to scores: inout [Float]) {
        let df = Double(documentFrequency(id))
        let idf = Float(log(1 + (Double(documentCount) - df + 0.5) / (df + 0.5)))
        let tables = scoring.wrapped
        let norm = tables.norm, boost = tables.boost
        tables.weightedTFs.withUnsafeBufferPointer { weightedTFs in
            tables.lengthTerms.withUnsafeBufferPointer { lengthTerms in
                tfs.withUnsafeBufferPointer { tfs in
                    scores.withUnsafeMutableBufferPointer { scores in
                        forEachPosting(of: id) { k, doc in
                            guard within.contains(doc) else { return }
                            let tf = weightedTFs[Int(tfs[k])]
                            scores[doc] += idf * tf * boost / (tf + norm + lengthTerms[doc])
                        }
                    }
                }
            }
        }
    }
}
