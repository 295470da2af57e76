import GazetteUI
import TOMLKit

/// `[keys]`, `[keys.list]`, `[keys.reader]`, `[keys.sidebar]`: `"KEY" = "action-name"` or `"none"`.
extension ConfigReader {
    static let paneSections: [String: KeyContext] = ["list": .list, "reader": .reader, "sidebar": .sidebar]

    mutating func readKeys(_ table: TOMLTable) throws(ConfigProblem) {
        // Global bindings first: a pane's own section then wins in that pane, whatever the order written.
        var panes: [(String, TOMLTable)] = []
        for key in orderedKeys(table, at: ["keys"]) {
            guard let value = table[key] else { continue }
            if Self.paneSections[key] != nil, let section = value.table {
                panes.append((key, section))
            } else if value.table != nil {
                warn(["keys", key], "unknown key section (ignored; there are [keys.list], [keys.reader], [keys.sidebar])")
            } else {
                try bind(key, value, in: .global, at: ["keys", key])
            }
        }
        for (name, section) in panes {
            for key in orderedKeys(section, at: ["keys", name]) {
                guard let value = section[key] else { continue }
                try bind(key, value, in: Self.paneSections[name]!, at: ["keys", name, key])
            }
        }
    }

    private mutating func bind(_ keyName: String, _ value: TOMLValueConvertible, in context: KeyContext, at path: [String]) throws(ConfigProblem) {
        guard let key = Key(name: keyName) else {
            throw problem(path, "'\(keyName)' is not a key (write a character, C-x, F1–F24, Enter, Space, Tab, S-Tab, Esc, Up, PgDn…)")
        }
        let name = try string(value, path)
        if name.lowercased() == "none" {
            settings.keyMap.bind(key, to: nil, in: context)
            return
        }
        guard let action = Action(name: name) else {
            throw problem(path, "'\(name)' is not an action (see gazette config --default for every name)")
        }
        settings.keyMap.bind(key, to: action, in: context)
    }
}
