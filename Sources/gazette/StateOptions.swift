import ArgumentParser
import Foundation
import GazetteCore
import GazetteState

/// `--state DIR`, shared by every command that reads or writes the reader's state.
struct StateOptions: ParsableArguments {
    @Option(name: .customLong("state"), help: ArgumentHelp(
        "The reader's state directory (default $XDG_STATE_HOME/gazette, ~/.local/state/gazette).", valueName: "DIR"))
    var directory: String?

    /// The directory after the environment and defaults are applied.
    func resolvedDirectory() -> String {
        StateLocation.directory(explicit: directory, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the store; a command that changes state fails (status 1) when it cannot be saved.
    func open(forWriting: Bool) throws -> StateDatabase {
        let database = StateDatabase.open(directory: resolvedDirectory(), create: forWriting)
        if let notice = database.notice {
            StandardError.write("gazette: \(notice)\n")
            if forWriting && !database.isSaved { throw ExitCode(1) }
        }
        return database
    }

    /// The state for a loaded store (reading only; problems are said on stderr, never fatal).
    /// `edited`: the load's edited articles (`CachedLoad.edited`), whose state follows them.
    func session(for store: ArticleStore, edited: [(from: ArticleID, to: ArticleID)] = []) throws -> ReaderStateSession {
        let session = ReaderStateSession(database: try open(forWriting: false), store: store, migrate: false, edited: edited)
        if let problem = session.loadProblem { StandardError.write("gazette: \(problem)\n") }
        return session
    }
}

/// The saved view named `name` (or the built-in Unread and Starred), or exit 2 naming the views there are.
func savedView(_ name: String, in views: [SavedView]) throws -> SavedView {
    if let view = views.first(where: { $0.name == name }) { return view }
    switch name.lowercased() {
    case "unread": return SavedView(name: "Unread", query: "is:unread")
    case "starred": return SavedView(name: "Starred", query: "is:starred")
    default: break
    }
    let known = views.isEmpty ? "there are none; see gazette view add" : "known: " + views.map(\.name).joined(separator: ", ")
    StandardError.write("gazette: no saved view named '\(name)' (\(known))\n")
    throw ExitCode(2)
}

/// Parses a saved view's query, or exits 2 saying which view is broken.
func viewQuery(_ view: SavedView) throws -> Query {
    do {
        return try Query.parse(view.query)
    } catch {
        StandardError.write("gazette: saved view '\(view.name)': bad query: \(error)\n")
        throw ExitCode(2)
    }
}
