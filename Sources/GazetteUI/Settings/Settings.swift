import GazetteCore

/// What a user can change, with Gazette's defaults: a config file merges over these. The state
/// owns its copy; nothing else names the defaults.
public struct Settings: Sendable {
    /// Keys to actions, per context; the help overlay shows this table.
    public var keyMap: KeyMap
    /// Colours per role.
    public var theme: Theme
    /// `[layout]`: sidebar width, reader measure, facets, arrangement.
    public var layout: LayoutSettings
    /// `[reader]`: which headers show.
    public var reader: ReaderSettings
    /// `[views]`: views from the config file (name, query), shown with those saved from the UI.
    public var views: [SavedView]
    /// `[open]`: the browser command.
    public var open: OpenConfig
    /// `[pipe]`: named commands.
    public var pipe: PipeConfig
    /// `mouse = false` turns mouse reporting off.
    public var mouse: Bool

    public init(
        keyMap: KeyMap = .standard, theme: Theme = .default, layout: LayoutSettings = LayoutSettings(),
        reader: ReaderSettings = ReaderSettings(), views: [SavedView] = [], open: OpenConfig = OpenConfig(),
        pipe: PipeConfig = PipeConfig(), mouse: Bool = true
    ) {
        self.keyMap = keyMap
        self.theme = theme
        self.layout = layout
        self.reader = reader
        self.views = views
        self.open = open
        self.pipe = pipe
        self.mouse = mouse
    }

    /// Gazette as it ships.
    public static let defaults = Settings()
}
