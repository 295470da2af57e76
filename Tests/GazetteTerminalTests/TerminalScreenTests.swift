import CNcursesw
import GazetteUI
import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import GazetteTerminal

/// Writes `text` into `canvas` at (x, y), one grapheme per cell, wide ones followed by a continuation.
private func write(_ text: String, into canvas: inout Canvas, x: Int, y: Int, style: Style = .plain) {
    var column = x
    for character in text {
        let wide = character.unicodeScalars.first.map { gz_wcwidth(wchar_t($0.value)) == 2 } ?? false
        canvas[column, y] = Cell(text: String(character), width: wide ? 2 : 1, style: style)
        if wide { canvas[column + 1, y] = .continuation }
        column += wide ? 2 : 1
    }
}

private func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
}

extension NcursesSuite {
@Suite("Terminal screen (in-process, off screen)")
struct TerminalScreenTests {
    @Test func textLandsInTheRightCells() throws {
        let screen = try TerminalScreen.offscreen(width: 20, height: 3)
        defer { screen.stop() }
        var canvas = Canvas(width: 20, height: 3)
        write("Hello", into: &canvas, x: 2, y: 1)
        screen.draw(canvas)
        #expect(screen.size == (20, 3))
        #expect(screen.storedLine(0) == pad("", 20))
        #expect(screen.storedLine(1) == pad("  Hello", 20))
        #expect(screen.storedText(x: 2, y: 1) == "H")
        #expect(screen.storedText(x: 6, y: 1) == "o")
    }

    @Test func wideCharacterOccupiesTwoCells() throws {
        let screen = try TerminalScreen.offscreen(width: 10, height: 1)
        defer { screen.stop() }
        var canvas = Canvas(width: 10, height: 1)
        write("中文ab", into: &canvas, x: 0, y: 0)
        screen.draw(canvas)
        #expect(screen.storedText(x: 0, y: 0) == "中")
        #expect(screen.storedText(x: 2, y: 0) == "文")
        #expect(screen.storedText(x: 4, y: 0) == "a")
        #expect(screen.storedText(x: 5, y: 0) == "b")
        #expect(screen.storedLine(0).hasPrefix("中文ab  "))
    }

    @Test func combiningMarksStayWithTheirBase() throws {
        let screen = try TerminalScreen.offscreen(width: 6, height: 1)
        defer { screen.stop() }
        var canvas = Canvas(width: 6, height: 1)
        write("e\u{301}x", into: &canvas, x: 0, y: 0)
        screen.draw(canvas)
        #expect(screen.storedText(x: 0, y: 0) == "e\u{301}")
        #expect(screen.storedText(x: 1, y: 0) == "x")
    }

    @Test func emojiSequencesKeepTheirBaseAndNoStrayJoiner() throws {
        // 👨‍💻 (man, joiner, laptop), 🇯🇵 (two flag letters), 👍🏽 (a skin tone): one cell holds one
        // spacing character; a joiner left in it would make the terminal join the next cell.
        let screen = try TerminalScreen.offscreen(width: 10, height: 1)
        defer { screen.stop() }
        var canvas = Canvas(width: 10, height: 1)
        for (x, emoji) in [(0, "👨\u{200D}💻"), (2, "🇯🇵"), (4, "👍🏽"), (6, "❤\u{FE0F}")] {
            canvas[x, 0] = Cell(text: emoji, width: 2, style: .plain)
            canvas[x + 1, 0] = .continuation
        }
        screen.draw(canvas)
        #expect(screen.storedText(x: 0, y: 0) == "👨")
        #expect(screen.storedText(x: 2, y: 0) == "🇯")
        #expect(screen.storedText(x: 4, y: 0) == "👍")
        #expect(!screen.storedLine(0).unicodeScalars.contains { $0.value == 0x200D })
        #expect(TerminalScreen.wideCharacters(of: "❤\u{FE0F}") == [0x2764, 0xFE0F, 0], "a variation selector stays")
        #expect(TerminalScreen.wideCharacters(of: "e\u{301}") == [0x65, 0x301, 0])
    }

    @Test func redrawSendsOnlyChangedCells() throws {
        let screen = try TerminalScreen.offscreen(width: 10, height: 2)
        defer { screen.stop() }
        var canvas = Canvas(width: 10, height: 2)
        write("abcdef", into: &canvas, x: 0, y: 0)
        screen.draw(canvas)
        // Tamper with ncurses' buffer behind the screen's back: an unchanged cell is not rewritten…
        mvwaddstr(screen.window, 1, 0, "Z")
        canvas[2, 0] = Cell(text: "X")
        screen.draw(canvas)
        #expect(screen.storedLine(0) == pad("abXdef", 10))
        #expect(screen.storedText(x: 0, y: 1) == "Z")
        // …until Ctrl-L repaints the whole frame.
        screen.redrawAll()
        #expect(screen.storedText(x: 0, y: 1) == " ")
        #expect(screen.storedLine(0) == pad("abXdef", 10))
    }

    @Test func replacingAWideCharacterWithNarrowOnesLeavesNoHalf() throws {
        let screen = try TerminalScreen.offscreen(width: 6, height: 1)
        defer { screen.stop() }
        var canvas = Canvas(width: 6, height: 1)
        write("a中b", into: &canvas, x: 0, y: 0)
        screen.draw(canvas)
        var next = Canvas(width: 6, height: 1)
        write("axyb", into: &next, x: 0, y: 0)
        screen.draw(next)
        #expect(screen.storedLine(0) == pad("axyb", 6))
        write("日本", into: &next, x: 1, y: 0)
        screen.draw(next)
        #expect(screen.storedLine(0).hasPrefix("a日本"))
    }

    @Test func wideCharacterAtTheLastColumnIsNotSplit() throws {
        let screen = try TerminalScreen.offscreen(width: 5, height: 2)
        defer { screen.stop() }
        var canvas = Canvas(width: 5, height: 2)
        write("abcd", into: &canvas, x: 0, y: 0)
        // A malformed frame: a wide cell with no room for its right half.
        canvas[4, 0] = Cell(text: "中", width: 2)
        write("next", into: &canvas, x: 0, y: 1)
        screen.draw(canvas)
        #expect(screen.storedLine(0) == "abcd ")
        #expect(screen.storedLine(1) == "next ")
    }

    @Test func wideCharacterCutByTheScreenEdgeIsBlank() throws {
        let screen = try TerminalScreen.offscreen(width: 5, height: 1)
        defer { screen.stop() }
        // The canvas is one column wider than the screen (a frame rendered before a resize).
        var canvas = Canvas(width: 6, height: 1)
        write("abcd中", into: &canvas, x: 0, y: 0)
        screen.draw(canvas)
        #expect(screen.storedLine(0) == "abcd ")
    }

    @Test func bottomRightCornerIsWritten() throws {
        let screen = try TerminalScreen.offscreen(width: 4, height: 2)
        defer { screen.stop() }
        var canvas = Canvas(width: 4, height: 2)
        write("wxyz", into: &canvas, x: 0, y: 1)
        screen.draw(canvas)
        #expect(screen.storedLine(1) == "wxyz")
        #expect(screen.storedLine(0) == "    ")
    }

    @Test func controlCharactersNeverReachTheBuffer() throws {
        let screen = try TerminalScreen.offscreen(width: 4, height: 1)
        defer { screen.stop() }
        var canvas = Canvas(width: 4, height: 1)
        canvas[0, 0] = Cell(text: "\u{1b}")
        canvas[1, 0] = Cell(text: "\u{9b}")
        canvas[2, 0] = Cell(text: "\u{202e}")
        screen.draw(canvas)
        #expect(screen.storedText(x: 0, y: 0) == "\u{FFFD}")
        #expect(screen.storedText(x: 1, y: 0) == "\u{FFFD}")
        #expect(screen.storedText(x: 2, y: 0) == "\u{FFFD}")
    }

    @Test func attributesFollowTheStyle() throws {
        let screen = try TerminalScreen.offscreen(width: 6, height: 1, colors: .never)
        defer { screen.stop() }
        var canvas = Canvas(width: 6, height: 1)
        canvas[0, 0] = Cell(text: "b", style: Style(bold: true))
        canvas[1, 0] = Cell(text: "r", style: Style(reverse: true))
        canvas[2, 0] = Cell(text: "s", style: Style(.selection))
        canvas[3, 0] = Cell(text: "h", style: Style(.highlight))
        screen.draw(canvas)
        #expect(screen.storedAttributes(x: 0, y: 0).attrs == gz_a_bold())
        #expect(screen.storedAttributes(x: 1, y: 0).attrs == gz_a_reverse())
        #expect(screen.storedAttributes(x: 2, y: 0).attrs == gz_a_reverse())
        #expect(screen.storedAttributes(x: 3, y: 0).attrs == gz_a_bold() | gz_a_underline())
        #expect(screen.storedAttributes(x: 4, y: 0).attrs == 0)
    }

    @Test func colourRolesUseTheirPairs() throws {
        let screen = try TerminalScreen.offscreen(width: 4, height: 1, colors: .automatic)
        defer { screen.stop() }
        #expect(screen.palette.usesColor)
        var canvas = Canvas(width: 4, height: 1)
        canvas[0, 0] = Cell(text: "a", style: Style(.accent))
        canvas[1, 0] = Cell(text: "t", style: Style(.tag))
        screen.draw(canvas)
        let accent = screen.storedAttributes(x: 0, y: 0)
        #expect(accent == screen.palette.attributes(for: Style(.accent)))
        #expect(accent.pair != 0)
        #expect(screen.storedAttributes(x: 1, y: 0).pair != accent.pair)
        #expect(screen.storedAttributes(x: 2, y: 0).pair == 0)
    }

    @Test func resizedCanvasIsRedrawnInFull() throws {
        let screen = try TerminalScreen.offscreen(width: 8, height: 2)
        defer { screen.stop() }
        var canvas = Canvas(width: 8, height: 2)
        write("12345678", into: &canvas, x: 0, y: 0)
        screen.draw(canvas)
        resizeterm(2, 4)
        var small = Canvas(width: 4, height: 2)
        write("ab", into: &small, x: 0, y: 1)
        screen.draw(small)
        #expect(screen.size == (4, 2))
        #expect(screen.storedLine(0) == "    ")
        #expect(screen.storedLine(1) == "ab  ")
    }

    @Test func stopIsIdempotentAndDrawingAfterwardsIsHarmless() throws {
        let screen = try TerminalScreen.offscreen(width: 3, height: 1)
        screen.stop()
        screen.stop()
        screen.draw(Canvas(width: 3, height: 1))
        #expect(screen.readKey(timeoutMilliseconds: 0) == nil)
    }
}
}
