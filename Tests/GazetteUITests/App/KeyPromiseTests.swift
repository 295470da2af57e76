import GazetteCore
import Testing
@testable import GazetteUI

/// README promises for single keys, each pressed through the key map and checked exactly.
@Suite struct KeyPromiseTests {
    /// Presses `key` as a user would: through the standard key map in the current context.
    @discardableResult
    static func press(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let action = KeyMap.standard.action(for: key, in: state.keyContext) else {
            Issue.record("\(key.displayName) is not bound in \(state.keyContext)")
            return []
        }
        return reduce(&state, action)
    }

    @Test func vPutsListAndReaderSideBySideAndBack() throws {
        var state = AppFixture.state(width: 120, height: 40)
        let stackedList = try #require(state.layout.list)
        let stackedReader = try #require(state.layout.reader)
        #expect(stackedReader.x == stackedList.x && stackedReader.y > stackedList.y, "stacked: the reader under the list")
        #expect(stackedReader.width == stackedList.width)
        Self.press(.character("v"), &state)
        let list = try #require(state.layout.list)
        let reader = try #require(state.layout.reader)
        #expect(reader.y == list.y && reader.x > list.x, "side by side: the reader right of the list")
        #expect(reader.height == list.height)
        Self.press(.character("v"), &state)
        #expect(state.layout.list == stackedList && state.layout.reader == stackedReader)
    }

    @Test func lAndRightMoveFocusRightAndStopAtTheEdge() {
        for right in [Key.character("l"), .right] {
            var state = AppFixture.state()
            state.options.focus = .sidebar
            state.syncLayout()
            var seen: [Pane] = []
            for _ in 0..<3 {
                Self.press(right, &state)
                seen.append(state.options.focus)
            }
            #expect(seen == [.list, .reader, .reader], "\(right.displayName)")
        }
        for left in [Key.character("h"), .left] {
            var state = AppFixture.state()
            state.options.focus = .reader
            state.syncLayout()
            var seen: [Pane] = []
            for _ in 0..<3 {
                Self.press(left, &state)
                seen.append(state.options.focus)
            }
            #expect(seen == [.list, .sidebar, .sidebar], "\(left.displayName)")
        }
    }

    @Test func ctrlDAndCtrlUScrollTheReaderByHalfItsHeight() {
        var state = AppFixture.state(width: 120, height: 40)
        Self.press(.enter, &state)
        #expect(state.keyContext == .reader)
        let half = state.reader.viewport.height / 2
        #expect(half > 2 && state.reader.viewport.maxOffset > 3 * half, "the article must be long enough")
        Self.press(.control("d"), &state)
        #expect(state.reader.viewport.offset == half)
        Self.press(.control("d"), &state)
        #expect(state.reader.viewport.offset == 2 * half)
        Self.press(.control("u"), &state)
        #expect(state.reader.viewport.offset == half)
        Self.press(.control("u"), &state)
        Self.press(.control("u"), &state)
        #expect(state.reader.viewport.offset == 0, "stops at the top")
        #expect(AppFixture.selectedTitle(state) == "Bridge exchange at dawn", "the list selection did not move")
    }

    @Test func bracketsStepThroughArticlesFromEveryPane() {
        for pane in [Pane.list, .reader, .sidebar] {
            var state = AppFixture.state()
            state.options.focus = pane
            state.syncLayout()
            Self.press(.character("]"), &state)
            Self.press(.character("]"), &state)
            #expect(AppFixture.selectedTitle(state) == "Codebreakers of the long war", "\(pane)")
            #expect(state.reader.article == state.selectedArticle, "the reader follows: \(pane)")
            #expect(state.options.focus == pane, "focus stays: \(pane)")
            Self.press(.character("["), &state)
            #expect(AppFixture.selectedTitle(state) == "Station notes from Moscow", "\(pane)")
            Self.press(.character("["), &state)
            Self.press(.character("["), &state)
            #expect(AppFixture.selectedTitle(state) == "Bridge exchange at dawn")
            #expect(render(state).lines.last?.contains("First article") == true, "\(pane): says why nothing moved")
        }
        var last = AppFixture.state()
        for _ in 0..<6 { Self.press(.character("]"), &last) }
        #expect(AppFixture.selectedTitle(last) == "A letter without a date")
        #expect(last.message == "Last article")
    }

    @Test func bracketsInAnOverlayOrThePromptDoNotChangeTheArticle() {
        var report = LoadReport()
        report.warnings = [LoadWarning(path: "a.txt", line: 1, reason: "no title")]
        for opener in [Key.character("?"), .character("w"), .character("/")] {
            var state = AppState(store: AppFixture.store, report: report, width: 120, height: 40)
            Self.press(opener, &state)
            let context = state.keyContext
            // Unbound in the overlays (they are modal), typed in the prompt.
            if let action = KeyMap.standard.action(for: .character("]"), in: context) { _ = reduce(&state, action) }
            #expect(state.keyContext == context, "\(opener.displayName): the overlay or prompt stays open")
            #expect(AppFixture.selectedTitle(state) == "Bridge exchange at dawn", "\(opener.displayName)")
            if context == .prompt { #expect(state.prompt?.text == "]", "typed in the prompt") }
        }
    }

    @Test func sWhileRelevanceIsTheDefaultGoesOnToDateThenAround() {
        var state = AppFixture.state()
        Self.press(.character("/"), &state)
        AppFixture.type("harbour", into: &state)
        Self.press(.enter, &state)
        #expect(state.sortChoice == nil)
        #expect(state.sort == .relevance, "a query with words ranks by relevance until you pick")
        let ranked = AppFixture.titles(state)
        #expect(Set(ranked) == ["Bridge exchange at dawn", "Codebreakers of the long war"])
        var seen: [SortOrder] = []
        for _ in 0..<4 {
            Self.press(.character("s"), &state)
            seen.append(state.sort)
            #expect(render(state).lines.last?.contains("Sorted by \(state.sort.rawValue)") == true)
        }
        #expect(seen == [.date, .title, .author, .relevance])
        #expect(state.sortChoice == .relevance, "picked now, so it stays when the query changes")
        Self.press(.character("c"), &state)
        #expect(state.sort == .relevance)
        Self.press(.character("s"), &state)
        #expect(state.sort == .date)
        #expect(AppFixture.titles(state).first == "Bridge exchange at dawn")
    }

    @Test func qAndEscCloseHelpThroughTheKeyMapAndQQuitsOtherwise() {
        for key in [Key.character("q"), .escape, .character("?")] {
            var state = AppFixture.state()
            Self.press(.character("?"), &state)
            #expect(state.helpOffset == 0)
            #expect(Self.press(key, &state).isEmpty, "\(key.displayName)")
            #expect(state.helpOffset == nil, "\(key.displayName)")
        }
        var state = AppFixture.state()
        Self.press(.character("z"), &state)
        #expect(state.options.zoomed)
        #expect(Self.press(.character("q"), &state).isEmpty, "q first leaves the zoom")
        #expect(!state.options.zoomed)
        #expect(Self.press(.character("q"), &state) == [.quit])
        #expect(KeyMap.standard.action(for: .escape, in: .list) == nil, "Esc in a pane does not quit")
    }
}
