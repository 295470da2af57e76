/// A problem in a config file, said as `path:line: key: reason`.
public struct ConfigProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// 1-based; nil when the file as a whole is at fault (it cannot be read).
    public var line: Int?
    /// The key as written with its table (`keys.list.J`, `theme.accent`); nil for a syntax error.
    public var key: String?
    public var reason: String

    public init(path: String, line: Int?, key: String?, reason: String) {
        self.path = path
        self.line = line
        self.key = key
        self.reason = reason
    }

    public var description: String {
        var text = path
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "\(key): " }
        return text + reason
    }
}

/// A config file read: the settings it makes and what in it was ignored.
public struct LoadedConfig: Sendable {
    /// The defaults with the file merged over them.
    public var settings: Settings
    /// Unknown keys and sections (they are ignored, not fatal), as `path:line: key: reason`.
    public var warnings: [ConfigProblem]
    /// The file read; nil when there was none (the defaults apply).
    public var path: String?
}

import GazetteUI
