import GazetteUI

/// xterm's SGR mouse reports (mode 1006): `ESC [ < Cb ; Cx ; Cy M` on press, `m` on release.
///
/// Decoded here rather than through ncurses' `getmouse`: ncurses knows the SGR form only when
/// the terminfo entry's `kmous` is `\E[<` (xterm-256color here, not tmux's or screen's), so the
/// decoder reads the bytes itself whichever way they arrive.
extension KeyDecoder {
    /// Longest parameter text accepted (`65;1000;1000` is 12 bytes): a runaway is not a report.
    static let mouseParameterLimit = 24

    /// The event for the bytes after `ESC [ <`, ending with `M` or `m`; nil when malformed.
    static func decodeSGRMouse(_ bytes: [UInt8]) -> MouseEvent? {
        guard let final = bytes.last, final == UInt8(ascii: "M") || final == UInt8(ascii: "m") else { return nil }
        let fields = bytes.dropLast().split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
        guard fields.count == 3 else { return nil }
        var numbers: [Int] = []
        for field in fields {
            guard !field.isEmpty, field.count <= 5, field.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            numbers.append(field.reduce(0) { $0 * 10 + Int($1 - 0x30) })
        }
        let code = numbers[0]
        guard numbers[1] >= 1, numbers[2] >= 1 else { return nil }
        var modifiers: MouseEvent.Modifiers = []
        if code & 4 != 0 { modifiers.insert(.shift) }
        if code & 8 != 0 { modifiers.insert(.alt) }
        if code & 16 != 0 { modifiers.insert(.control) }
        let low = code & 3
        let kind: MouseEvent.Kind
        let button: MouseEvent.Button
        if code & 64 != 0, code & 128 == 0 {
            // Wheel: 64 up, 65 down, 66 left, 67 right; never released.
            kind = [.wheelUp, .wheelDown, .wheelLeft, .wheelRight][low]
            button = .none
        } else {
            button = code & 128 != 0 ? .extra(8 + low) : [.left, .middle, .right, .none][low]
            kind = final == UInt8(ascii: "m") ? .release : code & 32 != 0 ? .drag : .press
        }
        return MouseEvent(kind: kind, button: button, x: numbers[1] - 1, y: numbers[2] - 1, modifiers: modifiers)
    }

    /// After `ESC`: reads `[ <` and a report through `next` (nil when no byte is waiting).
    ///
    /// Returns the event, or nil plus the bytes read, which the caller gives back as keys
    /// (an Escape typed before `[` must still be an Escape then a `[`).
    static func readSGRMouse(afterEscape next: () -> Int32?) -> (event: MouseEvent?, consumed: [Int32]) {
        var consumed: [Int32] = []
        for expected in [UInt8(ascii: "["), UInt8(ascii: "<")] {
            guard let byte = next() else { return (nil, consumed) }
            consumed.append(byte)
            guard byte == Int32(expected) else { return (nil, consumed) }
        }
        return readSGRMouseParameters(next: next, consumed: consumed)
    }

    /// Reads `Cb;Cx;Cy` and the final `M`/`m` (after `ESC [ <`, or after ncurses' `KEY_MOUSE`).
    static func readSGRMouseParameters(next: () -> Int32?, consumed: [Int32] = []) -> (event: MouseEvent?, consumed: [Int32]) {
        var consumed = consumed
        var parameters: [UInt8] = []
        while parameters.count <= mouseParameterLimit, let byte = next() {
            consumed.append(byte)
            guard byte >= 0, byte < 0x80 else { break }
            parameters.append(UInt8(byte))
            if byte == Int32(UInt8(ascii: "M")) || byte == Int32(UInt8(ascii: "m")) {
                return (decodeSGRMouse(parameters), consumed)
            }
        }
        return (nil, consumed)
    }
}
