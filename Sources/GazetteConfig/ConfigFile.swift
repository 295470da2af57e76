import Foundation
import GazetteCore
import GazetteUI
import TOMLKit

/// The config file: where it is, and reading it into `Settings` over the defaults.
public enum ConfigFile {
    /// `$XDG_CONFIG_HOME/gazette/config.toml`, else `~/.config/gazette/config.toml`; nil without a home.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/gazette/config.toml"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/gazette/config.toml"
    }

    /// Reads `explicit` (`--config FILE`, which must exist) or the default file (which need not:
    /// without it the defaults apply).
    public static func load(explicit: String?, environment: [String: String]) throws(ConfigProblem) -> LoadedConfig {
        guard let path = explicit ?? defaultPath(environment: environment) else {
            return LoadedConfig(settings: .defaults, warnings: [], path: nil)
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            if explicit == nil, !FileManager.default.fileExists(atPath: path) {
                return LoadedConfig(settings: .defaults, warnings: [], path: nil)
            }
            let exists = FileManager.default.fileExists(atPath: path)
            throw ConfigProblem(path: path, line: nil, key: nil, reason: exists ? "cannot be read as UTF-8 text" : "no such file")
        }
        return try parse(text, path: path)
    }

    /// Reads config `text` (named `path` in messages) over `base`.
    public static func parse(_ text: String, path: String, base: Settings = .defaults) throws(ConfigProblem) -> LoadedConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigProblem(path: path, line: error.source.begin.line, key: nil, reason: error.description)
        } catch {
            throw ConfigProblem(path: path, line: nil, key: nil, reason: "\(error)")
        }
        var reader = ConfigReader(path: path, locator: KeyLocator(text), settings: base)
        try reader.read(table)
        // In the file's order (the theme is read first, whatever line it is on).
        let warnings = reader.warnings.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        return LoadedConfig(settings: reader.settings, warnings: warnings, path: path)
    }
}

/// One pass over a parsed config table, merging into `settings` and collecting warnings.
struct ConfigReader {
    let path: String
    let locator: KeyLocator
    var settings: Settings
    var warnings: [ConfigProblem] = []

    /// A problem at `key` (a table path), with its line.
    func problem(_ key: [String], _ reason: String) -> ConfigProblem {
        ConfigProblem(path: path, line: locator.line(of: key), key: key.joined(separator: "."), reason: reason)
    }

    mutating func warn(_ key: [String], _ reason: String) { warnings.append(problem(key, reason)) }

    /// The keys of `table` in the order the file writes them (TOMLKit lists them sorted).
    func orderedKeys(_ table: TOMLTable, at path: [String]) -> [String] {
        table.keys.enumerated().sorted { a, b in
            let la = locator.line(of: path + [a.element]) ?? Int.max, lb = locator.line(of: path + [b.element]) ?? Int.max
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
    }

    mutating func read(_ table: TOMLTable) throws(ConfigProblem) {
        // The theme first: `theme = "light"` is the base that [theme]'s roles override.
        if let theme = table["theme"] { try readTheme(theme) }
        for key in orderedKeys(table, at: []) {
            guard let value = table[key] else { continue }
            switch key {
            case "theme": continue
            case "mouse":
                guard let flag = value.bool else { throw problem([key], "must be true or false") }
                settings.mouse = flag
            case "keys": try readKeys(try subtable(value, [key]))
            case "layout": try readLayout(try subtable(value, [key]))
            case "views": try readViews(try subtable(value, [key]))
            case "reader": try readReader(try subtable(value, [key]))
            case "open": try readOpen(try subtable(value, [key]))
            case "pipe": try readPipe(try subtable(value, [key]))
            default: warn([key], "unknown setting (ignored)")
            }
        }
    }

    func subtable(_ value: TOMLValueConvertible, _ key: [String]) throws(ConfigProblem) -> TOMLTable {
        guard let table = value.table else { throw problem(key, "must be a table ([\(key.joined(separator: "."))])") }
        return table
    }

    func string(_ value: TOMLValueConvertible, _ key: [String]) throws(ConfigProblem) -> String {
        guard let text = value.string else { throw problem(key, "must be a string") }
        return text
    }

    func strings(_ value: TOMLValueConvertible, _ key: [String]) throws(ConfigProblem) -> [String] {
        guard let array = value.array else { throw problem(key, "must be an array of strings") }
        var out: [String] = []
        for element in array {
            guard let text = element.string else { throw problem(key, "must be an array of strings") }
            out.append(text)
        }
        return out
    }
}
