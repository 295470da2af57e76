import CNcursesw
import GazetteUI
import Testing

@testable import GazetteTerminal

extension NcursesSuite {
    /// A theme changes the colours the cells are drawn in (read back from ncurses' buffer).
    @Suite struct ThemeDrawingTests {
        @Test func applyingAThemeRedrawsTheSameCellsInItsColours() throws {
            let screen = try TerminalScreen.offscreen(width: 4, height: 1, colors: .automatic)
            defer { screen.stop() }
            var canvas = Canvas(width: 4, height: 1)
            canvas[0, 0] = Cell(text: "a", style: Style(.accent))
            canvas[1, 0] = Cell(text: "t", style: Style(.tag))
            screen.draw(canvas)
            #expect(screen.storedForeground(x: 0, y: 0) == Int32(COLOR_CYAN))
            #expect(screen.storedForeground(x: 1, y: 0) == Int32(COLOR_GREEN))

            var theme = Theme.light
            theme.looks[.tag] = RoleLook(.rgb(0xFF, 0x87, 0x00), .underline)
            screen.apply(theme: theme)
            screen.draw(canvas)
            #expect(screen.storedForeground(x: 0, y: 0) == 25, "the light theme's accent")
            #expect(screen.storedForeground(x: 1, y: 0) == 208, "#ff8700 as the nearest of 256")
            #expect(screen.storedAttributes(x: 1, y: 0).attrs & gz_a_underline() != 0)
            #expect(screen.storedText(x: 1, y: 0) == "t")
        }

        @Test func withoutColourAThemeChangesNoColour() throws {
            let screen = try TerminalScreen.offscreen(width: 2, height: 1, colors: .never)
            defer { screen.stop() }
            screen.apply(theme: .light)
            var canvas = Canvas(width: 2, height: 1)
            canvas[0, 0] = Cell(text: "a", style: Style(.accent))
            screen.draw(canvas)
            #expect(screen.storedAttributes(x: 0, y: 0) == CellAttributes(attrs: gz_a_bold(), pair: 0), "NO_COLOR wins")
        }
    }
}
