import Foundation

/// "More like this": the articles most like one article, by its strongest words and shared tags.
///
/// The article's words are weighted by tf-idf against the full-text index; the strongest
/// `RelatedScoring.termCount` are scored against the index with BM25's saturation and length
/// norm (as a query of those words would be), and each shared tag adds its own idf. Only
/// postings are walked, so the cost is the postings of a few rare words, not the archive.
public enum RelatedScoring {
    /// How many of the article's words are scored against the index.
    static let termCount = 16
    /// Bytes of body read for its words: a 90 MB article is judged by its opening.
    static let bodyBytes = 48 << 10
    /// A word in more than this share of the archive says nothing about likeness (in a small
    /// archive, up to half of it: "tunnel" in 3 of 12 articles still tells them apart).
    static func isDistinctive(documentFrequency df: Double, of documents: Double) -> Bool {
        df >= 2 && df <= max(documents * 0.2, min(64, documents * 0.5))
    }
    /// A shared tag's weight relative to its idf (a rare shared tag counts like a strong word).
    static let tagWeight: Float = 1.5
}

extension ArticleStore {
    /// Up to `limit` article indices most like article `index`, best first (ties: archive order).
    ///
    /// Never the article itself nor an exact copy of it (same title and body), nor two copies
    /// of one article. Waits for the full-text index when it is still building.
    public func related(toArticle index: Int, limit: Int = 5) -> [Int] {
        guard count > 1, limit > 0, articles.indices.contains(index) else { return [] }
        let article = articles[index]
        var scores = [Float](repeating: 0, count: count)
        addWordScores(of: article, to: &scores)
        addTagScores(ofArticle: index, to: &scores)
        var chosen: [Int] = []
        var chosenArticles: [Article] = [article]
        for candidate in Self.ranked(scores, limit: limit + 8) where candidate != index {
            let other = articles[candidate]
            if chosenArticles.contains(where: { $0.title == other.title && $0.bodyUTF8 == other.bodyUTF8 }) { continue }
            chosen.append(candidate)
            chosenArticles.append(other)
            if chosen.count == limit { break }
        }
        return chosen
    }

    /// The article's words by weight (tf-idf, title words counted as the index counts them), strongest first.
    func strongestTerms(of article: Article) -> [(term: Int, weight: Float)] {
        var frequencies: [String: UInt32] = [:]
        for word in TextFolding.foldedWords(in: article.title) { frequencies[word, default: 0] += TextIndexBuilder.titleWeight }
        let body = String(decoding: article.bodyUTF8.prefix(RelatedScoring.bodyBytes), as: UTF8.self)
        for word in TextFolding.foldedWords(in: body) { frequencies[word, default: 0] += 1 }
        let index = text
        let documents = Double(count)
        var weighted: [(term: Int, weight: Float, word: String)] = []
        for (word, frequency) in frequencies where word.utf8.count > 2 {
            let range = index.termRange(SearchTerm(folded: word))
            guard let term = range.first else { continue }
            let df = Double(index.documentFrequency(term))
            // Only in this article it cannot point to another one; in most of them, to none in particular.
            guard RelatedScoring.isDistinctive(documentFrequency: df, of: documents) else { continue }
            let weight = Float((1 + log(Double(frequency))) * log(documents / df))
            weighted.append((term, weight, word))
        }
        // Ties by word so the choice never depends on dictionary order.
        weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.word < $1.word }
        return weighted.prefix(RelatedScoring.termCount).map { ($0.term, $0.weight) }
    }

    private func addWordScores(of article: Article, to scores: inout [Float]) {
        let index = text
        let k1: Float = 1.2, b: Float = 0.75
        let norm = k1 * (1 - b), lengthFactor = k1 * b / Float(index.averageLength)
        for (term, weight) in strongestTerms(of: article) {
            index.tfs.withUnsafeBufferPointer { tfs in
                index.lengths.withUnsafeBufferPointer { lengths in
                    scores.withUnsafeMutableBufferPointer { scores in
                        index.forEachPosting(of: term) { posting, doc in
                            let tf = Float(TextIndexBuilder.weightedTF(tfs[posting]))
                            scores[doc] += weight * tf * (k1 + 1) / (tf + norm + lengthFactor * Float(lengths[doc]))
                        }
                    }
                }
            }
        }
    }

    private func addTagScores(ofArticle index: Int, to scores: inout [Float]) {
        let tags = facets[FacetKind.tag.ordinal]
        let documents = Float(count)
        for slot in Int(tags.articleStarts[index])..<Int(tags.articleStarts[index + 1]) {
            let value = Int(tags.articleValues[slot])
            let start = Int(tags.postingStarts[value]), end = Int(tags.postingStarts[value + 1])
            guard end - start >= 2 else { continue }
            let weight = RelatedScoring.tagWeight * log(documents / Float(end - start))
            guard weight > 0 else { continue }
            for posting in start..<end { scores[Int(tags.postingDocs[posting])] += weight }
        }
    }

    /// Indices of the `limit` highest positive scores, best first, ties by index.
    static func ranked(_ scores: [Float], limit: Int) -> [Int] {
        var best: [(score: Float, index: Int)] = []
        best.reserveCapacity(limit + 1)
        func before(_ a: (score: Float, index: Int), _ b: (score: Float, index: Int)) -> Bool {
            a.score != b.score ? a.score > b.score : a.index < b.index
        }
        scores.withUnsafeBufferPointer { scores in
            for index in scores.indices where scores[index] > 0 {
                let entry = (scores[index], index)
                if best.count == limit, let last = best.last, !before(entry, last) { continue }
                let position = best.firstIndex { before(entry, $0) } ?? best.count
                best.insert(entry, at: position)
                if best.count > limit { best.removeLast() }
            }
        }
        return best.map(\.index)
    }
}
