import Dispatch
import GazetteCore
import Testing
@testable import GazetteUI

/// Large archives find "More like this" off the key path: the reader asks, the run loop finds,
/// `.relatedFound` lists it without moving the text.
@Suite struct RelatedInBackgroundTests {
    /// A long article (so that a proportional scroll would move) and one like it.
    static let store = ArticleStore(articles: [
        Article(title: "Tunnel under Berlin", date: AppFixture.date(2020, 1, 3), tags: ["Berlin"],
                paragraphs: (1...40).map { "Part \($0): Operation Gold tapped Soviet cables from a tunnel." },
                source: InteractTests.location),
        Article(title: "Gold tunnel files", date: AppFixture.date(2020, 1, 2), tags: ["Berlin"],
                paragraphs: ["Historians read the Gold tunnel files about Soviet cables."], source: InteractTests.location),
        Article(title: "Harbour report", date: AppFixture.date(2020, 1, 1), paragraphs: ["Ships were counted."],
                source: InteractTests.location),
    ])

    /// The fixture, as a large archive would treat it.
    static func state() -> AppState {
        var state = AppState(store: store, width: 120, height: 12)
        state.relatedInBackgroundThreshold = 0
        state.syncLayout()
        return state
    }

    static func lines(_ state: AppState) -> [String] {
        var reader = state.reader
        reader.viewport.end()
        reader.prepareWindow()
        return reader.document?.lines.map(\.text) ?? []
    }

    @Test func theReaderAsksAndListsWhatIsFoundWithoutMovingTheText() throws {
        var state = Self.state()
        let article = try #require(state.reader.article)
        #expect(state.relatedRequest == article)
        #expect(!Self.lines(state).contains("More like this  1 Enter opens it"), "not listed before it is found")

        _ = reduce(&state, .focusRight)
        state.options.focus = .reader
        for _ in 0..<50 { _ = reduce(&state, .moveDown) }
        let offset = state.reader.viewport.offset
        #expect(offset == 50)

        let related = ReaderExtras.relatedArticles(of: article, in: state.store)
        #expect(!related.isEmpty)
        _ = reduce(&state, .relatedFound(FoundRelated(store: state.store, article: article, related: related)))
        #expect(state.relatedRequest == nil, "found: nothing more to ask")
        #expect(state.reader.viewport.offset == offset, "the list is added at the end; the text stays put")
        let lines = Self.lines(state)
        #expect(lines.contains("More like this  1 Enter opens it"))
        #expect(lines.contains("1. Gold tunnel files — 2020-01-02"))

        // The same list as a small archive lays out inline.
        let inline = AppState(store: Self.store, width: 120, height: 12)
        #expect(inline.relatedRequest == nil)
        #expect(inline.reader.document?.extras?.related == state.reader.document?.extras?.related)
    }

    @Test func aStaleAnswerIsIgnoredAndMovingAsksForTheNewArticle() throws {
        var state = Self.state()
        let first = try #require(state.reader.article)
        _ = reduce(&state, .moveDown)
        let second = try #require(state.reader.article)
        #expect(second != first)
        #expect(state.relatedRequest == second)

        // The answer for the article the reader left is kept but not shown for this one.
        _ = reduce(&state, .relatedFound(FoundRelated(store: state.store, article: first, related: [2])))
        #expect(state.relatedRequest == second)
        #expect(state.reader.document?.extras?.related == [])

        // An answer from another store (a reload replaced it meanwhile) is dropped.
        let other = ArticleStore(articles: InteractTests.articles)  // another store, same shape
        _ = reduce(&state, .relatedFound(FoundRelated(store: other, article: second, related: [0])))
        #expect(state.relatedRequest == second)
        #expect(state.reader.document?.extras?.related == [])
    }

    /// A list found for a store let go (reloaded twice since) is never taken for a later store
    /// that the allocator placed at its address: its indices belong to the old articles.
    @Test func anAnswerForAStoreLetGoIsDroppedEvenWhereANewStoreTookItsAddress() throws {
        var state = Self.state()
        let article = try #require(state.reader.article)
        var answered: [ObjectIdentifier: FoundRelated] = [:]
        var reused = false
        for _ in 0..<200 where !reused {
            let store = ArticleStore(articles: InteractTests.articles)
            if let stale = answered[ObjectIdentifier(store)] {
                reused = true
                state.replaceStore(store, report: LoadReport())
                _ = reduce(&state, .relatedFound(stale))
                #expect(state.reader.document?.extras?.related == [], "an old store's list shown for the new one")
                #expect(state.relatedRequest == state.reader.article)
            }
            answered[ObjectIdentifier(store)] = FoundRelated(store: store, article: article, related: [1, 2])
        }
        #expect(reused, "no store took a released one's address in 200 tries; the check above never ran")
    }

    @Test func nothingIsAskedBeforeTheTextIndexIsReady() {
        let articles = (0..<50).map { Article(title: "Report \($0)", date: AppFixture.date(2020, 1, 1 + $0 % 28), paragraphs: ["Words \($0)."], source: InteractTests.location) }
        let store = ArticleStore(articles: articles, textIndexInBackground: true)
        var state = AppState(store: store, width: 120, height: 12)
        state.relatedInBackgroundThreshold = 0
        state.syncLayout()
        if !store.isTextIndexReady { #expect(state.relatedRequest == nil) }
        store.waitUntilTextIndexReady()
        _ = reduce(&state, .textIndexReady)
        #expect(state.relatedRequest == state.reader.article)
    }
}

@Suite struct LatestRequestTests {
    @Test func requestsMadeWhileOneRunsCollapseToTheNewest() {
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        let seen = LockedValue<[Int]>([])
        let worker = LatestRequest<Int>(label: "test.latest") { request in
            seen.update { $0.append(request) }
            if request == 1 { started.signal(); release.wait() } else { finished.signal() }
        }
        worker.request(1)
        started.wait()
        for request in 2...4 { worker.request(request) }
        release.signal()
        #expect(finished.wait(timeout: .now() + 10) == .success)
        #expect(seen.value == [1, 4])
        // After the queue has run dry, the next request runs too.
        worker.request(5)
        #expect(finished.wait(timeout: .now() + 10) == .success)
        #expect(seen.value == [1, 4, 5])
    }
}
