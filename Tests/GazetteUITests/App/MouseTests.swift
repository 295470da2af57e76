import GazetteCore
import Testing
@testable import GazetteUI

/// Mouse events reduced against the real layout: what is drawn at a cell is what a click there does.
@Suite struct MouseTests {
    static func click(_ x: Int, _ y: Int, clicks: Int = 1) -> Action {
        .mouse(MouseEvent(kind: .press, button: .left, x: x, y: y, clicks: clicks))
    }

    @Test func aClickOnAListRowSelectsItAndFocusesTheList() throws {
        var state = AppFixture.state()
        state.options.focus = .reader
        let list = try #require(state.layout.list)
        // Row 0 of the pane is the header; row 3 is the third article.
        _ = reduce(&state, Self.click(list.x + 5, list.y + 3))
        #expect(state.options.focus == .list)
        #expect(AppFixture.selectedTitle(state) == AppFixture.titles(state)[2])
        _ = reduce(&state, Self.click(list.x + 5, list.y))
        #expect(AppFixture.selectedTitle(state) == AppFixture.titles(state)[2], "the header selects nothing")
        _ = reduce(&state, Self.click(list.x + 5, list.maxY - 1))
        #expect(AppFixture.selectedTitle(state) == AppFixture.titles(state)[2], "below the last row selects nothing")
    }

    @Test func aDoubleClickOpensTheArticle() throws {
        var state = AppFixture.state()
        let list = try #require(state.layout.list)
        _ = reduce(&state, Self.click(list.x + 5, list.y + 2))
        _ = reduce(&state, Self.click(list.x + 5, list.y + 2, clicks: 2))
        #expect(state.options.focus == .reader)
        #expect(AppFixture.selectedTitle(state) == AppFixture.titles(state)[1])
    }

    @Test func theWheelScrollsThePaneUnderThePointerNotTheFocusedOne() throws {
        var state = AppFixture.state(width: 120, height: 30)
        let reader = try #require(state.layout.reader)
        #expect(state.options.focus == .list)
        _ = reduce(&state, .mouse(MouseEvent(kind: .wheelDown, x: reader.x + 2, y: reader.y + 2)))
        #expect(state.reader.viewport.offset == AppState.wheelLines)
        #expect(state.options.focus == .list, "the wheel does not move the focus")
        _ = reduce(&state, .mouse(MouseEvent(kind: .wheelUp, x: reader.x + 2, y: reader.y + 2)))
        #expect(state.reader.viewport.offset == 0)
        let list = try #require(state.layout.list)
        _ = reduce(&state, .mouse(MouseEvent(kind: .wheelDown, x: list.x + 2, y: list.y + 2)))
        #expect(state.list.selection == AppState.wheelLines)
    }

    @Test func aSidebarValueCyclesIncludeExcludeClear() throws {
        var state = AppFixture.state()
        let sidebar = try #require(state.layout.sidebar)
        let index = try #require(state.sidebar.items.firstIndex { $0.kind == .tag && $0.value == "Russia" })
        let row = try #require(state.sidebar.displayRow(ofItem: index)) - state.sidebar.rows.offset
        _ = reduce(&state, Self.click(sidebar.x + 2, sidebar.y + row))
        #expect(state.options.focus == .sidebar)
        #expect(state.marks.marks.map(\.mark) == [.included])
        #expect(Set(AppFixture.titles(state)) == ["Station notes from Moscow", "Hackers in the grid"])
        let again = try #require(state.sidebar.displayRow(ofItem: state.sidebar.items.firstIndex { $0.value == "Russia" }!))
        _ = reduce(&state, Self.click(sidebar.x + 2, sidebar.y + again - state.sidebar.rows.offset))
        #expect(state.marks.marks.map(\.mark) == [.excluded])
        let third = try #require(state.sidebar.displayRow(ofItem: state.sidebar.items.firstIndex { $0.value == "Russia" }!))
        _ = reduce(&state, Self.click(sidebar.x + 2, sidebar.y + third - state.sidebar.rows.offset))
        #expect(state.marks.isEmpty)
        #expect(AppFixture.titles(state).count == AppFixture.articles.count)
    }

    @Test func aClickOnAHeadingOnlyFocuses() throws {
        var state = AppFixture.state()
        let sidebar = try #require(state.layout.sidebar)
        _ = reduce(&state, Self.click(sidebar.x + 1, sidebar.y))
        #expect(state.options.focus == .sidebar)
        #expect(state.marks.isEmpty)
    }

    @Test func aClickOutsideTheHelpClosesItAndInsideDoesNot() throws {
        var state = AppFixture.state(width: 120, height: 40)
        _ = reduce(&state, .toggleHelp)
        let content = try #require(state.overlayContent)
        let box = ListOverlayView(content: content).frame(in: state.layout.overlayArea).box
        _ = reduce(&state, Self.click(box.x + 3, box.y + 2))
        #expect(state.listOverlay != nil)
        _ = reduce(&state, .mouse(MouseEvent(kind: .wheelDown, x: box.x + 3, y: box.y + 2)))
        #expect(state.listOverlay?.viewport.offset == AppState.wheelLines)
        _ = reduce(&state, Self.click(0, 0))
        #expect(state.listOverlay == nil)
    }

    @Test func aClickOnALinkOrAnEntryAtTheEndOfTheReaderOpensIt() throws {
        var state = InteractTests.state()
        let reader = try #require(state.layout.reader)
        let lines = try #require(state.reader.document?.lines.map(\.text))
        func row(_ prefix: String) throws -> Int {
            let line = try #require(lines.firstIndex { $0.hasPrefix(prefix) })
            state.reader.viewport.scroll(toLine: line)
            return reader.y + 1 + line - state.reader.viewport.offset
        }
        let link = try row("[2] ")
        #expect(reduce(&state, Self.click(reader.x + 10, link)) == [.openURL("https://en.example.org/wiki/Gold_(op)")])
        #expect(state.options.focus == .reader)
        let entry = try row("1. Gold tunnel files")
        _ = reduce(&state, Self.click(reader.x + 10, entry))
        #expect(AppFixture.selectedTitle(state) == "Gold tunnel files")
        #expect(state.pendingCount == nil)
    }

    @Test func theMouseIsNotBoundThroughTheKeyMap() {
        let state = AppFixture.state()
        let event = MouseEvent(kind: .press, button: .left, x: 1, y: 1)
        #expect(state.action(for: .mouse(event)) == .mouse(event))
    }

    @Test func aDoubleClickIsTwoPressesOnOneCellInTime() {
        var counter = ClickCounter()
        let press = MouseEvent(kind: .press, button: .left, x: 4, y: 7)
        #expect(counter.count(press, at: 10.0).clicks == 1)
        #expect(counter.count(press, at: 10.3).clicks == 2)
        #expect(counter.count(press, at: 10.5).clicks == 1, "a third press starts over")
        #expect(counter.count(press, at: 11.5).clicks == 1, "too slow")
        var moved = press
        moved.x = 5
        #expect(counter.count(moved, at: 11.6).clicks == 1, "another cell")
        #expect(counter.count(MouseEvent(kind: .release, button: .left, x: 5, y: 7), at: 11.7).clicks == 1)
    }
}
