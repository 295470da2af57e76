import Testing
@testable import GazetteUI

/// One mapping from movement keys to what they do, whatever they move.
@Suite struct MovementTests {
    @Test func everyMovementActionHasOneMovementAndOthersNone() {
        let pairs: [(Action, Movement)] = [
            (.moveDown, .lineDown), (.moveUp, .lineUp), (.moveToTop, .top), (.moveToBottom, .bottom),
            (.pageDown, .pageDown), (.pageUp, .pageUp), (.halfPageDown, .halfPageDown), (.halfPageUp, .halfPageUp),
        ]
        for (action, movement) in pairs { #expect(Movement(action) == movement) }
        #expect(Movement(.openArticle) == nil)
        #expect(Movement(.pageDownOrNextArticle) == nil, "Space in the reader also steps articles: not plain movement")
    }

    @Test func listAndTextMoveTheSameWayForTheSameMovement() {
        var list = ListViewport(count: 100, height: 10, scrollMargin: 0)
        var text = TextViewport(total: 100, height: 10)
        list.apply(.bottom)
        text.apply(.bottom)
        #expect(list.selection == 99 && text.offset == 90)
        list.apply(.top)
        text.apply(.top)
        #expect(list.selection == 0 && text.offset == 0)
        list.apply(.halfPageDown)
        text.apply(.halfPageDown)
        #expect(list.selection == 5 && text.offset == 5)
    }

    @Test func theOverlayScrollsWithinItsBox() {
        var overlay = ListOverlay(.help)
        overlay.fit(lineCount: 50, in: Rect(x: 0, y: 0, width: 80, height: 12))
        #expect(overlay.viewport.height == 10, "a border row above and below")
        overlay.apply(.bottom)
        #expect(overlay.viewport.offset == 40)
        overlay.fit(lineCount: 5, in: Rect(x: 0, y: 0, width: 80, height: 12))
        #expect(overlay.viewport.offset == 0, "fewer lines than the box: nothing to scroll")
    }
}
