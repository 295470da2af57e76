import GazetteCore
import Testing
@testable import GazetteUI

@Suite struct AppReducerTests {
    @Test func startsWithEveryArticleNewestFirstAndTheTopOneInTheReader() {
        let state = AppFixture.state()
        #expect(AppFixture.titles(state).first == "Bridge exchange at dawn")
        #expect(state.result.count == 5)
        #expect(state.reader.article == state.selectedArticle)
        #expect(state.reader.document != nil)
        #expect(state.options.focus == .list)
        #expect(state.sidebar.items.prefix(2).map(\.value) == ["CIA", "Russia"])
        #expect(state.sidebar.items.filter { $0.kind == .year }.map(\.value) == ["2022", "2021", "2020", "2019"])
    }

    @Test func includingATagNarrowsTheListAndRecountsTheSidebar() {
        var state = AppFixture.state()
        #expect(AppFixture.count(state, .tag, "Russia") == 2)
        AppFixture.point(&state, at: .tag, "CIA")
        #expect(reduce(&state, .toggleInclude).isEmpty)
        #expect(AppFixture.titles(state) == ["Bridge exchange at dawn", "Station notes from Moscow"])
        #expect(AppFixture.count(state, .tag, "Russia") == 1)
        #expect(AppFixture.count(state, .tag, "GCHQ") == nil, "values absent from the result are hidden")
        #expect(state.sidebar.current?.value == "CIA", "the cursor stays on the entry")
        #expect(state.sidebar.current?.mark == .included)
        #expect(state.activeQueryText == "tag:CIA")
    }

    @Test func excludingAndTogglingMarksOff() {
        var state = AppFixture.state()
        AppFixture.point(&state, at: .tag, "CIA")
        _ = reduce(&state, .toggleInclude)
        AppFixture.point(&state, at: .tag, "Russia")
        _ = reduce(&state, .toggleExclude)
        #expect(state.activeQueryText == "tag:CIA -tag:Russia")
        #expect(AppFixture.titles(state) == ["Bridge exchange at dawn"])
        #expect(state.sidebar.current?.mark == .excluded, "an excluded value stays listed at count 0")
        #expect(state.sidebar.current?.count == 0)
        _ = reduce(&state, .toggleExclude)
        #expect(state.activeQueryText == "tag:CIA")
        AppFixture.point(&state, at: .tag, "CIA")
        _ = reduce(&state, .toggleInclude)
        #expect(state.activeQueryText == "")
        #expect(state.result.count == 5)
    }

    @Test func multiWordValuesAreQuoted() {
        var state = AppFixture.state()
        AppFixture.point(&state, at: .category, "Cold War")
        _ = reduce(&state, .toggleInclude)
        AppFixture.point(&state, at: .author, "Ann Lee")
        _ = reduce(&state, .toggleInclude)
        #expect(state.activeQueryText == "category:\"Cold War\" author:\"Ann Lee\"")
        #expect(AppFixture.titles(state) == ["Bridge exchange at dawn"])
    }

    @Test func promptFiltersLiveKeepsOnEnterAndRestoresOnEsc() {
        var state = AppFixture.state()
        _ = reduce(&state, .startQuery)
        #expect(state.keyContext == .prompt)
        AppFixture.type("harb", into: &state)
        #expect(state.result.count == 0, "a prefix of a word is not yet a match")
        AppFixture.type("our", into: &state)
        #expect(AppFixture.titles(state) == ["Bridge exchange at dawn", "Codebreakers of the long war"])
        _ = reduce(&state, .promptSubmit)
        #expect(state.prompt == nil)
        #expect(state.keptQuery == "harbour")
        #expect(state.activeQueryText == "harbour")

        _ = reduce(&state, .startQuery)
        #expect(state.prompt?.text == "harbour", "the prompt opens on the kept query")
        _ = reduce(&state, .promptClear)
        AppFixture.type("valley", into: &state)
        #expect(AppFixture.titles(state) == ["Hackers in the grid"])
        _ = reduce(&state, .promptCancel)
        #expect(state.prompt == nil)
        #expect(state.activeQueryText == "harbour")
        #expect(state.result.count == 2)
    }

    @Test func aMalformedQueryShowsItsErrorAndKeepsTextAndLastResult() {
        var state = AppFixture.state()
        _ = reduce(&state, .startQuery)
        AppFixture.type("valley \"power", into: &state)
        #expect(state.prompt?.text == "valley \"power")
        let error = state.prompt?.error ?? ""
        #expect(error.hasPrefix("column 8:"), "column counts from what was typed: \(error)")
        #expect(AppFixture.titles(state) == ["Hackers in the grid"], "the last good result stays")
        _ = reduce(&state, .promptSubmit)
        #expect(state.prompt != nil, "Enter does not keep a malformed query")
        _ = reduce(&state, .promptInsert("\""))
        #expect(state.prompt?.error == nil)
        _ = reduce(&state, .promptDeleteWord)
        #expect(state.prompt?.text == "valley ")
    }

    @Test func marksAndTypedQueryCombineByAnd() {
        var state = AppFixture.state()
        _ = reduce(&state, .startQuery)
        AppFixture.type("harbour OR cable", into: &state)
        _ = reduce(&state, .promptSubmit)
        #expect(state.result.count == 3)
        AppFixture.point(&state, at: .tag, "CIA")
        _ = reduce(&state, .toggleInclude)
        #expect(AppFixture.titles(state).sorted() == ["Bridge exchange at dawn", "Station notes from Moscow"])
        #expect(state.sort == .relevance, "words in the query rank by relevance until `s` picks an order")
        #expect(state.activeQueryText == "tag:CIA (harbour OR cable)")
        _ = reduce(&state, .clearFilters)
        #expect(state.activeQueryText == "")
        #expect(state.result.count == 5)
        #expect(state.message == "Filters cleared")
    }

    @Test func sortCyclesDateTitleAuthorRelevance() {
        var state = AppFixture.state()
        var seen: [SortOrder] = []
        for _ in 0..<4 {
            _ = reduce(&state, .cycleSort)
            seen.append(state.sort)
        }
        #expect(seen == [.title, .author, .relevance, .date])
        _ = reduce(&state, .cycleSort)
        #expect(AppFixture.titles(state).first == "A letter without a date")
        #expect(state.message == "Sorted by title")
    }

    @Test func selectionFollowsTheArticleWhenTheResultChanges() {
        var state = AppFixture.state()
        _ = reduce(&state, .moveDown)
        #expect(AppFixture.selectedTitle(state) == "Station notes from Moscow")
        _ = reduce(&state, .cycleSort)
        #expect(AppFixture.selectedTitle(state) == "Station notes from Moscow")
        #expect(state.list.selection == 4, "title order moves the row")
        AppFixture.point(&state, at: .tag, "GCHQ")
        _ = reduce(&state, .toggleInclude)
        #expect(AppFixture.selectedTitle(state) == "Codebreakers of the long war", "gone from the result: the top is selected")
        #expect(state.reader.article == state.selectedArticle)
    }

    @Test func enterOpensTheReaderAndSpacePagesThenMovesOn() {
        var state = AppFixture.state(width: 60, height: 20)
        _ = reduce(&state, .openArticle)
        #expect(state.options.focus == .reader)
        #expect(state.layout.reader != nil)
        let first = state.selectedArticle
        var pages = 0
        while state.selectedArticle == first, pages < 100 {
            _ = reduce(&state, .pageDownOrNextArticle)
            pages += 1
        }
        #expect(pages > 2, "a long article takes several pages")
        #expect(AppFixture.selectedTitle(state) == "Station notes from Moscow")
        #expect(state.reader.viewport.offset == 0, "the next article starts at the top")
    }

    @Test func bracketsStepThroughArticlesFromAnyPane() {
        var state = AppFixture.state()
        _ = reduce(&state, .focusNext)
        _ = reduce(&state, .focusNext)
        #expect(state.options.focus == .sidebar)
        _ = reduce(&state, .nextArticle)
        _ = reduce(&state, .nextArticle)
        #expect(AppFixture.selectedTitle(state) == "Codebreakers of the long war")
        #expect(state.reader.article == state.selectedArticle)
        _ = reduce(&state, .previousArticle)
        #expect(AppFixture.selectedTitle(state) == "Station notes from Moscow")
        _ = reduce(&state, .previousArticle)
        _ = reduce(&state, .previousArticle)
        #expect(state.message == "First article")
    }

    @Test func nAndNJumpBetweenHitsInTheReader() throws {
        var state = AppFixture.state(width: 120, height: 30)
        _ = reduce(&state, .startQuery)
        AppFixture.type("paragraph", into: &state)
        _ = reduce(&state, .promptSubmit)
        _ = reduce(&state, .openArticle)
        let hits = try #require(state.reader.document?.hitLines)
        #expect(hits.count == 30)
        let height = state.reader.viewport.height
        func hitVisible(_ index: Int) -> Bool {
            (state.reader.viewport.offset..<(state.reader.viewport.offset + height)).contains(hits[index])
        }
        _ = reduce(&state, .nextHit)
        #expect(state.message == "Hit 1 of 30")
        #expect(hitVisible(0))
        for _ in 0..<14 { _ = reduce(&state, .nextHit) }
        #expect(state.message == "Hit 15 of 30")
        #expect(hitVisible(14), "the view follows the hits down")
        #expect(state.reader.viewport.offset > 0)
        _ = reduce(&state, .previousHit)
        #expect(state.message == "Hit 14 of 30")
        #expect(hitVisible(13))
        for _ in 0..<16 { _ = reduce(&state, .nextHit) }
        #expect(state.message == "Hit 30 of 30")
        #expect(hitVisible(29), "the last hit shows even when the view cannot scroll further")
        _ = reduce(&state, .nextHit)
        #expect(state.message == "Hit 1 of 30 (from the top)")
        #expect(hitVisible(0))
        _ = reduce(&state, .clearFilters)
        _ = reduce(&state, .nextHit)
        #expect(state.message == "No search words to find (use /)")
    }

    @Test func focusCyclesOnlyThroughPanesThatCanShow() {
        var state = AppFixture.state()
        var order: [Pane] = []
        for _ in 0..<3 {
            _ = reduce(&state, .focusNext)
            order.append(state.options.focus)
        }
        #expect(order == [.reader, .sidebar, .list])
        _ = reduce(&state, .toggleSidebar)
        #expect(state.layout.sidebar == nil)
        order = []
        for _ in 0..<3 {
            _ = reduce(&state, .focusPrevious)
            order.append(state.options.focus)
        }
        #expect(order == [.reader, .list, .reader])
        _ = reduce(&state, .focusLeft)
        _ = reduce(&state, .focusLeft)
        #expect(state.options.focus == .list, "h stops at the left edge")
    }

    @Test func hidingTheSidebarWhileFocusedMovesFocusToTheList() {
        var state = AppFixture.state()
        _ = reduce(&state, .focusLeft)
        #expect(state.options.focus == .sidebar)
        _ = reduce(&state, .toggleSidebar)
        #expect(state.options.focus == .list)
        #expect(state.layout.visiblePanes == [.list, .reader])
    }

    @Test func qClosesOverlayThenZoomThenQuits() {
        var state = AppFixture.state()
        _ = reduce(&state, .toggleHelp)
        #expect(state.keyContext == .help)
        _ = reduce(&state, .moveDown)
        #expect(state.helpOffset == 1)
        #expect(reduce(&state, .closeOrQuit).isEmpty)
        #expect(state.helpOffset == nil)
        _ = reduce(&state, .toggleZoom)
        #expect(state.layout.visiblePanes == [.list])
        #expect(reduce(&state, .closeOrQuit).isEmpty)
        #expect(state.layout.visiblePanes == [.sidebar, .list, .reader])
        #expect(reduce(&state, .closeOrQuit) == [.quit])
        #expect(reduce(&state, .quit) == [.quit])
        #expect(reduce(&state, .redraw) == [.redrawAll])
        #expect(reduce(&state, .suspend) == [.suspend])
    }

    @Test func warningsOverlayListsPathLineReason() {
        var report = LoadReport()
        report.warnings = [LoadWarning(path: "Data/bad.txt", line: 3, reason: "no title")]
        var state = AppState(store: AppFixture.store, report: report, width: 100, height: 20)
        _ = reduce(&state, .toggleWarnings)
        #expect(state.keyContext == .warnings)
        let canvas = render(state)
        #expect(find("Data/bad.txt:3: no title", in: canvas) != nil)
        #expect(find("Load report: 1 line", in: canvas) != nil)
        #expect(find("1 warning  sort: date", in: canvas) != nil)
        _ = reduce(&state, .closeOrQuit)
        #expect(state.warningsOffset == nil)

        var clean = AppFixture.state()
        _ = reduce(&clean, .toggleWarnings)
        #expect(clean.warningsOffset == nil)
        #expect(clean.message == "No warnings while loading")
    }

    @Test func resizeKeepsSelectionAndReadingPosition() {
        var state = AppFixture.state()
        _ = reduce(&state, .openArticle)
        for _ in 0..<3 { _ = reduce(&state, .pageDown) }
        let offset = state.reader.viewport.offset
        let total = state.reader.viewport.total
        #expect(offset > 0)
        _ = reduce(&state, .resize(width: 40, height: 20))
        #expect(AppFixture.selectedTitle(state) == "Bridge exchange at dawn")
        let newTotal = state.reader.viewport.total
        #expect(newTotal > total, "narrower text takes more lines")
        let before = Double(offset) / Double(total)
        let after = Double(state.reader.viewport.offset) / Double(newTotal)
        #expect(abs(before - after) < 0.05, "same place in the text: \(before) vs \(after)")
        _ = reduce(&state, .resize(width: 120, height: 40))
        #expect(state.list.selection == 0)
    }

    @Test func anEmptyResultHasNoSelectionAndAnEmptyReader() {
        var state = AppFixture.state()
        _ = reduce(&state, .startQuery)
        AppFixture.type("nothingmatchesthis", into: &state)
        #expect(state.result.count == 0)
        #expect(state.list.selection == nil)
        #expect(state.reader.article == nil)
        _ = reduce(&state, .promptSubmit)
        for action: Action in [.moveDown, .openArticle, .nextArticle, .pageDownOrNextArticle, .nextHit, .moveToBottom] {
            _ = reduce(&state, action)
        }
        let canvas = render(state)
        #expect(find("No articles match.", in: canvas) != nil)
        #expect(find("0 of 5 articles", in: canvas) != nil)
    }
}

@Suite struct AppOverlayTests {
    @Test func helpScrollStopsWhereTheViewStops() {
        for height in [5, 12, 30, 200] {
            var state = AppFixture.state(width: 100, height: height)
            _ = reduce(&state, .toggleHelp)
            _ = reduce(&state, .moveToBottom)
            #expect(state.helpOffset == ListOverlayView(content: HelpOverlayView.content(state.helpLines)).maxOffset(in: state.overlayArea), "height \(height)")
            _ = reduce(&state, .pageUp)
            _ = reduce(&state, .moveToTop)
            #expect(state.helpOffset == 0)
        }
    }
}

@Suite struct AppDuplicatesTests {
    @Test func duplicatesAreListedButNotCountedAsWarnings() {
        var report = LoadReport()
        let article = AppFixture.articles[0]
        report.duplicates = [DuplicateArticle(
            id: article.id, title: article.title, kept: SourceLocation(path: "a.txt", line: 1),
            dropped: SourceLocation(path: "b.txt", line: 9))]
        var state = AppState(store: AppFixture.store, report: report, width: 100, height: 20)
        var canvas = render(state)
        #expect(find("warning", in: canvas) == nil)
        #expect(find("w duplicates", in: canvas) != nil)
        _ = reduce(&state, .toggleWarnings)
        canvas = render(state)
        #expect(find("b.txt:9: duplicate of \"Bridge exchange at dawn\"", in: canvas) != nil)
    }
}
