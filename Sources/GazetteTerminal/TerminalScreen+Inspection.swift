import CNcursesw
import GazetteUI

/// Reading cells back from ncurses' screen buffer, for tests.
extension TerminalScreen {
    /// The characters stored in the cell at (x, y); a wide character's right half repeats it.
    func storedText(x: Int, y: Int) -> String {
        var cell = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &cell) == OK else { return "" }
        var characters = [wchar_t](repeating: 0, count: 8)
        var attrs: attr_t = 0
        var pair: Int16 = 0
        guard getcchar(&cell, &characters, &attrs, &pair, nil) == OK else { return "" }
        return String(String.UnicodeScalarView(characters.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32($0)) }))
    }

    /// The attributes (without colour bits) and colour pair of the cell at (x, y).
    func storedAttributes(x: Int, y: Int) -> CellAttributes {
        var cell = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &cell) == OK else { return CellAttributes(attrs: 0, pair: -1) }
        var characters = [wchar_t](repeating: 0, count: 8)
        var attrs: attr_t = 0
        var pair: Int16 = 0
        getcchar(&cell, &characters, &attrs, &pair, nil)
        return CellAttributes(attrs: attrs & gz_a_attributes() & ~gz_a_color(), pair: pair)
    }

    /// Row `y` as ncurses stores it (a wide character once), via mvwinnwstr.
    func storedLine(_ y: Int) -> String {
        let width = size.width
        var buffer = [wchar_t](repeating: 0, count: width + 1)
        guard mvwinnwstr(window, Int32(y), 0, &buffer, Int32(width)) != ERR else { return "" }
        return String(String.UnicodeScalarView(buffer.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32($0)) }))
    }
}

extension TerminalScreen {
    /// The foreground colour number of the cell at (x, y) (-1: the terminal's default).
    func storedForeground(x: Int, y: Int) -> Int32 {
        let pair = storedAttributes(x: x, y: y).pair
        var foreground: Int32 = -1, background: Int32 = -1
        guard pair > 0, extended_pair_content(Int32(pair), &foreground, &background) == OK else { return -1 }
        return foreground
    }
}
