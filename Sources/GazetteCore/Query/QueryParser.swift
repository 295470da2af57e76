/// Recursive-descent parser: OR of ANDs of (NOT)* primaries; precedence NOT > AND > OR.
struct QueryParser {
    private let text: String
    private var tokens: [QueryLexer.Token] = []
    private var position = 0
    /// Open parentheses and NOTs around the current term.
    private var depth = 0

    /// Deeper nesting is refused: parsing, evaluating and comparing queries all recurse, and
    /// a pasted run of thousands of `(` or `-` would otherwise overflow the stack.
    static let maxDepth = 64

    private let today: DayKey

    init(_ text: String, today: DayKey) {
        self.text = text
        self.today = today
    }

    mutating func parse() throws(QueryError) -> QueryNode {
        tokens = try QueryLexer.tokens(text)
        if tokens.isEmpty { return .all }
        let node = try parseOr()
        if let stray = peek {
            // parseOr only stops early at a ')' with no matching '('.
            throw QueryError(column: stray.column, message: "unbalanced parenthesis: ')' without '('")
        }
        return node
    }

    private var peek: QueryLexer.Token? { position < tokens.count ? tokens[position] : nil }

    /// True when nothing that could start a term follows.
    private var atTermEnd: Bool {
        guard let token = peek else { return true }
        return token.kind == .close || token.kind == .or || token.kind == .and
    }

    private mutating func parseOr() throws(QueryError) -> QueryNode {
        var alternatives = [try parseAnd()]
        while let token = peek, token.kind == .or {
            position += 1
            if atTermEnd { throw QueryError(column: token.column, message: "OR needs a term on both sides") }
            alternatives.append(try parseAnd())
        }
        return alternatives.count == 1 ? alternatives[0] : .or(alternatives)
    }

    private mutating func parseAnd() throws(QueryError) -> QueryNode {
        var terms: [QueryNode] = []
        while let token = peek, token.kind != .close, token.kind != .or {
            if token.kind == .and {
                position += 1
                if terms.isEmpty || atTermEnd { throw QueryError(column: token.column, message: "AND needs a term on both sides") }
                continue
            }
            terms.append(try parseUnary())
        }
        if terms.isEmpty {
            let column = peek?.column ?? (text.count + 1)
            if peek?.kind == .or { throw QueryError(column: column, message: "OR needs a term on both sides") }
            throw QueryError(column: column, message: "expected a term")
        }
        let kept = terms.filter { $0 != .all }
        if kept.isEmpty { return .all }
        return kept.count == 1 ? kept[0] : .and(kept)
    }

    private mutating func parseUnary() throws(QueryError) -> QueryNode {
        guard let token = peek else { throw QueryError(column: text.count + 1, message: "expected a term") }
        switch token.kind {
        case .not, .minus:
            position += 1
            if atTermEnd {
                let name = token.kind == .not ? "NOT" : "'-'"
                throw QueryError(column: token.column, message: "\(name) needs a term after it")
            }
            try enter(token)
            defer { depth -= 1 }
            return .not(try parseUnary())
        default:
            return try parsePrimary()
        }
    }

    private mutating func parsePrimary() throws(QueryError) -> QueryNode {
        guard let token = peek else { throw QueryError(column: text.count + 1, message: "expected a term") }
        position += 1
        switch token.kind {
        case .open:
            if peek?.kind == .close { throw QueryError(column: token.column, message: "empty parentheses") }
            try enter(token)
            defer { depth -= 1 }
            let inner = try parseOr()
            guard peek?.kind == .close else {
                throw QueryError(column: token.column, message: "unbalanced parenthesis: '(' is never closed")
            }
            position += 1
            return inner
        case .text(let value, let quoted):
            return try Self.fullText(value, quoted: quoted, column: token.column)
        case .field(let name, let value, let valueColumn):
            return try QueryFields.node(field: name, value: value, column: token.column, valueColumn: valueColumn, today: today)
        case .close, .or, .and, .not, .minus:
            throw QueryError(column: token.column, message: "expected a term")
        }
    }

    private mutating func enter(_ token: QueryLexer.Token) throws(QueryError) {
        guard depth < Self.maxDepth else {
            throw QueryError(column: token.column, message: "nested too deeply (more than \(Self.maxDepth) levels)")
        }
        depth += 1
    }

    /// A bare word or quoted phrase; several words (`well-known`, `"a phrase"`) must be consecutive.
    private static func fullText(_ value: String, quoted: Bool, column: Int) throws(QueryError) -> QueryNode {
        var body = value
        let isPrefix = body.hasSuffix("*")
        if isPrefix { body.removeLast() }
        let words = TextFolding.foldedWords(in: body)
        if words.isEmpty {
            if isPrefix && !quoted { throw QueryError(column: column, message: "'*' needs a word before it") }
            return .all
        }
        var terms = words.map { SearchTerm(folded: $0) }
        terms[terms.count - 1].isPrefix = isPrefix
        return terms.count == 1 ? .term(terms[0]) : .phrase(terms)
    }
}
