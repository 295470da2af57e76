import GazetteCore
import Foundation

/// Where the reader's state lives: `--state DIR`, else `$XDG_STATE_HOME/gazette`, else
/// `~/.local/state/gazette` (the XDG base directory rules: a relative `$XDG_STATE_HOME` is ignored).
public enum StateLocation {
    /// The database file's name inside the state directory.
    public static let fileName = "state.sqlite"

    /// The state directory for an explicit `--state` value and the environment.
    public static func directory(explicit: String?, environment: [String: String], home: String = NSHomeDirectory()) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("gazette")
        }
        let base = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home
        return (base as NSString).appendingPathComponent(".local/state/gazette")
    }
}
