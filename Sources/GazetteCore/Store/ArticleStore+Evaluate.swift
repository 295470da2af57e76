/// Query evaluation: boolean structure as bitset operations, then ordering and facet counts.
extension ArticleStore {
    /// The matching articles in `sort` order, with facet counts over them.
    ///
    /// `.relevance` ranks by BM25 when the query has words and falls back to date order otherwise.
    /// With `overlay`, `is:` tests the reader's state and tags include the reader's own (also in the counts).
    public func evaluate(_ query: Query, sort: SortOrder = .date, overlay: ReaderOverlay? = nil) -> QueryResult {
        evaluate(query, sort: sort, overlay: overlay, words: .index)
    }

    /// Like `evaluate`, without the full-text index: words and phrases are matched by reading
    /// each article's title and paragraphs as the index would, so the matches and facet counts
    /// are exactly `evaluate`'s; `.relevance` falls back to date order (ranking needs the
    /// index's statistics). For the seconds a cold start spends building the index: about
    /// 0.7 s at 100k articles on two cores instead of waiting for it. Never waits for the index.
    /// A background index build waits at its next checkpoint meanwhile (`indexGate`).
    public func evaluateByReading(_ query: Query, sort: SortOrder = .date, overlay: ReaderOverlay? = nil) -> QueryResult {
        indexGate.foreground {
            evaluate(query, sort: sort == .relevance ? .date : sort, overlay: overlay, words: .reading)
        }
    }

    /// Where words and phrases are answered from.
    enum WordSource {
        /// The full-text index (waits for it while it builds).
        case index
        /// The articles' text, read.
        case reading
    }

    private func evaluate(_ query: Query, sort: SortOrder, overlay: ReaderOverlay?, words: WordSource) -> QueryResult {
        let overlay = overlay.flatMap { $0.count == count ? $0 : nil }
        guard !query.isEmpty else {
            var counts = facets.map(\.totals)
            let extra = overlay.map { adjustTagCounts(&counts[FacetKind.tag.ordinal], over: .full(count: count), overlay: $0) } ?? []
            return QueryResult(indices: order(sort, matches: nil), counts: counts, tables: facets, extraTags: extra)
        }
        var matches = bitset(query.root, within: .full(count: count), overlay: overlay, words: words)
        matches.formIntersection(.full(count: count))
        let indices: ResultOrder
        if sort == .relevance && query.hasWords {
            indices = ranked(matches, terms: query.highlightTerms)
        } else {
            indices = ResultOrder(order(sort, matches: matches))
        }
        var counts = facets.map { $0.counts(over: matches) }
        let extra = overlay.map { adjustTagCounts(&counts[FacetKind.tag.ordinal], over: matches, overlay: $0) } ?? []
        return QueryResult(order: indices, counts: counts, tables: facets, extraTags: extra)
    }

    private func order(_ sort: SortOrder, matches: Bitset?) -> [Int32] {
        let permutation: [Int32]
        switch sort {
        case .date, .relevance:
            return matches?.members ?? dateOrder
        case .title: permutation = titleOrder
        case .author: permutation = authorOrder
        }
        guard let matches else { return permutation }
        return permutation.filter { matches.contains(Int($0)) }
    }

    /// BM25 over the positive terms, best first; ties keep date order. Only the rows looked at
    /// are put in order (see `ResultOrder`).
    private func ranked(_ matches: Bitset, terms: [SearchTerm]) -> ResultOrder {
        var scores = [Float](repeating: 0, count: count)
        for term in terms {
            for id in text.termRange(term) {
                text.addScores(of: id, documentCount: count, within: matches, to: &scores)
            }
        }
        // Scores are non-negative, so their bit patterns order like the values; pack with the index.
        var keys: [UInt64] = []
        keys.reserveCapacity(matches.cardinality)
        matches.forEach { article in
            keys.append(UInt64(UInt32.max - scores[article].bitPattern) << 32 | UInt64(article))
        }
        return ResultOrder(keys: keys)
    }

    /// The articles matching `node`, exact on `within` (bits outside it are unspecified).
    ///
    /// `within` lets phrase verification, the only step that reads article text, skip
    /// articles that other conditions of an AND have already ruled out.
    func bitset(_ node: QueryNode, within: Bitset, overlay: ReaderOverlay? = nil, words: WordSource = .index) -> Bitset {
        switch node {
        case .all:
            return .full(count: count)
        case .term(let term) where words == .reading:
            return PhraseMatcher(terms: [term]).filter(within, in: articles)
        case .phrase(let terms) where words == .reading:
            return PhraseMatcher(terms: terms).filter(within, in: articles)
        case .term(let term):
            var set = Bitset(count: count)
            text.addPostings(of: text.termRange(term), to: &set)
            return set
        case .phrase(let terms):
            // Exact words are matched from postings and positions; a phrase with a prefix word re-reads the candidates' text.
            if terms.allSatisfy({ !$0.isPrefix }) {
                let ids = terms.map { text.termRange($0) }
                guard ids.allSatisfy({ $0.count == 1 }) else { return Bitset(count: count) }
                return text.phraseMatches(ids.map(\.lowerBound), within: within)
            }
            var candidates = within
            // A word said twice narrows nothing the second time.
            var seen: [SearchTerm] = []
            for term in terms where !seen.contains(term) {
                seen.append(term)
                var set = Bitset(count: count)
                text.addPostings(of: text.termRange(term), to: &set)
                candidates.formIntersection(set)
            }
            return PhraseMatcher(terms: terms).filter(candidates, in: articles)
        case .field(let term):
            guard let field = QueryFields.field(term.field) else { return Bitset(count: count) }
            return field.evaluate(term.argument, FieldContext(store: self, overlay: overlay, within: within))
        case .not(let child):
            var set = bitset(child, within: within, overlay: overlay, words: words)
            set.formComplement()
            return set
        case .and(let children):
            // Cheap conditions first, so phrases verify as few articles as possible.
            var current = within
            // Read from the text, every word is as costly as a phrase.
            let reads: (QueryNode) -> Bool = { words == .reading ? $0.usesFullText : $0.readsText }
            for child in children.sorted(by: { !reads($0) && reads($1) }) {
                current.formIntersection(bitset(child, within: current, overlay: overlay, words: words))
            }
            return current
        case .or(let children):
            var union = Bitset(count: count)
            for child in children { union.formUnion(bitset(child, within: within, overlay: overlay, words: words)) }
            return union
        }
    }

    func addPostings(_ table: FacetTable, _ id: Int, to set: inout Bitset) {
        for k in Int(table.postingStarts[id])..<Int(table.postingStarts[id + 1]) { set.insert(Int(table.postingDocs[k])) }
    }
}

extension QueryNode {
    /// True when evaluating this node re-reads article text (phrase verification).
    var readsText: Bool {
        switch self {
        case .phrase: true
        case .not(let child): child.readsText
        case .and(let children), .or(let children): children.contains { $0.readsText }
        default: false
        }
    }

}

extension ArticleStore {
    /// Every article in the threads (root and every reply below it) of the articles whose id starts with `prefix`.
    func threadBitset(_ prefix: String) -> Bitset {
        var set = Bitset(count: count)
        for index in indices(matchingIDPrefix: prefix) where !set.contains(index) {
            for member in thread(containing: index) { set.insert(member) }
        }
        return set
    }
}
