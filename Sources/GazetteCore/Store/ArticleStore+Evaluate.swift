/// Query evaluation: boolean structure as bitset operations, then ordering and facet counts.
extension ArticleStore {
    /// The matching articles in `sort` order, with facet counts over them.
    ///
    /// `.relevance` ranks by BM25 when the query has words and falls back to date order otherwise.
    public func evaluate(_ query: Query, sort: SortOrder = .date) -> QueryResult {
        guard !query.isEmpty else {
            return QueryResult(indices: order(sort, matches: nil), counts: facets.map(\.totals), tables: facets)
        }
        var matches = bitset(query.root, within: .full(count: count))
        matches.formIntersection(.full(count: count))
        let indices: [Int32]
        if sort == .relevance && query.hasWords {
            indices = ranked(matches, terms: query.highlightTerms)
        } else {
            indices = order(sort, matches: matches)
        }
        return QueryResult(indices: indices, counts: facets.map { $0.counts(over: matches) }, tables: facets)
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

    /// BM25 over the positive terms, best first; ties keep date order.
    private func ranked(_ matches: Bitset, terms: [SearchTerm]) -> [Int32] {
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
        keys.sort()
        return keys.map { Int32(truncatingIfNeeded: $0) }
    }

    /// The articles matching `node`, exact on `within` (bits outside it are unspecified).
    ///
    /// `within` lets phrase verification, the only step that reads article text, skip
    /// articles that other conditions of an AND have already ruled out.
    func bitset(_ node: QueryNode, within: Bitset) -> Bitset {
        switch node {
        case .all:
            return .full(count: count)
        case .term(let term):
            var set = Bitset(count: count)
            text.addPostings(of: text.termRange(term), to: &set)
            return set
        case .phrase(let terms):
            var candidates = within
            for term in terms {
                var set = Bitset(count: count)
                text.addPostings(of: text.termRange(term), to: &set)
                candidates.formIntersection(set)
            }
            // Exact words are matched from positions; a phrase with a prefix word re-reads the candidates' text.
            guard terms.allSatisfy({ !$0.isPrefix }) else { return PhraseMatcher(terms: terms).filter(candidates, in: articles) }
            let ids = terms.map { text.termRange($0) }
            guard ids.allSatisfy({ $0.count == 1 }) else { return Bitset(count: count) }
            return text.phraseMatches(ids.map(\.lowerBound), candidates: candidates)
        case .facet(let kind, let key):
            var set = Bitset(count: count)
            let table = facets[kind.ordinal]
            if let id = table.id(of: key) { addPostings(table, Int(id), to: &set) }
            return set
        case .author(let needle):
            var set = Bitset(count: count)
            let table = facets[FacetKind.author.ordinal]
            for id in 0..<table.valueCount where table.folded[id].contains(needle) {
                addPostings(table, id, to: &set)
            }
            return set
        case .after(let day):
            return days { $0 != 0 && $0 >= day }
        case .before(let day):
            return days { $0 != 0 && $0 < day }
        case .thread(let prefix):
            var set = Bitset(count: count)
            for index in indices(matchingIDPrefix: prefix) where !set.contains(index) {
                for member in thread(containing: index) { set.insert(member) }
            }
            return set
        case .not(let child):
            var set = bitset(child, within: within)
            set.formComplement()
            return set
        case .and(let children):
            // Cheap conditions first, so phrases verify as few articles as possible.
            var current = within
            for child in children.sorted(by: { !$0.readsText && $1.readsText }) {
                current.formIntersection(bitset(child, within: current))
            }
            return current
        case .or(let children):
            var union = Bitset(count: count)
            for child in children { union.formUnion(bitset(child, within: within)) }
            return union
        }
    }

    private func addPostings(_ table: FacetTable, _ id: Int, to set: inout Bitset) {
        for k in Int(table.postingStarts[id])..<Int(table.postingStarts[id + 1]) { set.insert(Int(table.postingDocs[k])) }
    }

    private func days(_ predicate: (Int32) -> Bool) -> Bitset {
        var set = Bitset(count: count)
        dayKeys.withUnsafeBufferPointer { keys in
            for article in 0..<keys.count where predicate(keys[article]) { set.insert(article) }
        }
        return set
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
