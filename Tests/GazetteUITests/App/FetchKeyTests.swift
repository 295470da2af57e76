import GazetteCore
import Testing
@testable import GazetteUI

/// `F`: a background fetch asked of the run loop, its progress and outcome in the status bar,
/// its failures in the warnings overlay, and reloads meanwhile not talking over it.
@Suite struct FetchKeyTests {
    static func statusLine(_ state: AppState) -> String {
        render(state).lines.last ?? ""
    }

    @Test func capitalFAsksForAFetchOnceAndShowsProgress() {
        var state = AppFixture.state()
        #expect(KeyMap.standard.action(for: .character("F"), in: .list) == .fetchAll)
        #expect(KeyMap.standard.action(for: .character("F"), in: .reader) == .fetchAll)
        #expect(reduce(&state, .fetchAll) == [.fetch])
        #expect(Self.statusLine(state).contains("Fetching feeds…"))
        #expect(reduce(&state, .fetchAll).isEmpty, "one fetch at a time")
        #expect(state.message == "A fetch is already running")
        _ = reduce(&state, .fetchProgress(done: 12, total: 40))
        _ = reduce(&state, .moveDown) // a key clears the one-off message; the progress stays
        #expect(Self.statusLine(state).contains("Fetching 12/40 feeds…"))
    }

    @Test func theOutcomeIsSaidAndFailuresJoinTheWarningsOverlay() {
        var state = AppFixture.state()
        _ = reduce(&state, .fetchAll)
        var report = FetchReport(feeds: 40)
        report.added = 17
        report.failures = ["Quayside: HTTP 404 Not Found", "Harbour: timed out"]
        report.warnings = ["Mill: not well-formed XML"]
        _ = reduce(&state, .fetchFinished(report))
        #expect(state.fetching == nil)
        #expect(state.message == "Fetched 40 feeds: 17 new articles, 2 failed (w: details)")
        #expect(Self.statusLine(state).contains("Fetched 40 feeds: 17 new articles, 2 failed"))
        // A reload bringing the same articles in does not talk over the summary.
        _ = reduce(&state, ReloadTests.reloaded(AppFixture.articles + [ReloadTests.newer]))
        #expect(state.message == report.summary)
        _ = reduce(&state, .toggleWarnings)
        #expect(state.listOverlay?.kind == .warnings)
        let screen = render(state).lines.joined(separator: "\n")
        #expect(screen.contains("fetch failed: Quayside: HTTP 404 Not Found"))
        #expect(screen.contains("fetch warning: Mill: not well-formed XML"))
        // A fetch can be started again once one ended.
        _ = reduce(&state, .closeOrQuit)
        #expect(reduce(&state, .fetchAll) == [.fetch])
    }

    @Test func summariesReadWell() {
        var one = FetchReport(feeds: 1)
        one.added = 1
        #expect(one.summary == "Fetched 1 feed: 1 new article")
        one.updated = 2
        #expect(one.summary == "Fetched 1 feed: 1 new article, 2 updated")
        #expect(FetchReport(problem: "No subscriptions in f.opml").summary == "Fetch: No subscriptions in f.opml")
    }

    @Test func feedTextInTheOutcomeCannotDriveTheTerminal() {
        var state = AppFixture.state()
        var report = FetchReport(feeds: 1)
        report.failures = ["Evil\u{1B}]0;owned\u{07} feed: HTTP 500 \u{1B}[2J"]
        _ = reduce(&state, .fetchFinished(report))
        _ = reduce(&state, .toggleWarnings)
        let screen = render(state).lines.joined(separator: "\n")
        #expect(screen.contains("Evil"))
        #expect(!screen.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func aReloadDuringTheFetchLeavesTheProgressShowing() {
        var state = AppFixture.state()
        _ = reduce(&state, .fetchAll)
        _ = reduce(&state, .fetchProgress(done: 1, total: 3))
        _ = reduce(&state, ReloadTests.reloaded(AppFixture.articles + [ReloadTests.newer]))
        #expect(state.store.count == 6, "the new article is in the list at once")
        #expect(Self.statusLine(state).contains("Fetching 1/3 feeds…"))
    }
}
