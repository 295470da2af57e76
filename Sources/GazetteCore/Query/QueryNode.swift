/// The parsed form of a query, evaluated by `ArticleStore`.
indirect enum QueryNode: Sendable, Equatable {
    /// Matches every article (the empty query, or a word with nothing searchable in it).
    case all
    /// A full-text word or prefix.
    case term(SearchTerm)
    /// Consecutive words in the title or in one paragraph.
    case phrase([SearchTerm])
    /// A tag, category or year, by its case-insensitive key.
    case facet(FacetKind, String)
    /// Authors whose folded name contains this folded text.
    case author(String)
    /// Dated on or after this day key (`YYYYMMDD`).
    case after(Int32)
    /// Dated strictly before this day key.
    case before(Int32)
    /// The whole thread (root and every reply below it) of the article whose id starts with this hex text.
    case thread(String)
    case not(QueryNode)
    case and([QueryNode])
    case or([QueryNode])

    /// Full-text terms that must be present (not under a NOT), in query order.
    var positiveTerms: [SearchTerm] {
        var terms: [SearchTerm] = []
        collect(into: &terms, positive: true)
        return terms
    }

    private func collect(into terms: inout [SearchTerm], positive: Bool) {
        switch self {
        case .term(let term): if positive { terms.append(term) }
        case .phrase(let words): if positive { terms.append(contentsOf: words) }
        case .not(let child): child.collect(into: &terms, positive: !positive)
        case .and(let children), .or(let children):
            for child in children { child.collect(into: &terms, positive: positive) }
        case .all, .facet, .author, .after, .before, .thread: break
        }
    }
}
