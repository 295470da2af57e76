import Testing
@testable import GazetteUI

@Suite struct CanvasTextTests {
    @Test func putsTextClippedToMaxWidth() {
        var canvas = Canvas(width: 10, height: 1)
        let used = canvas.put("Hello, world", x: 1, y: 0, maxWidth: 5)
        #expect(used == 5)
        expectFrame(canvas, " Hello    |")
    }

    @Test func ellipsisAtCharacterBoundary() {
        var canvas = Canvas(width: 8, height: 1)
        canvas.put("Harbour lights", x: 0, y: 0, maxWidth: 8, overflow: .ellipsis)
        expectFrame(canvas, "Harbour…|")
    }

    @Test func wideCharactersTakeTwoCellsWithContinuation() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("東京x", x: 0, y: 0)
        #expect(canvas[0, 0].text == "東" && canvas[0, 0].width == 2)
        #expect(canvas[1, 0].isContinuation)
        #expect(canvas[2, 0].text == "京")
        #expect(canvas[4, 0].text == "x")
        expectFrame(canvas, "東京x |")
        #expect(gridProblems(canvas).isEmpty)
    }

    @Test func wideCharacterNeverSplitAtClipEdge() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("a東京", x: 0, y: 0, maxWidth: 4)
        expectFrame(canvas, "a東   |")
        #expect(gridProblems(canvas).isEmpty)

        var ellipsis = Canvas(width: 6, height: 1)
        ellipsis.put("東京都庁", x: 0, y: 0, maxWidth: 4, overflow: .ellipsis)
        // 東 (2) + pad (1) + … (1): the second wide character never half-drawn.
        expectFrame(ellipsis, "東 …  |")
    }

    @Test func wideCharacterAtCanvasEdgeBecomesSpace() {
        var canvas = sentinelCanvas(width: 5, height: 1)
        canvas.put("abcd東", x: 0, y: 0)
        expectFrame(canvas, "abcd |")
        #expect(gridProblems(canvas).isEmpty)
    }

    @Test func clipRectStartingInsideAWideCharacter() {
        var canvas = sentinelCanvas(width: 6, height: 1)
        canvas.put("東京", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 3, height: 1))
        // 東 straddles the left edge: its visible half is a space; 京 fits whole.
        expectFrame(canvas, "# 京##|")
        #expect(gridProblems(canvas).isEmpty)
        #expect(writesOutside(Rect(x: 1, y: 0, width: 3, height: 1), in: canvas) == 0)
    }

    @Test func overwritingHalfAWideCharacterRepairsTheOtherHalf() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("東京", x: 0, y: 0)
        canvas.put("x", x: 1, y: 0)
        #expect(gridProblems(canvas).isEmpty)
        expectFrame(canvas, " x京|")
    }

    @Test func plantedEscapeIsAStyledPlaceholderCell() {
        var canvas = Canvas(width: 12, height: 1)
        canvas.put("a\u{1B}[2Jb", x: 0, y: 0, style: Style(bold: true))
        expectFrame(canvas, "a␛[2Jb      |")
        #expect(canvas[1, 0].style.role == .placeholder)
        #expect(canvas[1, 0].style.bold)
        #expect(canvas[0, 0].style.role == .normal)
        #expect(gridProblems(canvas).isEmpty)
    }

    @Test func strayCombiningMarkIsShownNotLost() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.put("\u{301}a", x: 0, y: 0)
        #expect(canvas[0, 0].text == "\u{25CC}\u{301}")
        #expect(canvas[1, 0].text == "a")
    }

    @Test func emptyAndOutOfBoundsAreaAreSafe() {
        var canvas = sentinelCanvas(width: 4, height: 2)
        canvas.put("text", x: -10, y: 0)
        canvas.put("text", x: 10, y: 0)
        canvas.put("text", x: 0, y: 5)
        canvas.put("text", x: 0, y: -1)
        canvas.put("text", x: 0, y: 0, maxWidth: 0)
        canvas.put("text", x: 0, y: 0, maxWidth: -3)
        canvas.fill(Rect(x: 3, y: 1, width: 0, height: 0), style: Style(reverse: true))
        canvas.fill(Rect(x: 9, y: 9, width: 5, height: 5))
        canvas.put("text", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 0, height: 1))
        #expect(canvas.lines == ["####", "####"])
        var empty = Canvas(width: 0, height: 0)
        empty.put("x", x: 0, y: 0)
        empty.fill(Rect(x: 0, y: 0, width: 3, height: 3))
        #expect(empty.lines.isEmpty)
    }

    @Test func textStartingLeftOfTheClipShowsOnlyTheVisiblePart() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.put("abcdef", x: -2, y: 0)
        expectFrame(canvas, "cdef |")
    }

    @Test func fillStylesEveryCell() {
        var canvas = Canvas(width: 4, height: 3)
        let style = Style(.selection, reverse: true)
        canvas.fill(Rect(x: 1, y: 1, width: 10, height: 10), style: style)
        #expect(canvas[0, 0].style == .plain)
        #expect(canvas[1, 1].style == style && canvas[3, 2].style == style)
        #expect(canvas[0, 1].style == .plain)
    }

    @Test func fillWithWideCharacterOnOddWidthPads() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.fill(canvas.bounds, character: "─")
        expectFrame(canvas, "─────|")
        var wide = Canvas(width: 5, height: 1)
        wide.fill(wide.bounds, character: "中")
        expectFrame(wide, "中中 |")
        #expect(gridProblems(wide).isEmpty)
    }

    @Test func spansKeepTheirStyles() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.put(spans: [StyledSpan("ab", Style(bold: true)), StyledSpan("cd", Style(.highlight))], x: 0, y: 0)
        #expect(canvas[1, 0].style.bold)
        #expect(canvas[2, 0].style.role == .highlight)
    }
}
