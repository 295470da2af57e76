/// A malformed query: the 1-based column (in characters) where the problem is, and what it is.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var column: Int
    public var message: String

    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    /// `column 7: unbalanced quote`.
    public var description: String { "column \(column): \(message)" }
}
