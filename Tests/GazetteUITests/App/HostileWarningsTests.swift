import GazetteCore
import Testing
@testable import GazetteUI

/// Warnings quote file names and header values, both untrusted: in the `w` overlay they are made
/// visible (`␛`) and never reach the grid as control characters.
@Suite struct HostileWarningsTests {
    @Test func theWarningsOverlayShowsEscapesAsVisiblePlaceholders() {
        var report = LoadReport()
        report.warnings = [
            LoadWarning(path: "Data/named\u{1B}]0;x\u{07}.txt", line: 2, reason: "unparseable date \"soon\""),
            LoadWarning(path: "Data/a.txt", line: 2, reason: "unparseable date \"\u{1B}[2J\u{9B}31m\""),
        ]
        report.duplicates = [DuplicateArticle(id: ArticleID(value: 0xabc), title: "Dup \u{1B}[5m", kept: SourceLocation(path: "k.txt", line: 1),
                                              dropped: SourceLocation(path: "d\u{1B}c.txt", line: 1))]
        var state = AppState(store: AppFixture.store, report: report, width: 100, height: 20)
        let action = KeyMap.standard.action(for: .character("w"), in: state.keyContext)
        #expect(action == .toggleWarnings)
        _ = reduce(&state, action!)
        let frame = render(state)
        #expect(gridProblems(frame).isEmpty, "\(gridProblems(frame))")
        #expect(find("Data/named␛]0;x␇.txt:2: unparseable date \"soon\"", in: frame) != nil, "\(frame.lines.joined(separator: "\n"))")
        #expect(find("Data/a.txt:2: unparseable date \"␛[2J", in: frame) != nil, "\(frame.lines.joined(separator: "\n"))")
        #expect(find("d␛c.txt:1: duplicate of \"Dup ␛[5m\"", in: frame) != nil, "\(frame.lines.joined(separator: "\n"))")
        // q and Esc close it through the key map, as a user presses them.
        for key in [Key.character("q"), .escape] {
            var open = state
            let close = KeyMap.standard.action(for: key, in: open.keyContext)
            #expect(close != nil && close != .quit, "\(key.displayName)")
            let effects = reduce(&open, close!)
            #expect(effects.isEmpty, "\(key.displayName) closes the overlay, it does not quit")
            #expect(open.warningsOffset == nil, "\(key.displayName)")
            #expect(open.keyContext == .list)
        }
    }
}
