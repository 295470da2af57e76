/// Splits query text into tokens, each with its 1-based column.
struct QueryLexer {
    enum Kind: Equatable {
        case open, close, or, and, not, minus
        /// A bare word (maybe ending in `*`) or a quoted phrase.
        case text(String, quoted: Bool)
        /// `field:value`; `valueColumn` points at the value for error messages.
        case field(String, String, valueColumn: Int)
    }

    struct Token: Equatable {
        var kind: Kind
        var column: Int
    }

    private let characters: [Character]
    /// The 1-based column (in the text's own characters) of each entry of `characters`.
    private let columns: [Int]
    private var position = 0

    /// Scalars that are syntax even inside a grapheme cluster.
    private static let syntax: Set<Unicode.Scalar> = ["\"", "\\", "(", ")", "-", ":"]

    init(_ text: String) {
        // A combining mark fuses with the character before it (`"` + U+0329) and a prepended
        // mark with the one after it (U+0600 + `"`), which would hide a quote or parenthesis
        // from the lexer; such clusters are split around their syntax scalars.
        var characters: [Character] = []
        var columns: [Int] = []
        var column = 0
        for character in text {
            column += 1
            let scalars = character.unicodeScalars
            guard scalars.count > 1, scalars.contains(where: Self.syntax.contains) else {
                characters.append(character)
                columns.append(column)
                continue
            }
            var run = String.UnicodeScalarView()
            func flush() {
                for piece in String(run) {
                    characters.append(piece)
                    columns.append(column)
                }
                run = String.UnicodeScalarView()
            }
            for scalar in scalars {
                if Self.syntax.contains(scalar) {
                    flush()
                    characters.append(Character(scalar))
                    columns.append(column)
                } else {
                    run.append(scalar)
                }
            }
            flush()
        }
        self.characters = characters
        self.columns = columns + [column + 1]
    }

    /// The 1-based column of `characters[index]`, or just past the end.
    private func columnAt(_ index: Int) -> Int { columns[min(index, columns.count - 1)] }

    static func tokens(_ text: String) throws(QueryError) -> [Token] {
        var lexer = QueryLexer(text)
        var tokens: [Token] = []
        while let token = try lexer.next() { tokens.append(token) }
        return tokens
    }

    private var current: Character? { position < characters.count ? characters[position] : nil }

    private static func endsBareWord(_ character: Character) -> Bool {
        character.isWhitespace || character == "(" || character == ")" || character == "\""
    }

    mutating func next() throws(QueryError) -> Token? {
        while let character = current, character.isWhitespace { position += 1 }
        guard let character = current else { return nil }
        let column = columnAt(position)
        switch character {
        case "(":
            position += 1
            return Token(kind: .open, column: column)
        case ")":
            position += 1
            return Token(kind: .close, column: column)
        case "\"":
            return Token(kind: .text(try quoted(), quoted: true), column: column)
        case "-":
            position += 1
            if let next = current, !next.isWhitespace, next != ")" { return Token(kind: .minus, column: column) }
            throw QueryError(column: column, message: "'-' must be followed by a term")
        default:
            return try bare(column: column)
        }
    }

    /// Reads a quoted string starting at the opening quote; `\"` and `\\` are escapes.
    private mutating func quoted() throws(QueryError) -> String {
        let column = columnAt(position)
        position += 1
        var value = ""
        while let character = current {
            position += 1
            if character == "\"" { return value }
            if character == "\\", let escaped = current {
                position += 1
                value.append(escaped)
            } else {
                value.append(character)
            }
        }
        throw QueryError(column: column, message: "unbalanced quote")
    }

    private mutating func bare(column: Int) throws(QueryError) -> Token {
        var word = ""
        while let character = current, !Self.endsBareWord(character) {
            if character == ":", !word.isEmpty, word.allSatisfy(\.isLetter) {
                position += 1
                let valueColumn = columnAt(position)
                let value: String
                if current == "\"" {
                    value = try quoted()
                } else {
                    var bareValue = ""
                    while let next = current, !Self.endsBareWord(next) { bareValue.append(next); position += 1 }
                    value = bareValue
                }
                return Token(kind: .field(word, value, valueColumn: valueColumn), column: column)
            }
            word.append(character)
            position += 1
        }
        switch word {
        case "OR": return Token(kind: .or, column: column)
        case "AND": return Token(kind: .and, column: column)
        case "NOT": return Token(kind: .not, column: column)
        default: return Token(kind: .text(word, quoted: false), column: column)
        }
    }
}
