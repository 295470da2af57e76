import Foundation

/// The command lines Gazette runs for a browser, a pipe and an editor; pure, so tested without running them.
///
/// Untrusted text (a URL from an article) never becomes shell syntax: it is passed as `$1` to
/// `sh -c`, and the user's own command text (from `$BROWSER`, `[open]`, `$EDITOR`, the `|`
/// prompt) is the script.
public enum ExternalCommands {
    /// The argument list that opens `url`: the first `$BROWSER` entry whose program exists,
    /// else `xdg-open`, else `openArguments` (the config's `[open]` command with the URL already
    /// in it, run without a shell); nil when there is none.
    ///
    /// `$BROWSER` is a colon-separated list (the convention from ESR's proposal, as Python's
    /// `webbrowser` and man-db read it): `%s` in an entry is the URL, `%%` a percent sign, and
    /// an entry without `%s` gets the URL as its last argument.
    public static func browser(for url: String, environment: [String: String], openArguments: [String]? = nil,
                               isExecutable: ((String) -> Bool)? = nil) -> [String]? {
        let isExecutable = isExecutable ?? { isOnPath($0, path: environment["PATH"]) }
        let entries = (environment["BROWSER"] ?? "").split(separator: ":").map(String.init)
        for entry in entries where programExists(entry, isExecutable) { return shell(template: entry, argument: url) }
        if isExecutable("xdg-open") { return ["xdg-open", url] }
        if let openArguments, let program = openArguments.first, isExecutable(program) { return openArguments }
        return nil
    }

    /// `sh -c CMD`, the article arriving on its standard input.
    public static func pipe(_ command: String) -> [String] { ["/bin/sh", "-c", command] }

    /// Editors known to take `+LINE` before the file (vi's convention, kept by its heirs and others).
    static let lineArgumentEditors: Set<String> = [
        "vi", "vim", "nvim", "gvim", "view", "vim.basic", "vim.tiny", "ex", "elvis", "nvi",
        "nano", "pico", "emacs", "emacsclient", "kak", "micro", "joe", "jmacs", "jstar", "mg", "ne", "vis", "jed",
    ]

    /// Opens `path` at `line` in `$VISUAL`, else `$EDITOR`, else `vi`; `+LINE` only for editors that take it.
    public static func editor(path: String, line: Int, environment: [String: String]) -> [String] {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }
            .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
        let program = firstWord(editor).map { String($0.split(separator: "/").last ?? $0) } ?? ""
        let arguments = lineArgumentEditors.contains(program) && line > 1 ? ["+\(line)", path] : [path]
        // As git runs its editor: the variable may hold options ("emacs -nw", "code --wait").
        return ["/bin/sh", "-c", editor + " \"$@\"", editor] + arguments
    }

    static func shell(template: String, argument: String) -> [String] {
        guard template.contains("%s") else { return ["/bin/sh", "-c", template + " \"$1\"", "sh", argument] }
        var script = ""
        var rest = Substring(template)
        while let percent = rest.firstIndex(of: "%") {
            script += rest[..<percent]
            let next = rest.index(after: percent)
            if next < rest.endIndex, rest[next] == "s" { script += "\"$1\"" } else if next < rest.endIndex, rest[next] == "%" { script += "%" } else {
                script += "%"
                rest = rest[next...]
                continue
            }
            rest = rest[rest.index(after: next)...]
        }
        return ["/bin/sh", "-c", script + rest, "sh", argument]
    }

    private static func firstWord(_ command: String) -> Substring? {
        command.split(whereSeparator: { $0 == " " || $0 == "\t" }).first
    }

    private static func programExists(_ command: String, _ isExecutable: (String) -> Bool) -> Bool {
        guard let word = firstWord(command) else { return false }
        return isExecutable(String(word))
    }

    /// Whether `program` (a name, or a path with `/`) is an executable file, searching `path` (default `$PATH`).
    public static func isOnPath(_ program: String, path: String?) -> Bool {
        if program.contains("/") { return access(program, X_OK) == 0 }
        let directories = (path ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.contains { access("\($0)/\(program)", X_OK) == 0 }
    }
}
