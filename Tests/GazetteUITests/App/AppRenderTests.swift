import Foundation
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
         5 of 5 articles                         ? help  sort: date |
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
        #expect(LoadingView(articles: 10, stage: .indexing).lines.first == "Indexing 10 articles…")
        // A wait on the state store's lock (another Gazette writing) is named as such.
        #expect(LoadingView(articles: 10, stage: .openingState, elapsedSeconds: 4).lines
                == ["Opening the reading state…", "10 articles", "4 s · q quits"])
        #expect(LoadingView().render(width: 1, height: 1).width == 1)
    }
}

@Suite struct AppStatusHintTests {
    @Test func theHintNamesWarningsAndGivesWayToTheQuery() {
        var report = LoadReport()
        report.warnings = [LoadWarning(path: "x.txt", line: 1, reason: "empty file")]
        var state = AppState(store: AppFixture.store, report: report, width: 80, height: 10)
        #expect(render(state).line(9).contains("? help · w warnings  1 warning  sort: date"))
        _ = reduce(&state, .startQuery)
        AppFixture.type("harbour OR cable OR valley OR ferry OR frost", into: &state)
        _ = reduce(&state, .promptSubmit)
        let line = render(state).line(9)
        #expect(!line.contains("? help"), "a long query keeps its room: \(line)")
        #expect(line.contains("1 warning  sort: relevance"))
    }
}

@Suite struct AppBackgroundIndexTests {
    @Test func aQueryWaitingForTheIndexRunsWhenItIsReady() async throws {
        let store = ArticleStore(articles: AppFixture.articles, textIndexInBackground: true)
        var state = AppState(store: store, width: 100, height: 20)
        _ = reduce(&state, .startQuery)
        AppFixture.type("valley", into: &state)
        // Either it ran at once (index already built) or it waits and says so.
        if state.pendingQuery != nil {
            #expect(state.result.count == 5, "the list keeps the last result meanwhile")
            #expect(find("Searching… valley", in: render(state)) != nil)
            while !store.isTextIndexReady { try await Task.sleep(for: .milliseconds(5)) }
            _ = reduce(&state, .textIndexReady)
        }
        #expect(state.pendingQuery == nil)
        #expect(AppFixture.titles(state) == ["Hackers in the grid"])
        _ = reduce(&state, .textIndexReady)
        #expect(state.result.count == 1, "nothing pending: no change")
    }

    /// Forced "waits" path: a store opened from a snapshot publishes its text index only when
    /// its sections are verified, so a word query typed before that must wait and say so.
    @Test func aWordQueryTypedBeforeTheIndexIsPublishedWaitsThenRuns() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-wait-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let files = [
            ("valley.txt", "Title: Hackers in the grid\nDate: 2024-03-02\nTags: Cyber\n\nThe valley substation went dark.\n"),
            ("harbour.txt", "Title: Harbour frost\nDate: 2024-03-01\nTags: Weather\n\nFrost on the harbour wall.\n"),
        ]
        for (name, text) in files {
            try text.write(to: data.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let snapshot = root.appendingPathComponent("snapshot.gzsnap").path
        #expect(try CachedLoader.load(directories: [data.path], snapshotPath: snapshot).write?.wait() == nil)
        let opened = try #require(CachedLoader.openSnapshot(directories: [data.path], snapshotPath: snapshot))
        #expect(!opened.load.store.isTextIndexReady)
        var state = AppState(store: opened.load.store, width: 100, height: 20)
        _ = reduce(&state, .startQuery)
        AppFixture.type("valley", into: &state)
        #expect(state.pendingQuery == "valley")
        #expect(state.result.count == 2, "the list keeps the last result meanwhile")
        #expect(find("Indexing words… valley", in: render(state)) != nil)
        #expect(state.readingRequest == nil, "a snapshot's text is not read before its checksums are verified")
        #expect(opened.finishVerification())
        _ = reduce(&state, .textIndexReady)
        #expect(state.pendingQuery == nil)
        #expect(AppFixture.titles(state) == ["Hackers in the grid"])
    }

    @Test func aWordQueryRunsAtOnceWhenTheBackgroundIndexIsReady() async throws {
        let store = ArticleStore(articles: AppFixture.articles, textIndexInBackground: true)
        // Forced: wait for the build first, so this is the "ran at once" path every time.
        while !store.isTextIndexReady { try await Task.sleep(for: .milliseconds(5)) }
        var state = AppState(store: store, width: 100, height: 20)
        _ = reduce(&state, .startQuery)
        AppFixture.type("valley", into: &state)
        #expect(state.pendingQuery == nil)
        #expect(AppFixture.titles(state) == ["Hackers in the grid"])
        #expect(find("Indexing", in: render(state)) == nil)
    }

    @Test func onlyQueriesWithWordsWaitForTheIndex() throws {
        for text in ["tag:CIA", "year:2022", "author:ann -category:Cyber", "after:2020 before:2022", ""] {
            #expect(!AppState.waitsForIndex(try Query.parse(text), indexReady: false), "\(text)")
        }
        for text in ["valley", "-valley", "tag:CIA \"the harbour\"", "year:2022 OR harb*"] {
            #expect(AppState.waitsForIndex(try Query.parse(text), indexReady: false), "\(text)")
            #expect(!AppState.waitsForIndex(try Query.parse(text), indexReady: true), "\(text)")
        }
    }

    @Test func aFieldQueryRunsAtOnceWhileTheIndexIsBuilding() {
        let store = ArticleStore(articles: AppFixture.articles, textIndexInBackground: true)
        var state = AppState(store: store, width: 100, height: 20)
        _ = reduce(&state, .startQuery)
        AppFixture.type("tag:Russia", into: &state)
        #expect(state.pendingQuery == nil)
        #expect(AppFixture.titles(state) == ["Station notes from Moscow", "Hackers in the grid"])
        #expect(find("Indexing", in: render(state)) == nil)
    }

    @Test func loadingShowsElapsedTime() {
        #expect(LoadingView(elapsedSeconds: 3).lines == ["Loading…", "3 s · q quits"])
    }
}

@Suite struct AppSizeSweepTests {
    /// The whole app (browsing, prompt with an error, help, warnings) at sizes from 1×1 to 250×80.
    @Test func everySizeFitsTheScreen() {
        var report = LoadReport()
        report.warnings = (1...30).map { LoadWarning(path: "Data/file\($0).txt", line: $0, reason: "a long reason that needs more room than a narrow screen has") }
        var base = AppState(store: AppFixture.store, report: report, width: 120, height: 40)
        _ = reduce(&base, .openArticle)
        var prompt = base
        _ = reduce(&prompt, .startQuery)
        AppFixture.type("harbour \"", into: &prompt)
        var help = base
        _ = reduce(&help, .toggleHelp)
        var warnings = base
        _ = reduce(&warnings, .toggleWarnings)
        for width in Array(stride(from: 1, through: 250, by: 17)) + [250] {
            for height in Array(stride(from: 1, through: 80, by: 11)) + [80] {
                for var state in [base, prompt, help, warnings] {
                    _ = reduce(&state, .resize(width: width, height: height))
                    let canvas = render(state)
                    #expect(canvas.width == width && canvas.height == height)
                    let problems = gridProblems(canvas)
                    #expect(problems.isEmpty, "\(width)×\(height) \(state.keyContext): \(problems.prefix(2))")
                    if !problems.isEmpty { return }
                }
            }
        }
    }
}
