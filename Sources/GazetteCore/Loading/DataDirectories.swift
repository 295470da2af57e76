import Foundation

/// Where the articles live when the user does not say.
public enum DataDirectories {
    /// `--data` values if any; else `GAZETTE_DATA` (colon-separated); else `./Data` if it exists;
    /// else `$XDG_DATA_HOME/gazette`, or `$HOME/.local/share/gazette`.
    public static func resolve(explicit: [String], environment: [String: String], currentDirectory: String) -> [String] {
        if !explicit.isEmpty { return explicit }
        if let list = environment["GAZETTE_DATA"] {
            let parts = list.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
            if !parts.isEmpty { return parts }
        }
        let local = currentDirectory.hasSuffix("/") ? currentDirectory + "Data" : currentDirectory + "/Data"
        if FileManager.default.fileExists(atPath: local) { return [local] }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return [xdg + "/gazette"] }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return [home + "/.local/share/gazette"]
    }
}
