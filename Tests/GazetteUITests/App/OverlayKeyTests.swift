import GazetteCore
import Testing
@testable import GazetteUI

/// Keys pressed in the overlays and the prompt, through the key map as a user would press them.
@Suite struct OverlayKeyTests {
    private static func press(_ key: Key, _ state: inout AppState) {
        guard let action = KeyMap.standard.action(for: key, in: state.keyContext) else { return }
        _ = reduce(&state, action)
    }

    private static func offset(_ state: AppState) -> Int? { state.helpOffset ?? state.warningsOffset }

    /// Every overlay scrolling key moves both overlays the way the panes move.
    private static func expectScrolling(_ state: inout AppState, max maxOffset: Int) {
        #expect(maxOffset > 12, "the overlay must scroll for this test to mean anything")
        for key in [Key.character("G"), .end] {
            press(.character("g"), &state)
            press(key, &state)
            #expect(offset(state) == maxOffset, "\(key.displayName)")
        }
        for key in [Key.character("g"), .home] {
            press(key, &state)
            #expect(offset(state) == 0, "\(key.displayName)")
            press(.character("G"), &state)
        }
        press(.home, &state)
        press(.control("d"), &state)
        let half = offset(state) ?? 0
        press(.pageDown, &state)
        let page = offset(state) ?? 0
        #expect(half > 0 && half < page - half + 1, "half page \(half), page \(page - half)")
        press(.control("u"), &state)
        #expect(offset(state) == page - half)
        for key in [Key.character("j"), .down] {
            let before = offset(state) ?? 0
            press(key, &state)
            #expect(offset(state) == before + 1)
        }
        for key in [Key.character("k"), .up, .pageUp] {
            let before = offset(state) ?? 0
            press(key, &state)
            #expect(offset(state)! < before, "\(key.displayName)")
        }
    }

    @Test func helpOverlayScrollsWithEveryMovementKey() {
        var state = AppFixture.state(width: 100, height: 14)
        Self.press(.character("?"), &state)
        #expect(state.keyContext == .help)
        Self.expectScrolling(&state, max: ListOverlayView(content: HelpOverlayView.content(state.helpLines)).maxOffset(in: state.overlayArea))
        Self.press(.escape, &state)
        #expect(state.helpOffset == nil)
    }

    @Test func warningsOverlayScrollsWithTheSameKeys() {
        var report = LoadReport()
        report.warnings = (1...60).map { LoadWarning(path: "Data/bad.txt", line: $0, reason: "no title") }
        var state = AppState(store: AppFixture.store, report: report, width: 100, height: 14)
        Self.press(.character("w"), &state)
        #expect(state.keyContext == .warnings)
        Self.expectScrolling(&state, max: ListOverlayView(content: WarningsOverlayView.content(state.warningLines)).maxOffset(in: state.overlayArea))
    }

    @Test func aLongWarningIsWrappedSoItsReasonIsRead() {
        var report = LoadReport()
        let path = "/home/reader/archives/lists/linux-kernel/2003/2003-week-27-and-some.mbox"
        report.warnings = [
            LoadWarning(path: path, line: 48_213, reason: "unknown charset x-user-defined; read as UTF-8 or Windows-1252"),
            LoadWarning(path: "Data/short.txt", line: 3, reason: "no title"),
            LoadWarning(path: path, line: 9, reason: String(repeating: "very long reason ", count: 5_000) + "END"),
        ]
        var state = AppState(store: AppFixture.store, report: report, width: 60, height: 20)
        Self.press(.character("w"), &state)
        let screen = render(state).lines.joined(separator: "\n")
        // The reason, at the end of a line wider than the screen, is on the screen.
        #expect(screen.contains("x-user-defined"))
        #expect(screen.contains("Windows-1252"))
        #expect(screen.contains("Data/short.txt:3: no title"))
        // A huge warning takes a few rows and says it was cut.
        // 56 columns of text: the path alone is wider, so the first warning takes three rows.
        #expect(state.listOverlay?.rows.prefix(3).map { $0.hasPrefix("  ") } == [false, true, true])
        #expect(state.listOverlay?.rows.count == 3 + 1 + WarningsOverlayView.rowsPerWarning)
        #expect(state.listOverlay?.rows.last?.hasSuffix("…") == true)
        #expect(screen.contains(" Load report: 3 lines "))
        // Wider, fewer rows; the same warnings.
        _ = reduce(&state, .resize(width: 200, height: 20))
        #expect(state.listOverlay?.rows.first?.hasSuffix("Windows-1252") == true)
    }

    @Test func bothOverlaysListTheSameScrollingKeys() {
        let help = KeyMap.standard.helpEntries(for: .help).filter { !$0.description.hasPrefix("Close") }
        let warnings = KeyMap.standard.helpEntries(for: .warnings).filter { !$0.description.hasPrefix("Close") }
        #expect(help.map(\.keys) == warnings.map(\.keys))
        #expect(help.map(\.keys).joined(separator: " ") == "j ↓ k ↑ PgDn Space PgUp g Home G End Ctrl-d Ctrl-u")
    }

    @Test func helpSaysEscClosesThePromptAndQTypesALetter() {
        let global = KeyMap.standard.helpEntries(for: .global)
        let quit = global.first { $0.keys == "q" }
        #expect(quit?.description.contains("prompt") == false, "q types a letter in the prompt")
        #expect(KeyMap.standard.helpEntries(for: .prompt).contains { $0.keys == "Esc" })
        var state = AppFixture.state()
        Self.press(.character("/"), &state)
        Self.press(.character("q"), &state)
        #expect(state.prompt?.text == "q")
    }

    @Test func enterOnABadQuerySaysHowToGetOutInThePromptLine() {
        var state = AppFixture.state(width: 120, height: 20)
        Self.press(.character("/"), &state)
        AppFixture.type("\"harbour", into: &state)
        Self.press(.enter, &state)
        #expect(state.prompt != nil, "the typed text is kept")
        let bottom = render(state).lines.last ?? ""
        #expect(bottom.contains("unbalanced quote"))
        #expect(bottom.contains("Esc"), "\(bottom)")
        Self.press(.escape, &state)
        #expect(state.prompt == nil)
    }
}
