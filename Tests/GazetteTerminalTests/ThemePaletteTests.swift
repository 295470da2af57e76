import CNcursesw
import GazetteUI
import Testing

@testable import GazetteTerminal

/// The palette draws whatever theme the state holds: colours are data, not a switch.
@Suite("Theme palette")
struct ThemePaletteTests {
    private func foreground(_ palette: Palette, _ role: ColorRole) -> Int32? {
        let pair = palette.attributes(for: Style(role)).pair
        return palette.pairs.first { $0.number == pair }?.foreground
    }

    @Test func anotherThemeChangesTheColoursOfTheSameRoles() {
        let standard = Palette(theme: .default, color: true, colorCount: 256)
        let light = Palette(theme: .light, color: true, colorCount: 256)
        #expect(foreground(standard, .accent) == Int32(COLOR_CYAN))
        #expect(foreground(light, .accent) == 25)
        #expect(foreground(standard, .quote1) != foreground(light, .quote1))
    }

    @Test func aRoleOverrideAndAnExactColour() {
        var theme = Theme.default
        theme.looks[.tag] = RoleLook(.rgb(0xFF, 0x87, 0x00), .underline)
        let palette = Palette(theme: theme, color: true, colorCount: 256)
        #expect(foreground(palette, .tag) == 208, "#ff8700 is xterm colour 208")
        #expect(palette.attributes(for: Style(.tag)).attrs & gz_a_underline() != 0)
    }

    @Test func theMonoThemeAndNoColourUseAttributesOnly() {
        let mono = Palette(theme: .mono, color: true, colorCount: 256)
        #expect(mono.pairs.isEmpty && !mono.usesColor)
        #expect(mono.attributes(for: Style(.highlight)).attrs == gz_a_bold() | gz_a_underline())
        let noColor = Palette(theme: .light, color: false, colorCount: 256)
        #expect(noColor.pairs.isEmpty, "NO_COLOR wins over a colour theme")
    }

    @Test func nearestOf256() {
        #expect(ColorApproximation.nearest256(red: 0, green: 0, blue: 0) == 16)
        #expect(ColorApproximation.nearest256(red: 0xFF, green: 0xFF, blue: 0xFF) == 231)
        #expect(ColorApproximation.nearest256(red: 0x80, green: 0x80, blue: 0x80) == 244)
        #expect(ColorApproximation.nearest256(red: 0x87, green: 0xAF, blue: 0xD7) == 110)
    }

    @Test func directColourDrawsExactColoursWhereTheTerminalHasIt() {
        var theme = Theme.default
        theme.looks[.tag] = RoleLook(.rgb(0xFF, 0x87, 0x00))
        let direct = Palette(theme: theme, color: true, colorCount: 1 << 24, trueColor: true)
        #expect(foreground(direct, .tag) == 0xFF8700)
        #expect(foreground(direct, .dim) == 0x8A8A8A, "grey 245 as its RGB value")
        #expect(foreground(direct, .accent) == Int32(COLOR_CYAN), "the basic colours stay the terminal's own")
        let withoutTerminfo = Palette(theme: theme, color: true, colorCount: 256, trueColor: true)
        #expect(foreground(withoutTerminfo, .tag) == 208, "COLORTERM alone cannot make a 256-colour terminfo draw RGB")
        #expect(TerminalScreen.trueColorRequested("truecolor") && TerminalScreen.trueColorRequested("24bit"))
        #expect(!TerminalScreen.trueColorRequested(nil) && !TerminalScreen.trueColorRequested("256"))
    }

    @Test func aConfiguredColourBeyondABasicTerminalBecomesItsNearest() {
        var theme = Theme.default
        theme.looks[.tag] = RoleLook(.index(196))
        theme.basicLooks[.tag] = nil
        let basic = Palette(theme: theme, color: true, colorCount: 8)
        #expect(foreground(basic, .tag) == Int32(COLOR_RED), "bright red 196 on an 8-colour terminal")
        #expect(basic.pairs.allSatisfy { $0.foreground < 8 })
    }
}
