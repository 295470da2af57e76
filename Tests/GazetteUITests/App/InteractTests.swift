import GazetteCore
import Testing
@testable import GazetteUI

/// Counts, links, More like this, pipe and edit through the real key map and reducer.
@Suite struct InteractTests {
    static let location = SourceLocation(path: "/data/links.txt", line: 42)

    static let articles: [Article] = [
        Article(title: "Tunnel under Berlin", date: AppFixture.date(2020, 1, 3), tags: ["Berlin"],
                link: "https://example.org/gold",
                paragraphs: ["Operation Gold tapped Soviet cables (see https://en.example.org/wiki/Gold_(op)).",
                             "Files: <https://archive.example.org/f/1> and www.example.net/tunnel."], source: location),
        Article(title: "Gold tunnel files", date: AppFixture.date(2020, 1, 2), tags: ["Berlin"],
                paragraphs: ["Historians read the Gold tunnel files about Soviet cables."], source: location),
        Article(title: "Harbour report", date: AppFixture.date(2020, 1, 1), paragraphs: ["Ships were counted."], source: location),
    ]
    static let store = ArticleStore(articles: articles)

    static func state() -> AppState { AppState(store: store, width: 120, height: 40) }

    static func press(_ keys: String, _ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for character in keys {
            guard let action = state.action(for: .character(character)) else { continue }
            effects += reduce(&state, action)
        }
        return effects
    }

    @Test func oOpensTheLinkHeaderAndACountOpensLinkN() {
        var state = Self.state()
        #expect(Self.press("o", &state) == [.openURL("https://example.org/gold")])
        #expect(Self.press("2o", &state) == [.openURL("https://en.example.org/wiki/Gold_(op)")])
        #expect(Self.press("4o", &state) == [.openURL("http://www.example.net/tunnel")])
        #expect(Self.press("9o", &state).isEmpty)
        #expect(state.message == "No link [9]: links are [1]–[4]")
        #expect(Self.press("3y", &state) == [.copyToClipboard("https://archive.example.org/f/1")])
    }

    @Test func aCountLastsOneKey() {
        var state = Self.state()
        _ = Self.press("3", &state)
        #expect(state.pendingCount == 3)
        #expect(state.message?.hasPrefix("3 — o opens link [3]") == true)
        _ = reduce(&state, .moveDown)
        #expect(state.pendingCount == nil)
        _ = reduce(&state, .moveUp)
        #expect(Self.press("o", &state) == [.openURL("https://example.org/gold")], "no count left over")
        _ = Self.press("12", &state)
        #expect(state.pendingCount == 12)
    }

    @Test func theReaderListsLinksAndMoreLikeThis() {
        var state = Self.state()
        let lines = state.reader.document?.lines.map(\.text) ?? []
        #expect(lines.contains("[1] https://example.org/gold"))
        #expect(lines.contains("[3] https://archive.example.org/f/1"))
        #expect(lines.contains("More like this  1 Enter opens it"))
        #expect(lines.contains("1. Gold tunnel files — 2020-01-02"))
        #expect(!lines.contains { $0.contains("Harbour report") }, "nothing in common")
        _ = reduce(&state, .focusRight)
        state.options.focus = .reader
        _ = Self.press("1", &state)
        _ = reduce(&state, .openNumbered)
        #expect(AppFixture.selectedTitle(state) == "Gold tunnel files")
        _ = reduce(&state, .openNumbered)
        #expect(state.message == "Type a number, then Enter: replies and More like this are numbered")
    }

    @Test func aDumpTeaserFoundInTheArchiveIsListedFirst() {
        let teasing = Article(title: "Weekly roundup", date: AppFixture.date(2021, 5, 1),
                              paragraphs: ["Nothing much happened this week."],
                              related: ["PORTERS AT THE QUAY walked out on Tuesday over the new night shifts, their union said."],
                              source: Self.location)
        let teased = Article(title: "Quay porters walk out", date: AppFixture.date(2021, 4, 27),
                             paragraphs: ["PORTERS AT THE QUAY walked out on Tuesday over the new night shifts, their union said.",
                                          "Cargo waited on the quay overnight."], source: Self.location)
        let other = Article(title: "Unrelated notes", date: AppFixture.date(2021, 4, 1), paragraphs: ["Bees and honey."], source: Self.location)
        let store = ArticleStore(articles: [teasing, teased, other])
        let state = AppState(store: store, width: 120, height: 40)
        #expect(state.selectedArticle.map { store.articles[$0].title } == "Weekly roundup")
        let lines = state.reader.document?.lines.map(\.text) ?? []
        #expect(lines.contains("1. Quay porters walk out — 2021-04-27"), "the teaser's article, though no word of the post is in it")
        #expect(!lines.contains { $0.contains("Unrelated notes") })
    }

    @Test func pipeAsksForACommandAndNamedCommandsComplete() {
        var state = Self.state()
        state.settings.pipe = PipeConfig(commands: [PipeConfig.Command(name: "wordcount", command: "wc -w"),
                                                    PipeConfig.Command(name: "words-by-line", command: "tr ' ' '\\n'")])
        _ = Self.press("|", &state)
        #expect(state.prompt?.kind == .pipe(article: 0))
        AppFixture.type("word", into: &state)
        _ = reduce(&state, .promptComplete)
        #expect(state.prompt?.text == "word")
        #expect(state.message == "wordcount, words-by-line")
        AppFixture.type("c", into: &state)
        _ = reduce(&state, .promptComplete)
        #expect(state.prompt?.text == "wordcount")
        #expect(reduce(&state, .promptSubmit) == [.pipe(command: "wc -w", article: 0)])
        _ = Self.press("|", &state)
        AppFixture.type("wc -l > /tmp/x", into: &state)
        #expect(reduce(&state, .promptSubmit) == [.pipe(command: "wc -l > /tmp/x", article: 0)])
    }

    @Test func editOpensTheSourceFileAtItsLine() {
        var state = Self.state()
        #expect(Self.press("e", &state) == [.edit(path: "/data/links.txt", line: 42)])
    }

    @Test func keysAreInTheDefaultMapForListAndReader() {
        for context in [KeyContext.list, .reader] {
            #expect(KeyMap.standard.action(for: .character("o"), in: context) == .openLink)
            #expect(KeyMap.standard.action(for: .character("y"), in: context) == .copyLink)
            #expect(KeyMap.standard.action(for: .character("|"), in: context) == .pipeArticle)
            #expect(KeyMap.standard.action(for: .character("e"), in: context) == .editSource)
            #expect(KeyMap.standard.action(for: .character("0"), in: context) == .countDigit(0))
        }
    }
}
