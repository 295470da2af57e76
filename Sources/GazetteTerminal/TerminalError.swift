/// Why the terminal screen could not be started or used.
public struct TerminalError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kind of failure, for callers that react differently (e.g. exit codes).
    public enum Kind: Sendable, Equatable {
        /// Standard input or output is not a terminal (a pipe, a file, /dev/null).
        case notATerminal
        /// ncurses does not know the terminal type in `TERM`.
        case badTerm(String)
        /// The terminal type cannot move the cursor (`TERM=dumb`).
        case cannotAddressCursor(String)
        /// An ncurses call returned ERR.
        case callFailed(String)
    }

    public let kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public static let notATerminal = TerminalError(.notATerminal)
    public static func badTerm(_ term: String) -> TerminalError { TerminalError(.badTerm(term)) }
    public static func cannotAddressCursor(_ term: String) -> TerminalError { TerminalError(.cannotAddressCursor(term)) }
    public static func callFailed(_ call: String) -> TerminalError { TerminalError(.callFailed(call)) }

    public var description: String {
        switch kind {
        case .notATerminal:
            "the terminal UI needs a terminal (standard input and output must be a TTY); "
                + "to print articles without one, use `gazette list` or `gazette show`"
        case .badTerm(let term):
            "unknown terminal type \(term.isEmpty ? "(TERM is not set)" : "'\(term)'"); "
                + "try TERM=xterm-256color, or use `gazette list`"
        case .cannotAddressCursor(let term):
            "terminal type '\(term)' cannot move the cursor, which the terminal UI needs; "
                + "try TERM=xterm-256color, or use `gazette list`"
        case .callFailed(let call):
            "terminal error: \(call) failed"
        }
    }
}
