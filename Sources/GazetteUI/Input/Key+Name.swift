/// Keys as a config file and the `:` command line write them: `x`, `C-x`, `F5`, `PgDn`, `Enter`, `Space`…
extension Key {
    /// Named keys, lower-cased; several spellings for the common ones.
    private static let named: [String: Key] = [
        "space": .character(" "), "enter": .enter, "return": .enter, "tab": .tab,
        "s-tab": .backTab, "shift-tab": .backTab, "backtab": .backTab, "esc": .escape, "escape": .escape,
        "backspace": .backspace, "bs": .backspace, "delete": .delete, "del": .delete,
        "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
    ]

    /// The key `name` writes, or nil: one character (`x`, `?`, `é`), `C-x` / `Ctrl-x` / `^x`,
    /// `F1`–`F24`, or a named key (`Space`, `Enter`, `Tab`, `S-Tab`, `Esc`, `Backspace`, `Delete`,
    /// `Up`, `Down`, `Left`, `Right`, `Home`, `End`, `PgUp`, `PgDn`), case-insensitive.
    public init?(name: String) {
        if name.count == 1, let character = name.first {
            guard !character.isWhitespace || character == " ", character.asciiValue.map({ $0 >= 0x20 && $0 != 0x7F }) ?? true
            else { return nil }
            self = .character(character)
            return
        }
        let lower = name.lowercased()
        if let key = Self.named[lower] {
            self = key
            return
        }
        for prefix in ["c-", "ctrl-", "ctrl+", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter || "@[\\]^_".contains(letter) else { return nil }
            self = .control(letter)
            return
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) {
            self = .function(number)
            return
        }
        return nil
    }

    /// How a config file writes this key (`C-d`, `PgDn`, `Space`, `x`); `Key(name:)` reads it back.
    public var configName: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "C-\(c)"
        case .backTab: "S-Tab"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        default: displayName
        }
    }
}
