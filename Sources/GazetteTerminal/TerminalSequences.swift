import Foundation

/// Escape sequences Gazette writes itself, beside what curses draws.
///
/// tmux and OSC 52: tmux's default `set-clipboard external` drops an application's OSC 52, and
/// `set-clipboard on` takes it into a tmux buffer and forwards it to the outer terminal. The
/// DCS passthrough (`ESC P tmux; …`, each ESC doubled) reaches the outer terminal directly but
/// only with `allow-passthrough on` (off by default since tmux 3.3). Inside tmux Gazette sends
/// both, so either setting works; where both apply the clipboard is simply set twice.
enum TerminalSequences {
    static let mouseOn = Array("\u{1b}[?1000h\u{1b}[?1002h\u{1b}[?1006h".utf8)
    /// Also in `shim.h` (`GZ_MOUSE_OFF`) for the signal handlers; keep the two the same.
    static let mouseOff = Array("\u{1b}[?1006l\u{1b}[?1002l\u{1b}[?1000l".utf8)

    /// `ESC ] 52 ; c ; base64 ST`, plus the tmux passthrough form when `inTmux`.
    static func clipboard(_ text: String, inTmux: Bool) -> [UInt8] {
        let plain = "\u{1b}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{1b}\\"
        guard inTmux else { return Array(plain.utf8) }
        let wrapped = "\u{1b}Ptmux;" + plain.replacingOccurrences(of: "\u{1b}", with: "\u{1b}\u{1b}") + "\u{1b}\\"
        return Array((plain + wrapped).utf8)
    }
}
