import CNcursesw
import GazetteUI

extension TerminalScreen {
    /// Shows `canvas`, sending only the cells that differ from the previous frame.
    ///
    /// Cells outside the screen are dropped; a wide character that would be cut by the right
    /// edge (or lacks its continuation cell) is drawn as a blank, never as half a glyph.
    public func draw(_ canvas: Canvas) {
        guard !isStopped else { return }
        var previous = lastCanvas
        if let old = previous, old.width != canvas.width || old.height != canvas.height {
            // After a resize the terminal may have reflowed what it showed: repaint everything.
            clearok(gz_curscr(), true)
            previous = nil
        }
        if previous == nil { werase(window) }
        let screenSize = size
        let width = min(canvas.width, screenSize.width)
        let height = min(canvas.height, screenSize.height)
        for y in 0..<height {
            drawRow(y, of: canvas, previous: previous, width: width)
        }
        lastCanvas = canvas
        wnoutrefresh(window)
        doupdate()
    }

    /// Ctrl-L: clears the terminal and repaints the last frame from scratch.
    public func redrawAll() {
        guard !isStopped else { return }
        clearok(gz_curscr(), true)
        if let canvas = lastCanvas {
            lastCanvas = nil
            draw(canvas)
        } else {
            wnoutrefresh(window)
            doupdate()
        }
    }

    private func drawRow(_ y: Int, of canvas: Canvas, previous: Canvas?, width: Int) {
        // Index the cell arrays directly: this loop runs for every cell of every frame.
        let cells = canvas.cells
        let old = previous?.cells
        let row = y * canvas.width
        var x = 0
        while x < width {
            let index = row + x
            let cell = cells[index]
            let isWideLead = cell.width == 2 && x + 1 < width && cells[index + 1].isContinuation
            if let old, old[index] == cell, !isWideLead || old[index + 1] == cells[index + 1] {
                x += isWideLead ? 2 : 1
                continue
            }
            if isWideLead {
                putWide(cell, x: x, y: y)
            } else if cell.width == 2 || cell.isContinuation {
                // Cut by the edge, or an orphaned half: a blank keeps the columns aligned.
                put(" ", style: cell.style, x: x, y: y)
            } else {
                putNarrow(cell, x: x, y: y)
            }
            x += isWideLead ? 2 : 1
        }
    }

    private func putWide(_ cell: Cell, x: Int, y: Int) {
        let characters = TerminalScreen.wideCharacters(of: cell.text)
        switch gz_wcwidth(characters[0]) {
        case 2:
            put(characters, style: cell.style, x: x, y: y)
        case 1:
            // ncurses (and most likely the terminal) think it is narrow: blank the right half.
            put(characters, style: cell.style, x: x, y: y)
            put([0x20, 0], style: cell.style, x: x + 1, y: y)
        default:
            put([0xFFFD, 0], style: cell.style, x: x, y: y)
            put([0x20, 0], style: cell.style, x: x + 1, y: y)
        }
    }

    private func putNarrow(_ cell: Cell, x: Int, y: Int) {
        let characters = TerminalScreen.wideCharacters(of: cell.text)
        switch gz_wcwidth(characters[0]) {
        case 1: put(characters, style: cell.style, x: x, y: y)
        // A lone combining mark: give it a base so ncurses does not merge it into the left cell.
        case 0: put([0x20] + characters.prefix(4) + [0], style: cell.style, x: x, y: y)
        // ncurses would take two columns (or cannot print it at all): keep the layout's one column.
        default: put([0xFFFD, 0], style: cell.style, x: x, y: y)
        }
    }

    private func put(_ text: String, style: Style, x: Int, y: Int) {
        put(TerminalScreen.wideCharacters(of: text), style: style, x: x, y: y)
    }

    /// Writes one cell without moving the cursor or wrapping (safe at the bottom-right corner).
    private func put(_ characters: [wchar_t], style: Style, x: Int, y: Int) {
        let attributes = palette.attributes(for: style)
        var characters = characters
        var cell = cchar_t()
        if setcchar(&cell, &characters, attributes.attrs, attributes.pair, nil) != OK {
            var replacement: [wchar_t] = [0xFFFD, 0]
            setcchar(&cell, &replacement, attributes.attrs, attributes.pair, nil)
        }
        mvwadd_wchnstr(window, Int32(y), Int32(x), &cell, 1)
    }

    /// The grapheme as a NUL-terminated wchar_t string of at most CCHARW_MAX characters.
    ///
    /// Control characters never reach the terminal, even if a view forgot to sanitise them.
    static func wideCharacters(of text: String) -> [wchar_t] {
        var characters: [wchar_t] = []
        characters.reserveCapacity(6)
        for scalar in text.unicodeScalars {
            guard characters.count < 5 else { break }
            // One cell holds one spacing character and the marks on it. What setcchar would
            // drop — a joiner and the emoji it joins (👨‍💻), a flag's second letter, a skin tone —
            // is dropped here, joiner included: a lone U+200D sent out makes terminals join it
            // to the next cell and shifts the rest of the row.
            if !characters.isEmpty, !staysWithBase(scalar) { break }
            characters.append(isControl(scalar) ? 0xFFFD : wchar_t(scalar.value))
        }
        if characters.isEmpty { characters.append(0x20) }
        characters.append(0)
        return characters
    }

    /// Marks and variation selectors: drawn in the cell of the character before them.
    static func staysWithBase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: true
        // Decomposed Hangul: the vowel and final jamo join the initial consonant's syllable.
        default: (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
            || (0x1160...0x11FF).contains(scalar.value) || (0xD7B0...0xD7FF).contains(scalar.value)
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1f, 0x7f...0x9f, 0x202a...0x202e, 0x2066...0x2069: true
        default: false
        }
    }
}
