import GazetteCore
import Testing
@testable import GazetteUI

/// A thread of four posts plus an unrelated article (written for these tests).
enum ThreadFixture {
    static let location = SourceLocation(path: "thread.txt", line: 1)

    static func post(_ title: String, day: Int, id: String, replyTo: String? = nil, refs: [String] = [], author: String) -> Article {
        Article(title: title, date: AppFixture.date(1995, 7, day), author: author,
                messageID: id, inReplyTo: replyTo, references: refs,
                paragraphs: ["\(title) body text."], source: location)
    }

    static let articles: [Article] = [
        post("Venona release", day: 11, id: "a@x", author: "Harriet Walsh"),
        post("Re: Venona release", day: 12, id: "b@x", replyTo: "a@x", refs: ["a@x"], author: "Martin Okafor"),
        post("Re: Re: Venona release", day: 13, id: "c@x", refs: ["a@x", "b@x"], author: "Jörg Müller"),
        post("Re: Venona release (2)", day: 14, id: "d@x", replyTo: "a@x", author: "Paula Brandt"),
        post("Cable traffic in 1944", day: 15, id: "e@x", author: "Ann Lee"),
    ]

    static let store = ArticleStore(articles: articles)

    static func index(_ title: String) -> Int {
        store.articles.firstIndex { $0.title == title }!
    }
}

@Suite struct ThreadTests {
    static func readerTexts(_ state: AppState) -> [String] { state.reader.document?.lines.map(\.text) ?? [] }

    static func state() -> AppState {
        AppState(store: ThreadFixture.store, width: 100, height: 50)
    }

    static func select(_ title: String, in state: inout AppState) {
        _ = reduce(&state, .moveToTop)
        for _ in 0..<state.result.count where AppFixture.selectedTitle(state) != title { _ = reduce(&state, .moveDown) }
        #expect(AppFixture.selectedTitle(state) == title)
    }

    static func query(_ text: String, in state: inout AppState) {
        _ = reduce(&state, .startQuery)
        AppFixture.type(text, into: &state)
        _ = reduce(&state, .promptSubmit)
    }

    @Test func readerShowsParentAndReplies() {
        var state = Self.state()
        Self.select("Venona release", in: &state)
        let root = Self.readerTexts(state)
        #expect(!root.contains { $0.hasPrefix("In reply to:") })
        #expect(root.contains("Replies (2)  1–2 then Enter opens one"))
        #expect(root.contains("1. Re: Venona release — Martin Okafor · 1995-07-12"))
        #expect(root.contains("2. Re: Venona release (2) — Paula Brandt · 1995-07-14"))

        Self.select("Re: Re: Venona release", in: &state)
        let leaf = Self.readerTexts(state)
        #expect(leaf.contains("In reply to: Re: Venona release (p)"))
        #expect(!leaf.contains { $0.hasPrefix("Replies") })
    }

    @Test func followingLinksOpensTheArticles() {
        var state = Self.state()
        Self.select("Venona release", in: &state)
        #expect(KeyMap.standard.action(for: .character("2"), in: .reader) == .countDigit(2))
        #expect(KeyMap.standard.action(for: .enter, in: .reader) == .openNumbered)
        #expect(KeyMap.standard.action(for: .character("p"), in: .list) == .openParent)
        _ = reduce(&state, .openReply(2))
        #expect(AppFixture.selectedTitle(state) == "Re: Venona release (2)")
        _ = reduce(&state, .openParent)
        #expect(AppFixture.selectedTitle(state) == "Venona release")
        _ = reduce(&state, .openReply(3))
        #expect(state.message == "Only 2 replies")
        _ = reduce(&state, .openParent)
        #expect(state.message == "Not a reply to an article in the archive")
    }

    @Test func aLinkOutsideTheFilterOpensInTheReaderAlone() {
        var state = Self.state()
        Self.query("author:Okafor", in: &state)
        #expect(AppFixture.titles(state) == ["Re: Venona release"])
        _ = reduce(&state, .openParent)
        #expect(state.reader.article == ThreadFixture.index("Venona release"))
        #expect(state.message == "Not in the filtered list (c clears filters)")
        #expect(AppFixture.selectedTitle(state) == "Re: Venona release", "the list keeps its selection")
    }

    @Test func threadedListIndentsRepliesUnderTheirParents() {
        var state = Self.state()
        #expect(AppFixture.titles(state).first == "Cable traffic in 1944")
        _ = reduce(&state, .toggleThreaded)
        #expect(state.message == "Threaded: replies under their parents (T: flat)")
        let rows = (0..<state.result.count).map { (ThreadFixture.store.articles[state.listArticle(at: $0)].title, state.listDepth(at: $0)) }
        #expect(rows.map(\.0) == ["Cable traffic in 1944", "Venona release", "Re: Venona release", "Re: Re: Venona release", "Re: Venona release (2)"])
        #expect(rows.map(\.1) == [0, 0, 1, 2, 1])
        let frame = render(state).lines.joined(separator: "\n")
        #expect(frame.contains("1995-07-13    ↳ Re: Re: Venona release"))
        #expect(frame.contains("1995-07-12  ↳ Re: Venona release"))
        _ = reduce(&state, .toggleThreaded)
        #expect(state.threadOrder == nil)
    }

    @Test func aReplyWhoseParentIsFilteredOutHangsUnderTheNearestShownAncestor() {
        var state = Self.state()
        _ = reduce(&state, .toggleThreaded)
        Self.query("-author:Okafor", in: &state)
        let rows = (0..<state.result.count).map { (ThreadFixture.store.articles[state.listArticle(at: $0)].title, state.listDepth(at: $0)) }
        #expect(rows.map(\.0) == ["Cable traffic in 1944", "Venona release", "Re: Re: Venona release", "Re: Venona release (2)"])
        #expect(rows.map(\.1) == [0, 0, 1, 1])
    }

    @Test func showPrintsTheThreadWithoutKeys() {
        let text = ArticleTextRenderer.render(
            ThreadFixture.articles[1], tags: [], width: 80,
            thread: ReaderThread.of(ThreadFixture.index("Re: Venona release"), in: ThreadFixture.store, keysShown: false))
        #expect(text.contains("In reply to: Venona release\n"))
        #expect(text.contains("Replies (1)\n1. Re: Re: Venona release — Jörg Müller · 1995-07-13\n"))
    }

    @Test func helpGroupsTheReplyKeys() {
        let reader = KeyMap.standard.helpEntries(for: .reader)
        #expect(reader.contains { $0.keys == "1 2 3 4 5 6 7 8 9" && $0.description.hasPrefix("Count for the next key") })
        #expect(reader.contains { $0.keys == "Enter" && $0.description.hasPrefix("N Enter: open reply") })
        #expect(KeyMap.standard.helpEntries(for: .global).contains { $0.keys == "T" })
    }
}
