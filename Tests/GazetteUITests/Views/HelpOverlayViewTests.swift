import Testing
@testable import GazetteUI

@Suite struct HelpOverlayAndTooSmallViewTests {
    @Test func helpListsEveryContextFromTheKeyMap() {
        let text = HelpOverlayView.lines(.standard).map(\.text)
        for context in HelpOverlayView.contextOrder { #expect(text.contains(context.title)) }
        #expect(text.contains { $0.hasPrefix("  j ↓") && $0.hasSuffix("Down") })
        #expect(text.contains { $0.contains("Ctrl-c") && $0.hasSuffix("Quit") })
        #expect(text.contains { $0.contains("Space") && $0.contains("next article") })
    }

    @Test func helpIsBoxedCentredAndScrolls() {
        var canvas = Canvas(width: 80, height: 12)
        HelpOverlayView(keyMap: .standard, offset: 0).render(into: &canvas, in: canvas.bounds)
        let box = HelpOverlayView(keyMap: .standard).box(in: canvas.bounds)
        #expect(box.height == 12 && box.width < 80)
        #expect(canvas[box.x, 0].text == "┌" && canvas[box.maxX - 1, 11].text == "┘")
        #expect(canvas.lines[0].contains(" Keys "))
        #expect(canvas.lines[11].contains("↓ more"))
        #expect(canvas.lines[1].contains("Everywhere"))
        var scrolled = Canvas(width: 80, height: 12)
        let view = ListOverlayView(content: HelpOverlayView.content(HelpOverlayView.lines(.standard)), offset: 1_000)
        view.render(into: &scrolled, in: scrolled.bounds)
        #expect(!scrolled.lines[11].contains("↓ more"))
        #expect(scrolled.lines[10].contains("Close help"))
        #expect(view.maxOffset(in: scrolled.bounds) > 0)
        #expect(gridProblems(scrolled).isEmpty)
    }

    @Test func tooSmall() {
        var canvas = Canvas(width: 19, height: 4)
        TooSmallView().render(into: &canvas, in: canvas.bounds)
        expectFrame(canvas, """
                           |
        Terminal too small |
             need 20×5     |
                           |
        """)
        var tiny = Canvas(width: 3, height: 1)
        TooSmallView().render(into: &tiny, in: tiny.bounds)
        expectFrame(tiny, "Sm…|")
    }
}
