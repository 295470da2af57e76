import GazetteCore
import Testing
@testable import GazetteUI

/// The `:` command line, through the key map as a user types it.
@Suite struct CommandLineTests {
    /// Presses each key through the state's own key map; returns the effects.
    @discardableResult
    static func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            guard let action = state.action(for: key) else { continue }
            effects += reduce(&state, action)
        }
        return effects
    }

    /// `:` then `text`, then Enter.
    @discardableResult
    static func command(_ text: String, _ state: inout AppState) -> [Effect] {
        press([.character(":")] + text.map { Key.character($0) } + [.enter], &state)
    }

    @Test func anyActionRunsByItsName() {
        var state = AppFixture.state()
        Self.command("zoom", &state)
        #expect(state.options.zoomed)
        #expect(state.prompt == nil)
        Self.command("help", &state)
        #expect(state.listOverlay?.kind == .help)
        Self.press([.escape], &state)
        #expect(Self.command("quit", &state) == [.quit])
    }

    @Test func sortAndQueryTakeArguments() {
        var state = AppFixture.state()
        Self.command("sort title", &state)
        #expect(state.sort == .title)
        #expect(state.message == "Sorted by title")
        let titles = AppFixture.titles(state)
        #expect(titles == titles.sorted { $0.lowercased() < $1.lowercased() })
        Self.command("query tag:Ferries", &state)
        #expect(state.activeQueryText == "tag:Ferries")
        #expect(state.keptQuery == "tag:Ferries")
    }

    @Test func themeChangesTheStatesThemeAndAsksTheTerminalToRedraw() {
        var state = AppFixture.state()
        let effects = Self.command("theme light", &state)
        #expect(effects == [.applyTheme(.light)])
        #expect(state.settings.theme == .light)
    }

    @Test func aMistakeKeepsThePromptOpenWithTheReason() {
        var state = AppFixture.state()
        Self.command("sort colour", &state)
        #expect(state.prompt?.kind == .command)
        #expect(state.prompt?.error == "Usage: sort date|title|author|relevance")
        Self.press([.control("u")] + "frobnicate".map { Key.character($0) } + [.enter], &state)
        #expect(state.prompt?.error == "No command 'frobnicate' (Tab lists them)")
        Self.press([.escape], &state)
        #expect(state.prompt == nil)
    }

    @Test func tabCompletesCommandsAndTheirArguments() {
        var state = AppFixture.state()
        Self.press([.character(":"), .character("s"), .character("o"), .tab], &state)
        #expect(state.prompt?.text == "sort ")
        Self.press([.character("t"), .tab], &state)
        #expect(state.prompt?.text == "sort title ")
        Self.press([.control("u"), .character("t"), .character("h"), .tab], &state)
        #expect(state.prompt?.text == "th", "theme and threaded: their common prefix")
        Self.press([.character("e"), .tab], &state)
        #expect(state.prompt?.text == "theme ")
        Self.press([.character("l"), .tab], &state)
        #expect(state.prompt?.text == "theme light ")
        Self.press([.control("u"), .character("t"), .tab], &state)
        #expect(state.prompt?.text == "t", "several candidates: their common prefix")
        #expect(state.message?.contains("toggle-read") == true, "and a few of them on the status line")
    }

    @Test func viewSaveOpenAndDelete() {
        var state = AppState(store: AppFixture.store, width: 120, height: 40, overlay: ReaderOverlay(count: AppFixture.store.count))
        Self.command("query tag:Ferries", &state)
        #expect(Self.command("view save Boats", &state) == [.saveView(SavedView(name: "Boats", query: "tag:Ferries"))])
        state.savedViews = [SavedView(name: "Boats", query: "tag:Ferries")]
        Self.command("view All", &state)
        Self.command("view Boats", &state)
        #expect(state.activeView == .saved("Boats"))
        #expect(Self.command("view delete Boats", &state) == [.deleteView("Boats")])
        Self.command("view Nowhere", &state)
        #expect(state.prompt?.error == "No view 'Nowhere' (Tab lists them)")
    }

    @Test func bindRebindsAtOnceAndTheHelpShowsIt() {
        var state = AppFixture.state()
        Self.command("bind J next-article", &state)
        let before = state.list.selection
        Self.press([.character("J")], &state)
        #expect(state.list.selection == (before ?? 0) + 1)
        #expect(state.helpLines.map(\.text).contains { $0.hasPrefix("  ] J ") && $0.hasSuffix("Next article") })
        Self.command("bind ? none", &state)
        Self.press([.character("?")], &state)
        #expect(state.listOverlay == nil, "? is unbound now")
    }
}
