/// The words whose adjacent pairs get postings of their own ("common grams"), so a phrase of two
/// common words ("of the") is one postings read instead of a position check in most articles.
///
/// A pair's postings live in the ordinary dictionary as a pseudo-term, `0xFF first 0x20 second`:
/// no real term can hold 0xFF (never a byte of UTF-8) or a space, and 0xFF sorts after every
/// real term, so the pseudo-terms are one range at the end that prefix expansion, counts and
/// "More like this" never reach (`FullTextIndex.wordTermCount` bounds the real ones). The set is
/// read back from those pseudo-terms (`stored(in:)`), so an index carries its own set into a
/// snapshot and into an update without a table of its own.
struct CommonWords: Sendable, Equatable {
    /// At most this many words: their pairs cost index space only where both words meet.
    static let limit = 32
    /// Articles read to choose the words; evenly spread over the archive.
    static let sampleSize = 1024
    /// A word must occur in at least this share of the sampled articles (1 / n).
    static let minimumShare = 8
    static let marker: UInt8 = 0xFF
    static let separator: UInt8 = 0x20

    /// Folded words in byte order; a word's rank is its place here.
    let words: [[UInt8]]
    private let ranks: [[UInt8]: Int]

    init(words: [[UInt8]]) {
        self.words = words.sorted { $0.lexicographicallyPrecedes($1) }
        ranks = Dictionary(self.words.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static let empty = CommonWords(words: [])

    var isEmpty: Bool { words.isEmpty }

    static func == (a: CommonWords, b: CommonWords) -> Bool { a.words == b.words }

    /// The rank of folded word `bytes`, or nil when it is not common.
    func rank(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        ranks.isEmpty ? nil : ranks[Array(bytes)]
    }

    /// The pseudo-term holding the postings of the pair `first second`.
    static func pairTerm(_ first: [UInt8], _ second: [UInt8]) -> [UInt8] {
        [marker] + first + [separator] + second
    }

    /// The words whose document frequency in an even sample of `articles` is highest (ties by
    /// bytes), among those in at least 1 / `minimumShare` of the sample. Deterministic for a
    /// given archive; any choice gives exact answers, the choice only decides which pairs are fast.
    static func chosen(from articles: some RandomAccessCollection<Article>) -> CommonWords {
        let total = articles.count
        let sample = min(total, sampleSize)
        guard sample > 0 else { return .empty }
        var builder = TextIndexBuilder(expectedBytes: 0)
        for k in 0..<sample {
            builder.add(article: articles[articles.index(articles.startIndex, offsetBy: k * total / sample)])
        }
        let chunk = builder.finish()
        var frequencies = [Int](repeating: 0, count: chunk.table.termCount)
        for term in chunk.terms { frequencies[Int(term)] += 1 }
        let threshold = max(2, (sample + minimumShare - 1) / minimumShare)
        let candidates: [(word: [UInt8], frequency: Int)] = frequencies.indices.compactMap { term in
            guard frequencies[term] >= threshold else { return nil }
            return (chunk.table.withTermBytes(term) { Array($0) }, frequencies[term])
        }
        let best = candidates.sorted {
            $0.frequency != $1.frequency ? $0.frequency > $1.frequency : $0.word.lexicographicallyPrecedes($1.word)
        }
        return CommonWords(words: best.prefix(limit).map(\.word))
    }

    /// The set an index was built with, read from its pair pseudo-terms: every word of some indexed
    /// pair. A common word no other common word ever touched drops out, which is safe: for two
    /// words of this set every adjacent occurrence in the index has its pair posting (an update
    /// indexes new articles with this set, so the set only ever shrinks).
    static func stored(termBytes: FlatArray<UInt8>, termOffsets: FlatArray<Int>, pairTerms: Range<Int>) -> CommonWords {
        var found = Set<[UInt8]>()
        termBytes.withUnsafeBufferPointer { bytes in
            for term in pairTerms {
                let start = termOffsets[term] + 1, end = termOffsets[term + 1]
                guard start <= end, let split = bytes[start..<end].firstIndex(of: separator) else { continue }
                found.insert(Array(bytes[start..<split]))
                found.insert(Array(bytes[(split + 1)..<end]))
            }
        }
        return CommonWords(words: Array(found))
    }
}
