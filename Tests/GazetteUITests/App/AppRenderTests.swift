import GazetteCore
import Testing
@testable import GazetteUI

@Suite struct AppRenderTests {
    @Test func goldenWholeAppWide() throws {
        var state = AppFixture.state(width: 120, height: 40)
        AppFixture.point(&state, at: .tag, "CIA")
        _ = reduce(&state, .toggleInclude)
        _ = reduce(&state, .startQuery)
        AppFixture.type("harbour", into: &state)
        _ = reduce(&state, .promptSubmit)
        let canvas = render(state)
        #expect(gridProblems(canvas).isEmpty)
        try expectGolden(canvas, named: "app-120x40")
    }

    @Test func goldenWholeAppNarrowWithPrompt() throws {
        var state = AppFixture.state(width: 60, height: 20)
        _ = reduce(&state, .startQuery)
        AppFixture.type("valley \"", into: &state)
        let canvas = render(state)
        #expect(gridProblems(canvas).isEmpty)
        try expectGolden(canvas, named: "app-60x20-prompt")
    }

    @Test func narrowSidebarFocusTakesTheListsPlace() {
        var state = AppFixture.state(width: 60, height: 12)
        _ = reduce(&state, .focusLeft)
        expectFrame(render(state), """
        Tags                                                        |
          CIA                                                      2|
          Russia                                                   2|
          GCHQ                                                     1|
        ────────────────────────────────────────────────────── Top ─|
        Bridge exchange at dawn                                     |
        2022-02-10 · Ann Lee                                        |
        Category: Cold War · Tags: CIA, KGB                         |
                                                                    |
        The harbour was quiet when the cars met. Paragraph 1 goes on|
        for a while so that it wraps.                               |
         5 of 5 articles                                 sort: date |
        """)
    }

    @Test func loadingFrameShowsProgress() {
        let canvas = LoadingView(filesDone: 1200, filesTotal: 5000, articles: 900).render(width: 40, height: 5)
        expectFrame(canvas, """
                                                |
                Loading… 1200/5000 files        |
                      900 articles              |
                        q quits                 |
                                                |
        """)
        #expect(LoadingView(articles: 10, indexing: true).lines.first == "Indexing 10 articles…")
        #expect(LoadingView().render(width: 1, height: 1).width == 1)
    }
}
