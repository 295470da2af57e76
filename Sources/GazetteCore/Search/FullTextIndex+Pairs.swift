/// Phrases of exact words, answered from the postings of common word pairs where it can.
extension FullTextIndex {
    /// The articles of `within` where the words `ids` (term ids) occur at consecutive positions of one field.
    ///
    /// Two common words ("of the") are their pair's postings, with no position read. A longer
    /// phrase first narrows its candidates to the articles holding each of its indexed pairs,
    /// then checks positions there. Either way the answer is the position check's.
    func phraseMatches(_ ids: [Int], within: Bitset) -> Bitset {
        let pairs = zip(ids, ids.dropFirst()).compactMap { pairTerm($0, $1) }
        if ids.count == 2, let pair = pairs.first {
            var set = Bitset(count: within.count)
            addPostings(of: pair, to: &set)
            set.formIntersection(within)
            return set
        }
        var candidates = within
        // Pairs first: they are rarer than their words. A word said twice narrows nothing the second time.
        var seen: [Range<Int>] = []
        for terms in pairs + ids.map({ $0..<$0 + 1 }) where !seen.contains(terms) {
            seen.append(terms)
            var set = Bitset(count: within.count)
            addPostings(of: terms, to: &set)
            candidates.formIntersection(set)
        }
        return phraseMatches(ids, candidates: candidates)
    }

    /// The pseudo-term of the adjacent pair `first second` (term ids): nil when the pair has no
    /// postings of its own (a word is not common), an empty range when it has but never occurs.
    func pairTerm(_ first: Int, _ second: Int) -> Range<Int>? {
        guard !commonWords.isEmpty, first < wordTermCount, second < wordTermCount else { return nil }
        let firstBytes = Array(termBytes[termOffsets[first]..<termOffsets[first + 1]])
        let secondBytes = Array(termBytes[termOffsets[second]..<termOffsets[second + 1]])
        let common = firstBytes.withUnsafeBufferPointer { commonWords.rank($0) } != nil
            && secondBytes.withUnsafeBufferPointer { commonWords.rank($0) } != nil
        return common ? exactTerm(CommonWords.pairTerm(firstBytes, secondBytes)) : nil
    }
}
