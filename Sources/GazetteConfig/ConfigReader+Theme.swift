import GazetteUI
import TOMLKit

/// `theme = "light"`, or `[theme]` with `name = "light"` and a look per role (`accent = "blue bold"`).
extension ConfigReader {
    static let roles: [String: ColorRole] = Dictionary(uniqueKeysWithValues: ColorRole.allCases.map { ($0.configName, $0) })

    mutating func readTheme(_ value: TOMLValueConvertible) throws(ConfigProblem) {
        if let name = value.string {
            settings.theme = try builtIn(name, at: ["theme"])
            return
        }
        let table = try subtable(value, ["theme"])
        if let name = table["name"] {
            settings.theme = try builtIn(try string(name, ["theme", "name"]), at: ["theme", "name"])
        }
        for key in orderedKeys(table, at: ["theme"]) where key != "name" {
            guard let value = table[key] else { continue }
            let path = ["theme", key]
            guard let role = Self.roles[key] else {
                warn(path, "unknown colour role (ignored; roles: \(ColorRole.allCases.map(\.configName).joined(separator: ", ")))")
                continue
            }
            let look: RoleLook
            if let index = value.int {
                guard (0...255).contains(index) else { throw problem(path, "\(index) is not a colour index (0–255)") }
                look = RoleLook(.index(UInt8(index)))
            } else {
                switch LookSpec.look(try string(value, path)) {
                case .success(let parsed): look = parsed
                case .failure(let error): throw problem(path, error.reason)
                }
            }
            // The role as written replaces the theme's look everywhere, 8-colour terminals included.
            settings.theme.looks[role] = look
            settings.theme.basicLooks[role] = nil
        }
    }

    private func builtIn(_ name: String, at path: [String]) throws(ConfigProblem) -> Theme {
        guard let theme = Theme.builtIn[name.lowercased()] else {
            throw problem(path, "no built-in theme '\(name)' (there are \(Theme.builtIn.keys.sorted().joined(separator: ", ")))")
        }
        return theme
    }
}
