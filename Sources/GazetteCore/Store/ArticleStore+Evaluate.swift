/// Query evaluation: boolean structure as bitset operations, then ordering and facet counts.
extension ArticleStore {
    /// The matching articles in `sort` order, with facet counts over them.
    ///
    /// `.relevance` ranks by BM25 when the query has words and falls back to date order otherwise.
    /// With `overlay`, `is:` tests the reader's state and tags include the reader's own (also in the counts).
    public func evaluate(_ query: Query, sort: SortOrder = .date, overlay: ReaderOverlay? = nil) -> QueryResult {
        let overlay = overlay.flatMap { $0.count == count ? $0 : nil }
        guard !query.isEmpty else {
            var counts = facets.map(\.totals)
            let extra = overlay.map { adjustTagCounts(&counts[FacetKind.tag.ordinal], over: .full(count: count), overlay: $0) } ?? []
            return QueryResult(indices: order(sort, matches: nil), counts: counts, tables: facets, extraTags: extra)
        }
        var matches = bitset(query.root, within: .full(count: count), overlay: overlay)
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
    func bitset(_ node: QueryNode, within: Bitset, overlay: ReaderOverlay? = nil) -> Bitset {
        switch node {
        case .all:
            return .full(count: count)
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
            var set = bitset(child, within: within, overlay: overlay)
            set.formComplement()
            return set
        case .and(let children):
            // Cheap conditions first, so phrases verify as few articles as possible.
            var current = within
            for child in children.sorted(by: { !$0.readsText && $1.readsText }) {
                current.formIntersection(bitset(child, within: current, overlay: overlay))
            }
            return current
        case .or(let children):
            var union = Bitset(count: count)
            for child in children { union.formUnion(bitset(child, within: within, overlay: overlay)) }
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
