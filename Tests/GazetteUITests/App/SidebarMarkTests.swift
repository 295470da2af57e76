import GazetteCore
import Testing
@testable import GazetteUI

@Suite struct SidebarMarkTests {
    private static let location = SourceLocation(path: "marks.txt", line: 1)
    private static let store = ArticleStore(articles: [
        Article(title: "By Ann", date: AppFixture.date(2022, 1, 1), author: "Ann", tags: ["CIA"], paragraphs: ["One."], source: location),
        Article(title: "By Joanna", date: AppFixture.date(2021, 1, 1), author: "Joanna Annabel", tags: ["CIA agents"],
                paragraphs: ["Two."], source: location),
        Article(title: "By Bo", date: AppFixture.date(2020, 1, 1), author: "Bo", tags: ["CIA"], paragraphs: ["Three."], source: location),
    ])

    @Test func includingAnAuthorSelectsExactlyTheArticlesItsCountSays() {
        var state = AppState(store: Self.store, width: 120, height: 40)
        #expect(AppFixture.count(state, .author, "Ann") == 1)
        AppFixture.point(&state, at: .author, "Ann")
        _ = reduce(&state, .toggleInclude)
        #expect(AppFixture.titles(state) == ["By Ann"], "Joanna Annabel contains 'Ann' but is another author")
        #expect(state.activeQueryText == "author:Ann")
    }

    @Test func excludingAnAuthorOrTagLeavesValuesThatOnlyContainIt() {
        var state = AppState(store: Self.store, width: 120, height: 40)
        AppFixture.point(&state, at: .author, "Ann")
        _ = reduce(&state, .toggleExclude)
        #expect(AppFixture.titles(state) == ["By Joanna", "By Bo"])
        AppFixture.point(&state, at: .tag, "CIA")
        _ = reduce(&state, .toggleExclude)
        #expect(AppFixture.titles(state) == ["By Joanna"], "tag CIA agents is not tag CIA")
        #expect(state.activeQueryText == "-author:Ann -tag:CIA")
    }

    @Test func marksCombineWithATypedOrQuery() {
        var state = AppState(store: Self.store, width: 120, height: 40)
        AppFixture.point(&state, at: .tag, "CIA")
        _ = reduce(&state, .toggleInclude)
        _ = reduce(&state, .startQuery)
        AppFixture.type("two OR three", into: &state)
        _ = reduce(&state, .promptSubmit)
        #expect(AppFixture.titles(state) == ["By Bo"])
        #expect(state.activeQueryText == "tag:CIA (two OR three)")
    }

    @Test func aWordStartingWithOrIsNotBracketedAsAnOr() {
        var state = AppState(store: Self.store, width: 120, height: 40)
        AppFixture.point(&state, at: .tag, "CIA")
        _ = reduce(&state, .toggleInclude)
        _ = reduce(&state, .startQuery)
        AppFixture.type("ORANGE", into: &state)
        _ = reduce(&state, .promptSubmit)
        #expect(state.activeQueryText == "tag:CIA ORANGE", "ORANGE is a word, not an OR")
        _ = reduce(&state, .startQuery)
        _ = reduce(&state, .promptClear)
        AppFixture.type("ORANGE OR two", into: &state)
        _ = reduce(&state, .promptSubmit)
        #expect(state.activeQueryText == "tag:CIA (ORANGE OR two)")
        #expect(AppFixture.titles(state) == [], "two is in the article tagged CIA agents, not CIA")
    }

    @Test func theFilterIsParsedOnceAndKeptAsValues() throws {
        var state = AppState(store: Self.store, width: 120, height: 40)
        AppFixture.point(&state, at: .author, "Bo")
        _ = reduce(&state, .toggleExclude)
        _ = reduce(&state, .startQuery)
        AppFixture.type("one OR two", into: &state)
        _ = reduce(&state, .promptSubmit)
        #expect(state.filter.marks.marks.map(\.value) == ["Bo"])
        #expect(state.filter.typed == (try Query.parse("one OR two")))
        #expect(state.filter.pending == nil)
        #expect(state.filter.displayText == "-author:Bo (one OR two)")
        #expect(AppFixture.titles(state) == ["By Ann", "By Joanna"])
    }
}
