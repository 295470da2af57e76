/// What a user can change, with Gazette's defaults: the key map and the theme (a config file
/// merges over these). The state owns its copy; nothing else names the defaults.
public struct Settings: Sendable {
    /// Keys to actions, per context; the help overlay shows this table.
    public var keyMap: KeyMap
    /// Colours per role.
    public var theme: Theme

    public init(keyMap: KeyMap = .standard, theme: Theme = .default) {
        self.keyMap = keyMap
        self.theme = theme
    }

    /// Gazette as it ships.
    public static let defaults = Settings()
}
