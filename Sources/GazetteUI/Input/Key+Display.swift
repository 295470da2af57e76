/// How keys are written in the help overlay.
extension Key {
    /// A short human name: `j`, `↓`, `Ctrl-d`, `PgDn`, `Space`.
    public var displayName: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): TerminalSafeText.sanitize(String(c))
        case .control(let c): "Ctrl-\(c)"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        case .resize: "resize"
        case .mouse: "mouse"
        }
    }
}
