import Foundation

/// Finding the article a blog dump's teaser ("related" excerpt) stands for.
///
/// A teaser is the opening of another post (sometimes cut short) or starts with its title. The
/// candidates are the articles holding the teaser's three rarest words (postings only); each is
/// then confirmed word for word, so a teaser never links to an article that merely shares words.
extension ArticleStore {
    /// Words of a teaser compared with an article's opening; a teaser may end mid-sentence.
    static let excerptWordsCompared = 30

    /// The index of the article `excerpt` is the teaser of, if it is in the archive; waits for the text index.
    public func article(matchingExcerpt excerpt: String, excluding: Int? = nil) -> Int? {
        var words = TextFolding.foldedWords(in: excerpt)
        // The last word may be cut ("the investigat…"); a short teaser is too weak to match.
        if words.count > Self.excerptWordsCompared { words = Array(words.prefix(Self.excerptWordsCompared)) } else { words.removeLast(min(1, words.count)) }
        guard words.count >= 4 else { return nil }
        let index = text
        var terms: [(term: Int, df: Int)] = []
        // Words the archive lacks are skipped, not fatal: a teaser may go on past a title.
        for word in Set(words) {
            guard let term = index.termRange(SearchTerm(folded: word)).first else { continue }
            terms.append((term, index.documentFrequency(term)))
        }
        guard !terms.isEmpty else { return nil }
        terms.sort { $0.df != $1.df ? $0.df < $1.df : $0.term < $1.term }
        var candidates = Bitset.full(count: count)
        for (term, _) in terms.prefix(3) {
            var holding = Bitset(count: count)
            index.addPostings(of: term..<term + 1, to: &holding)
            candidates.formIntersection(holding)
        }
        var found: Int?
        candidates.forEach { candidate in
            guard found == nil, candidate != excluding else { return }
            if Self.opening(of: articles[candidate], matches: words) { found = candidate }
        }
        return found
    }

    /// Whether the article's title or first words are the teaser's words.
    static func opening(of article: Article, matches words: [String]) -> Bool {
        let title = TextFolding.foldedWords(in: article.title)
        if title.count >= 3, words.starts(with: title) { return true }
        let lead = String(decoding: article.bodyUTF8.prefix(4096), as: UTF8.self)
        let opening = TextFolding.foldedWords(in: lead).prefix(words.count)
        return opening.count == words.count && opening.elementsEqual(words)
    }
}
