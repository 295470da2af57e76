import CNcursesw
import GazetteUI
import Testing

@testable import GazetteTerminal

@Suite("Palette")
struct PaletteTests {
    @Test func monochromeUsesAttributesOnly() {
        let palette = Palette(color: false, colorCount: 0)
        #expect(palette.pairs.isEmpty)
        #expect(palette.attributes(for: Style(.selection)) == CellAttributes(attrs: gz_a_reverse(), pair: 0))
        #expect(palette.attributes(for: Style(.statusBar)) == CellAttributes(attrs: gz_a_reverse(), pair: 0))
        #expect(palette.attributes(for: Style(.highlight)) == CellAttributes(attrs: gz_a_bold() | gz_a_underline(), pair: 0))
        #expect(palette.attributes(for: Style(.accent)).attrs == gz_a_bold())
        #expect(palette.attributes(for: .plain) == CellAttributes(attrs: 0, pair: 0))
    }

    @Test func colourRolesGetPairsOnTheDefaultBackground() {
        let palette = Palette(color: true, colorCount: 256)
        #expect(!palette.pairs.isEmpty)
        #expect(palette.pairs.allSatisfy { $0.background == -1 })
        let accent = palette.attributes(for: Style(.accent))
        let accentPair = palette.pairs.first { $0.number == accent.pair }
        #expect(accentPair?.foreground == Int32(COLOR_CYAN))
        #expect(accent.attrs & gz_a_bold() != 0)
        let tag = palette.attributes(for: Style(.tag))
        #expect(palette.pairs.first { $0.number == tag.pair }?.foreground == Int32(COLOR_GREEN))
        #expect(palette.attributes(for: .plain).pair == 0)
        // Pair numbers are distinct so every role keeps its own colour.
        #expect(Set(palette.pairs.map(\.number)).count == palette.pairs.count)
    }

    @Test func eightColourTerminalsDimWithAnAttribute() {
        let palette = Palette(color: true, colorCount: 8)
        #expect(palette.attributes(for: Style(.dim)) == CellAttributes(attrs: gz_a_dim(), pair: 0))
        #expect(palette.pairs.allSatisfy { $0.foreground < 8 })
    }

    @Test func styleFlagsAddToTheRole() {
        let palette = Palette(color: true, colorCount: 256)
        let attrs = palette.attributes(for: Style(.tag, bold: true, reverse: false, underline: true, dim: false)).attrs
        #expect(attrs & gz_a_bold() != 0)
        #expect(attrs & gz_a_underline() != 0)
        #expect(attrs & gz_a_reverse() == 0)
        #expect(palette.attributes(for: Style(reverse: true)).attrs == gz_a_reverse())
        #expect(palette.attributes(for: Style(dim: true)).attrs == gz_a_dim())
    }
}

@Suite("NO_COLOR")
struct NoColorTests {
    @Test func onlyANonEmptyValueTurnsColourOff() {
        #expect(TerminalScreen.noColorRequested("1"))
        #expect(TerminalScreen.noColorRequested("yes"))
        #expect(!TerminalScreen.noColorRequested(""))
        #expect(!TerminalScreen.noColorRequested(nil))
    }
}
