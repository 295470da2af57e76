import GazetteCore
import Testing
@testable import GazetteConfig
@testable import GazetteUI

/// A config file's settings in the running browser: keys through the real key map and reducer,
/// the help, the layout, the views.
@Suite struct ConfiguredStateTests {
    static let location = SourceLocation(path: "config-state.txt", line: 1)
    static let store = ArticleStore(articles: (1...30).map { number in
        Article(title: "Dispatch \(number)", date: ArticleDate(year: 2021, month: 1, day: min(28, number), instant: Int64(min(28, number)) * 86_400), author: number % 2 == 0 ? "Ann" : "Bo",
                tags: number % 3 == 0 ? ["ferries"] : ["harbour"], paragraphs: ["Body \(number)."], source: location)
    })

    static func state(_ config: String, width: Int = 140, height: Int = 40) throws -> AppState {
        let settings = try ConfigFile.parse(config, path: "config.toml").settings
        return AppState(store: store, width: width, height: height, overlay: ReaderOverlay(count: store.count), settings: settings)
    }

    static func press(_ key: Key, _ state: inout AppState) {
        guard let action = state.action(for: key) else { return }
        _ = reduce(&state, action)
    }

    @Test func aReboundKeyMovesTheListAndTheOldKeyNoLonger() throws {
        var state = try Self.state("[keys.list]\n\"C-n\" = \"move-down\"\nj = \"none\"\n")
        #expect(state.list.selection == 0)
        Self.press(.control("n"), &state)
        Self.press(.control("n"), &state)
        #expect(state.list.selection == 2)
        Self.press(.character("j"), &state)
        #expect(state.list.selection == 2, "j is unbound in the list")
        Self.press(.character("k"), &state)
        #expect(state.list.selection == 1)
    }

    @Test func theHelpShowsTheLiveKeyMap() throws {
        var state = try Self.state("[keys]\nF5 = \"reload\"\nR = \"none\"\n\"?\" = \"none\"\nF1 = \"help\"\n")
        Self.press(.character("?"), &state)
        #expect(state.listOverlay == nil, "? is unbound")
        Self.press(.function(1), &state)
        #expect(state.listOverlay?.kind == .help)
        let text = state.helpLines.map(\.text)
        #expect(text.contains { $0.hasPrefix("  F5 ") && $0.hasSuffix("Reload the data directories") })
        #expect(!text.contains { $0.hasPrefix("  R ") }, "the unbound R is not listed")
        let canvas = render(state)
        #expect(canvas.lines.contains { $0.contains("F1") && $0.contains("This help") })
        Self.press(.function(1), &state)
        #expect(state.listOverlay == nil, "the rebound key closes the help too")
        Self.press(.character("/"), &state)
        Self.press(.function(1), &state)
        #expect(state.prompt != nil && state.listOverlay == nil, "not over the prompt")
    }

    @Test func layoutSettingsShapeTheScreen() throws {
        let state = try Self.state("[layout]\nsidebar-width = 40\nfacets = [\"author\"]\narrangement = \"side-by-side\"\n")
        #expect(state.layout.sidebar?.width == 40)
        #expect(state.options.arrangement == .sideBySide)
        let sections = state.sidebar.items.compactMap { $0.view == nil ? $0.kind : nil }
        #expect(Set(sections) == [.author], "only the author facet is shown")
    }

    @Test func configViewsShowWithTheSavedOnesAndSelect() throws {
        var state = try Self.state("[views]\nFerries = \"tag:ferries\"\n")
        let titles = state.sidebar.items.filter { $0.view != nil }.map(\.value)
        #expect(titles.contains("Ferries"))
        let opened = state.openView(named: "Ferries")
        #expect(opened)
        #expect(state.result.count == 10)
        #expect(state.activeQueryText == "tag:ferries")
    }

    @Test func theReaderMeasureIsTheConfigured() throws {
        let state = try Self.state("[layout]\nreader-width = 40\n", width: 160)
        #expect(state.reader.document?.measure == 40)
    }

    @Test func theReaderShowsAndHidesTheConfiguredHeaders() throws {
        let store = ArticleStore(articles: [
            Article(title: "Harbour strike", extraHeaders: [
                HeaderField(name: "Organization", value: "Port Authority"),
                HeaderField(name: "X-Mailer", value: "Pine 4.64"),
                HeaderField(name: "Newsgroups", value: "misc.transport.marine"),
            ], paragraphs: ["The pilots stopped work."], source: Self.location),
        ])
        func headerLines(_ config: String) throws -> [String] {
            let settings = try ConfigFile.parse(config, path: "config.toml").settings
            let state = AppState(store: store, width: 120, height: 40, settings: settings)
            return (state.reader.document?.lines.map(\.text) ?? []).filter { $0.contains(": ") }
        }
        let standard = try headerLines("")
        #expect(standard.contains { $0.hasPrefix("Organization: ") })
        #expect(!standard.contains { $0.hasPrefix("X-Mailer: ") }, "routing noise is hidden by default")
        let configured = try headerLines("[reader]\nshow = [\"x-mailer\"]\nhide = [\"Organization\"]\n")
        #expect(configured.contains { $0.hasPrefix("X-Mailer: Pine 4.64") })
        #expect(!configured.contains { $0.hasPrefix("Organization: ") })
        let all = try headerLines("[reader]\nheaders = \"all\"\nhide = [\"Organization\"]\n")
        #expect(all.contains { $0.hasPrefix("Organization: ") } && all.contains { $0.hasPrefix("X-Mailer: ") }, "all headers means all, as H does")
    }

    @Test func ignoredSettingsAreListedUnderW() throws {
        let loaded = try ConfigFile.parse("[layout]\nsidebar-colour = \"red\"\n", path: "/cfg/gazette/config.toml")
        var state = AppState(store: Self.store, width: 120, height: 40, settings: loaded.settings,
                             configWarnings: loaded.warnings.map(\.description))
        Self.press(.character("w"), &state)
        #expect(state.listOverlay?.kind == .warnings)
        let canvas = render(state)
        #expect(canvas.lines.contains { $0.contains("/cfg/gazette/config.toml:2: layout.sidebar-colour: unknown setting (ignored)") })
        #expect(canvas.lines.last?.contains("w warnings") == true)
    }
}
