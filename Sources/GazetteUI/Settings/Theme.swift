/// A colour as a theme names it.
public enum ThemeColor: Sendable, Hashable {
    /// One of the terminal's 256 colours (0–15 are the terminal's own palette: black, red, green,
    /// yellow, blue, magenta, cyan, white, then their bright forms).
    case index(UInt8)
    /// An exact colour: drawn as such where the terminal has truecolor, else as the nearest of 256.
    case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes a look may add.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1)
    public static let reverse = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)
}

/// How one colour role is drawn: colours (nil: the terminal's own) and attributes.
public struct RoleLook: Sendable, Hashable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var attributes: TextAttributes

    public init(_ foreground: ThemeColor? = nil, background: ThemeColor? = nil, _ attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// Colours as data: a look per semantic role, and what to draw instead on a terminal with fewer
/// than 256 colours. Views name roles; the terminal draws them with the state's theme.
public struct Theme: Sendable, Hashable {
    /// The theme's name (`default`, `light`, `mono`, or the one a config file started from).
    public var name: String
    /// The look of each role; a role not listed is drawn plain.
    public var looks: [ColorRole: RoleLook]
    /// Looks used instead where the terminal has fewer than 256 colours (greys become `dim`).
    public var basicLooks: [ColorRole: RoleLook]
    /// Attributes only, no colour: the terminal has none, or `NO_COLOR` asks for none.
    public var isMonochrome: Bool

    public init(name: String, looks: [ColorRole: RoleLook], basicLooks: [ColorRole: RoleLook] = [:], isMonochrome: Bool = false) {
        self.name = name
        self.looks = looks
        self.basicLooks = basicLooks
        self.isMonochrome = isMonochrome
    }

    /// The look of `role` on a terminal with `colorCount` colours.
    public func look(for role: ColorRole, colorCount: Int) -> RoleLook {
        if colorCount < 256, let basic = basicLooks[role] { return basic }
        return looks[role] ?? RoleLook()
    }
}
