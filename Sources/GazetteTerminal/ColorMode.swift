/// Whether the screen may use colour.
public enum ColorMode: Sendable, Equatable {
    /// Colour when the terminal has it and `NO_COLOR` is unset or empty.
    case automatic
    /// Attributes only (bold, reverse, underline, dim).
    case never
}
