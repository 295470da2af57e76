/// The parsed form of a query, evaluated by `ArticleStore`.
indirect enum QueryNode: Sendable, Equatable {
    /// Matches every article (the empty query, or a word with nothing searchable in it).
    case all
    /// A full-text word or prefix.
    case term(SearchTerm)
    /// Consecutive words in the title or in one paragraph.
    case phrase([SearchTerm])
    /// A `field:value` term, evaluated by its row in `QueryFields.table`.
    case field(FieldTerm)
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
        case .all, .field: break
        }
    }
}

extension QueryNode {
    /// `tag:`/`category:`/`year:` (or a sidebar mark of any facet): the value's case-insensitive key.
    static func facet(_ kind: FacetKind, _ key: String) -> QueryNode {
        .field(FieldTerm(field: kind.rawValue, argument: .exact(key)))
    }

    /// Typed `author:`: authors whose folded name contains `folded`.
    static func author(_ folded: String) -> QueryNode { .field(FieldTerm(field: "author", argument: .contains(folded))) }

    /// `after:`: written on or after the day key.
    static func after(_ day: Int32) -> QueryNode { .field(FieldTerm(field: "after", argument: .days(from: day, before: nil))) }

    /// `before:`: written strictly before the day key.
    static func before(_ day: Int32) -> QueryNode { .field(FieldTerm(field: "before", argument: .days(from: nil, before: day))) }
}
