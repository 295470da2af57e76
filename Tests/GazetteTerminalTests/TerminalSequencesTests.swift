import Testing

@testable import GazetteTerminal

/// The bytes that reach the terminal for the clipboard and the mouse.
@Suite struct TerminalSequencesTests {
    @Test func osc52CarriesTheTextInBase64() {
        let bytes = TerminalSequences.clipboard("https://example.org/a?b=c", inTmux: false)
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{1b}]52;c;aHR0cHM6Ly9leGFtcGxlLm9yZy9hP2I9Yw==\u{1b}\\")
    }

    @Test func nonASCIIIsEncodedAsUTF8() {
        let bytes = TerminalSequences.clipboard("zürich", inTmux: false)
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{1b}]52;c;esO8cmljaA==\u{1b}\\")
    }

    @Test func insideTmuxThePassthroughFormFollowsWithEscapesDoubled() {
        let text = String(decoding: TerminalSequences.clipboard("x", inTmux: true), as: UTF8.self)
        #expect(text == "\u{1b}]52;c;eA==\u{1b}\\" + "\u{1b}Ptmux;\u{1b}\u{1b}]52;c;eA==\u{1b}\u{1b}\\\u{1b}\\")
    }

    @Test func mouseModesOnAndOffMatch() {
        let on = String(decoding: TerminalSequences.mouseOn, as: UTF8.self)
        let off = String(decoding: TerminalSequences.mouseOff, as: UTF8.self)
        #expect(on.contains("\u{1b}[?1000h") && on.contains("\u{1b}[?1006h"))
        for mode in ["1000", "1002", "1006"] { #expect(off.contains("\u{1b}[?\(mode)l")) }
    }
}
