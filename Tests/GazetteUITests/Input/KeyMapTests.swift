import Testing
@testable import GazetteUI

@Suite struct KeyMapTests {
    let map = KeyMap.standard

    @Test(arguments: [
        (Key.character("j"), KeyContext.list, Action.moveDown), (.down, .list, .moveDown),
        (.character("k"), .reader, .moveUp), (.up, .sidebar, .moveUp),
        (.character("g"), .list, .moveToTop), (.home, .reader, .moveToTop),
        (.character("G"), .list, .moveToBottom), (.end, .sidebar, .moveToBottom),
        (.pageDown, .list, .pageDown), (.pageUp, .reader, .pageUp),
        (.control("d"), .list, .halfPageDown), (.control("u"), .reader, .halfPageUp),
        (.tab, .list, .focusNext), (.backTab, .reader, .focusPrevious),
        (.character("h"), .list, .focusLeft), (.left, .reader, .focusLeft),
        (.character("l"), .sidebar, .focusRight), (.right, .list, .focusRight),
        (.enter, .list, .openArticle), (.enter, .sidebar, .toggleInclude),
        (.character(" "), .sidebar, .toggleInclude), (.character(" "), .reader, .pageDownOrNextArticle),
        (.character("x"), .sidebar, .toggleExclude), (.character("-"), .sidebar, .toggleExclude),
        (.character("["), .reader, .previousArticle), (.character("]"), .sidebar, .nextArticle),
        (.character("/"), .list, .startQuery), (.character("n"), .reader, .nextHit), (.character("N"), .reader, .previousHit),
        (.character("c"), .list, .clearFilters), (.character("s"), .reader, .cycleSort),
        (.character("?"), .list, .toggleHelp), (.character("q"), .list, .closeOrQuit),
        (.control("c"), .list, .quit), (.control("l"), .reader, .redraw), (.control("z"), .sidebar, .suspend),
        (.character("v"), .list, .toggleArrangement), (.character("z"), .reader, .toggleZoom), (.character("b"), .list, .toggleSidebar),
        (.enter, .prompt, .promptSubmit), (.escape, .prompt, .promptCancel), (.backspace, .prompt, .promptDeleteBackward),
        (.character("?"), .help, .toggleHelp), (.character("q"), .help, .toggleHelp), (.character("j"), .help, .moveDown),
    ] as [(Key, KeyContext, Action)])
    func binds(key: Key, context: KeyContext, action: Action) {
        #expect(map.action(for: key, in: context) == action)
    }

    @Test func promptTypesLettersInsteadOfRunningCommands() {
        #expect(map.action(for: .character("q"), in: .prompt) == .promptInsert("q"))
        #expect(map.action(for: .character("j"), in: .prompt) == .promptInsert("j"))
        #expect(map.action(for: .character("東"), in: .prompt) == .promptInsert("東"))
        #expect(map.action(for: .control("c"), in: .prompt) == .quit)
        // Tab completes a tag in the tag prompt; it never moves focus from a prompt.
        #expect(map.action(for: .tab, in: .prompt) == .promptComplete)
    }

    @Test func helpIsModal() {
        #expect(map.action(for: .character("/"), in: .help) == nil)
        #expect(map.action(for: .control("c"), in: .help) == .quit)
    }

    @Test func unboundKeysAndResize() {
        #expect(map.action(for: .character("Q"), in: .list) == nil)
        #expect(map.action(for: .function(5), in: .reader) == nil)
        #expect(map.action(for: .character("n"), in: .list) == nil)
        #expect(map.action(for: .resize(width: 80, height: 24), in: .prompt) == .resize(width: 80, height: 24))
    }

    @Test func helpEntriesGroupKeysOfOneAction() {
        let entries = map.helpEntries(for: .list)
        #expect(entries.contains { $0.keys == "j ↓" && $0.description == "Down" })
        #expect(entries.contains { $0.keys == "Ctrl-d" })
        let sidebar = map.helpEntries(for: .sidebar)
        #expect(sidebar.contains { $0.keys == "Enter Space" })
    }
}
