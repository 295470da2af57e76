/// A parsed query in Gazette's query language (see README): words, phrases, prefixes, fields, NOT, OR, parentheses.
public struct Query: Sendable, Equatable {
    /// The text as typed.
    public let text: String
    let root: QueryNode

    init(text: String, root: QueryNode) {
        self.text = text
        self.root = root
    }

    /// Parses `text`; a malformed query throws an error naming the column and the problem.
    /// Relative dates (`after:7d`) count back from `today`.
    public static func parse(_ text: String, today: DayKey = .today()) throws(QueryError) -> Query {
        var parser = QueryParser(text, today: today)
        return Query(text: text, root: try parser.parse())
    }

    /// The query that matches every article.
    public static let all = Query(text: "", root: .all)

    /// True when the query places no condition at all.
    public var isEmpty: Bool { root == .all }

    /// True when the query has positive full-text terms, so relevance ranking applies.
    public var hasWords: Bool { !root.positiveTerms.isEmpty }

    /// Positive full-text words, prefixes and phrase words, de-duplicated, for highlighting.
    public var highlightTerms: [SearchTerm] {
        var seen = Set<SearchTerm>()
        return root.positiveTerms.filter { seen.insert($0).inserted }
    }
}
