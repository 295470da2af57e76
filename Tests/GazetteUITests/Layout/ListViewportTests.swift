import Testing
@testable import GazetteUI
import GazetteTestSupport

@Suite struct ListViewportTests {
    /// Invariants that must hold after every operation.
    static func check(_ v: ListViewport, _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        if v.count == 0 {
            #expect(v.selection == nil, "\(context)", sourceLocation: sourceLocation)
            #expect(v.offset == 0, "\(context)", sourceLocation: sourceLocation)
            return
        }
        guard let s = v.selection else {
            Issue.record("selection nil with \(v.count) rows \(context)", sourceLocation: sourceLocation)
            return
        }
        #expect((0..<v.count).contains(s), "\(v) \(context)", sourceLocation: sourceLocation)
        #expect(v.offset >= 0 && v.offset <= max(0, v.count - v.height), "\(v) \(context)", sourceLocation: sourceLocation)
        if v.height > 0 { #expect(v.visibleRange.contains(s), "\(v) \(context)", sourceLocation: sourceLocation) }
    }

    @Test func emptyListHasNoSelection() {
        var v = ListViewport(count: 0, height: 10)
        #expect(v.selection == nil)
        v.move(by: 3); v.pageDown(); v.end(); v.home(); v.halfPageUp()
        Self.check(v)
        #expect(v.visibleRange.isEmpty)
    }

    @Test func movesAndScrollsWithMargin() {
        var v = ListViewport(count: 100, height: 10, scrollMargin: 2)
        v.move(by: 7)
        #expect(v.selection == 7 && v.offset == 0)
        v.move(by: 1)
        #expect(v.selection == 8 && v.offset == 1)  // two rows of context below
        v.move(by: -10)
        #expect(v.selection == 0 && v.offset == 0)
        Self.check(v)
    }

    @Test func homeEndAndClampedMoves() {
        var v = ListViewport(count: 50, height: 10)
        v.end()
        #expect(v.selection == 49 && v.offset == 40)
        v.move(by: 5)
        #expect(v.selection == 49)
        v.home()
        #expect(v.selection == 0 && v.offset == 0)
        v.move(by: Int.max)
        #expect(v.selection == 49)
        v.move(by: Int.min)
        #expect(v.selection == 0)
    }

    @Test func pagesMoveSelectionAndView() {
        var v = ListViewport(count: 100, height: 10)
        v.pageDown()
        #expect(v.selection == 10)
        #expect(v.visibleRange.contains(10))
        v.halfPageDown()
        #expect(v.selection == 15)
        v.pageUp()
        #expect(v.selection == 5)
        v.halfPageUp(); v.halfPageUp()
        #expect(v.selection == 0 && v.offset == 0)
        Self.check(v)
    }

    @Test func listShrinkingUnderTheSelectionClamps() {
        var v = ListViewport(count: 100, height: 10)
        v.select(90)
        v.setCount(20)
        #expect(v.selection == 19)
        #expect(v.offset == 10)
        v.setCount(0)
        #expect(v.selection == nil && v.offset == 0)
        v.setCount(5)
        #expect(v.selection == 0)
        Self.check(v)
    }

    @Test func resizeKeepsSelectionVisible() {
        var v = ListViewport(count: 100, height: 20)
        v.select(18)
        v.setHeight(5)
        #expect(v.selection == 18)
        #expect(v.visibleRange.contains(18))
        v.setHeight(0)
        Self.check(v)
        v.setHeight(200)
        #expect(v.offset == 0 && v.selection == 18)
    }

    @Test func randomOperationsKeepInvariants() {
        var generator = SeededRandom()
        var v = ListViewport(count: 30, height: 7)
        for step in 0..<20_000 {
            switch Int.random(in: 0..<9, using: &generator) {
            case 0: v.move(by: Int.random(in: -40...40, using: &generator))
            case 1: v.pageDown()
            case 2: v.pageUp()
            case 3: v.halfPageDown()
            case 4: v.halfPageUp()
            case 5: v.setCount(Int.random(in: 0...60, using: &generator))
            case 6: v.setHeight(Int.random(in: 0...40, using: &generator))
            case 7: v.end()
            default: v.select(Int.random(in: -5...70, using: &generator))
            }
            Self.check(v, "after step \(step); \(generator.reproduce)")
        }
    }
}

@Suite struct TextViewportTests {
    @Test func positionLabels() {
        #expect(TextViewport(total: 5, height: 10).positionLabel == "All")
        var v = TextViewport(total: 110, height: 10)
        #expect(v.positionLabel == "Top")
        v.scroll(by: 50)
        #expect(v.positionLabel == "50%")
        v.end()
        #expect(v.positionLabel == "Bot" && v.offset == 100 && v.isAtEnd)
    }

    @Test func clampsOnScrollAndResize() {
        var v = TextViewport(total: 30, height: 10)
        v.scroll(by: 1_000)
        #expect(v.offset == 20)
        v.scroll(by: Int.max)
        #expect(v.offset == 20)
        v.setHeight(25)
        #expect(v.offset == 5)
        v.setTotal(3)
        #expect(v.offset == 0)
        v.pageUp()
        #expect(v.offset == 0)
        v = TextViewport(total: 100, height: 10)
        v.pageDown()
        #expect(v.offset == 9)  // one line of context
    }
}
