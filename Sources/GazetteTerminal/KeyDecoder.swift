import CNcursesw
import GazetteUI

/// Turns one `wget_wch` result into a `Key`; pure, so it is tested without a terminal.
enum KeyDecoder {
    /// Decodes `status` (`OK` or `KEY_CODE_YES`) and `code`; nil for codes Gazette ignores.
    ///
    /// `size` is asked only for `KEY_RESIZE`, whose key carries the new screen size.
    static func decode(status: Int32, code: UInt32, size: () -> (width: Int, height: Int)) -> Key? {
        if status == KEY_CODE_YES { return decodeFunctionKey(Int32(bitPattern: code), size: size) }
        guard status == OK else { return nil }
        return decodeCharacter(code)
    }

    /// A character code (status `OK`): control bytes become named keys, the rest characters.
    static func decodeCharacter(_ code: UInt32) -> Key? {
        switch code {
        case 0x09: return .tab
        case 0x0a, 0x0d: return .enter
        // Terminals configured with `stty erase ^H` send 0x08 for Backspace.
        case 0x08, 0x7f: return .backspace
        case 0x1b: return .escape
        case 0x00: return .control("@")
        case 0x01...0x1a: return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        // Ctrl-\ Ctrl-] Ctrl-^ Ctrl-_ (Ctrl-\ is the quit key in raw mode).
        case 0x1c...0x1f: return .control(Character(Unicode.Scalar(UInt8(code) + 0x40)))
        // C1 controls cannot be typed as text; never let them through as characters.
        case 0x80...0x9f: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A `KEY_*` code (status `KEY_CODE_YES`).
    static func decodeFunctionKey(_ code: Int32, size: () -> (width: Int, height: Int)) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_RESIZE:
            let current = size()
            return .resize(width: current.width, height: current.height)
        case (gz_key_f0() + 1)...gz_key_f(63): return .function(Int(code - gz_key_f0()))
        default: return nil
        }
    }
}
