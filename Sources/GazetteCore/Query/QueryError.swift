/// A malformed query: the 1-based column (in characters) where the problem is, and what it is.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based, counted in characters of the query text.
    public var column: Int
    /// What is wrong, e.g. `unbalanced quote`.
    public var message: String

    /// An error at `column`.
    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    /// `column 7: unbalanced quote`.
    public var description: String { "column \(column): \(message)" }
}
