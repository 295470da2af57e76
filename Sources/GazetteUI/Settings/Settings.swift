/// What a user can change, with Gazette's defaults: the key map and the theme (a config file
/// merges over these). The state owns its copy; nothing else names the defaults.
public struct Settings: Sendable {
    /// Keys to actions, per context; the help overlay shows this table.
    public var keyMap: KeyMap
    /// Colours per role.
    public var theme: Theme
    /// Whether the terminal reports the mouse (clicks, the wheel); `mouse = false` turns it off.
    public var mouse = true
    /// The browser command after `$BROWSER` and `xdg-open` (`[open]` in the config; `%s` is the URL).
    public var openCommand: String?
    /// Named shell commands for `|` (`[pipe]` in the config): typing a name runs its command.
    public var pipeCommands: [String: String] = [:]

    public init(keyMap: KeyMap = .standard, theme: Theme = .default) {
        self.keyMap = keyMap
        self.theme = theme
    }

    /// Gazette as it ships.
    public static let defaults = Settings()
}
