/// Queries built from values rather than parsed from text (the browser's sidebar marks).
///
/// Their `text` is for display; it reads like the query language, but a built facet matches
/// its value exactly, while typed `author:` matches a substring.
extension Query {
    /// Articles carrying exactly `value` (case-insensitive) for `kind`: tag, category, author or year.
    public static func facet(_ kind: FacetKind, _ value: String) -> Query {
        Query(text: QuerySyntax.term(kind.rawValue, value), root: .field(FieldTerm(field: kind.rawValue, argument: .exact(value.lowercased()))))
    }

    /// Articles that `query` does not match.
    public static func not(_ query: Query) -> Query {
        if query.isEmpty { return Query(text: "-()", root: .not(.all)) }
        let text: String
        switch query.root {
        case .and, .or: text = "-(\(query.text))"
        default: text = "-" + query.text
        }
        return Query(text: text, root: .not(query.root))
    }

    /// Articles matching every one of `queries`; empty queries are ignored, none at all is `all`.
    public static func and(_ queries: [Query]) -> Query {
        let kept = queries.filter { !$0.isEmpty }
        guard kept.count > 1 else { return kept.first ?? .all }
        // A typed OR inside an AND reads wrongly without parentheses (OR binds loosest).
        let text = kept.map { query in
            if case .or = query.root { return "(\(query.text))" }
            return query.text
        }.joined(separator: " ")
        var children: [QueryNode] = []
        for query in kept {
            if case .and(let inner) = query.root { children += inner } else { children.append(query.root) }
        }
        return Query(text: text, root: .and(children))
    }

    /// True when the query tests a field among `names` (`is`, `tag`): whether a change to the
    /// reader's state can change what it matches.
    public func usesField(in names: Set<String>) -> Bool { root.usesField(in: names) }

    /// True when evaluating the query needs the full-text index: any word, prefix or phrase,
    /// negated ones included (unlike `hasWords`).
    public var usesFullText: Bool { root.usesFullText }
}

extension QueryNode {
    func usesField(in names: Set<String>) -> Bool {
        switch self {
        case .field(let term): names.contains(term.field)
        case .not(let child): child.usesField(in: names)
        case .and(let children), .or(let children): children.contains { $0.usesField(in: names) }
        case .all, .term, .phrase: false
        }
    }

    var usesFullText: Bool {
        switch self {
        case .term, .phrase: true
        case .not(let child): child.usesFullText
        case .and(let children), .or(let children): children.contains { $0.usesFullText }
        case .field(let term): QueryFields.field(term.field)?.needsTextIndex ?? false
        case .all: false
        }
    }
}
