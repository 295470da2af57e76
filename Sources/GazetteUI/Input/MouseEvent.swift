/// A mouse report from the terminal (xterm's SGR 1006 mode), in screen cells from the top left.
public struct MouseEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        case press, release, drag
        case wheelUp, wheelDown, wheelLeft, wheelRight
    }

    /// Which button (`none` for wheel events and motion with no button held).
    public enum Button: Sendable, Hashable { case left, middle, right, none, extra(Int) }

    /// Modifier keys held, as the terminal reports them (many terminals keep Shift for themselves).
    public struct Modifiers: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let shift = Modifiers(rawValue: 1)
        public static let alt = Modifiers(rawValue: 2)
        public static let control = Modifiers(rawValue: 4)
    }

    public var kind: Kind
    public var button: Button
    /// Column, 0 at the left.
    public var x: Int
    /// Row, 0 at the top.
    public var y: Int
    public var modifiers: Modifiers
    /// 2 for the second press of a double click (the run loop counts, having the clock).
    public var clicks: Int

    public init(kind: Kind, button: Button = .none, x: Int, y: Int, modifiers: Modifiers = [], clicks: Int = 1) {
        self.kind = kind
        self.button = button
        self.x = x
        self.y = y
        self.modifiers = modifiers
        self.clicks = clicks
    }
}
