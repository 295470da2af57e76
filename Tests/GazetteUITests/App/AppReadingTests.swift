import Foundation
@testable import GazetteCore
import Testing
@testable import GazetteUI

/// A word query typed while the index builds is answered by reading the articles, then ranked
/// when the index is ready.
@Suite struct AppReadingTests {
    static func heldState() -> (AppState, publish: @Sendable () -> Void) {
        let (store, publish) = AppFixture.store.withIndexHeldBack()
        return (AppState(store: store, width: 100, height: 20), publish)
    }

    @Test func aWordQueryIsAnsweredByReadingThenRankedWhenTheIndexIsReady() throws {
        var (state, publish) = Self.heldState()
        _ = reduce(&state, .startQuery)
        AppFixture.type("harbour", into: &state)
        #expect(state.pendingQuery == "harbour")
        #expect(state.result.count == 5, "the list keeps the last result until the answer comes")
        #expect(find("Searching… harbour", in: render(state)) != nil)
        let request = try #require(state.readingRequest)
        _ = reduce(&state, .answeredByReading(request.answer()))
        // Both articles with the word, newest first, and the sidebar counts them.
        #expect(AppFixture.titles(state) == ["Bridge exchange at dawn", "Codebreakers of the long war"])
        #expect(AppFixture.count(state, .tag, "CIA") == 1)
        #expect(state.highlightTerms.map(\.folded) == ["harbour"])
        #expect(find("Newest first until the word index is ready", in: render(state)) != nil)
        #expect(state.readingRequest == nil, "answered once")
        // The index arrives: the same articles, ranked, and nothing waits any more.
        publish()
        _ = reduce(&state, .textIndexReady)
        #expect(state.pendingQuery == nil)
        #expect(Set(AppFixture.titles(state)) == ["Bridge exchange at dawn", "Codebreakers of the long war"])
        #expect(find("word index", in: render(state)) == nil)
        #expect(state.sort == .relevance)
    }

    @Test func anAnswerToAnOlderFilterIsIgnored() throws {
        var (state, _) = Self.heldState()
        _ = reduce(&state, .startQuery)
        AppFixture.type("harb", into: &state)
        let old = try #require(state.readingRequest)
        AppFixture.type("our OR valley", into: &state)
        let newest = try #require(state.readingRequest)
        #expect(newest.generation != old.generation)
        _ = reduce(&state, .answeredByReading(old.answer()))
        #expect(state.result.count == 5, "stale: the word 'harb' is not what is typed now")
        #expect(state.pendingQuery == "harbour OR valley")
        _ = reduce(&state, .answeredByReading(newest.answer()))
        #expect(AppFixture.titles(state) == ["Bridge exchange at dawn", "Codebreakers of the long war", "Hackers in the grid"])
    }

    @Test func aDateOrderAnswerIsFinalAndMarksStillNarrowIt() throws {
        var (state, _) = Self.heldState()
        state.sortChoice = .date
        AppFixture.point(&state, at: .tag, "GCHQ")
        _ = reduce(&state, .toggleInclude)
        #expect(AppFixture.titles(state) == ["Codebreakers of the long war"])
        _ = reduce(&state, .startQuery)
        AppFixture.type("harbour", into: &state)
        let request = try #require(state.readingRequest)
        _ = reduce(&state, .answeredByReading(request.answer()))
        #expect(AppFixture.titles(state) == ["Codebreakers of the long war"])
        #expect(state.pendingQuery == nil, "date order needs nothing from the index")
        #expect(find("Searching", in: render(state)) == nil)
        #expect(state.readingRequest == nil)
    }
}
