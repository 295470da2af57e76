import Testing
@testable import GazetteUI

@Suite struct SidebarViewTests {
    static func render(width: Int = 20, height: Int = 9, cursor: Int? = 1, offset: Int = 0, focused: Bool = true) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        SidebarView(sections: Sample.sections, cursor: cursor, offset: offset, focused: focused).render(into: &canvas, in: canvas.bounds)
        return canvas
    }

    @Test func frame() {
        expectFrame(Self.render(), """
        Tags                |
        + Ferries         12|
          Harbour          7|
        - Russia           0|
          Weather          0|
        Years               |
          2024            15|
          2023             4|
                            |
        """)
    }

    @Test func styles() {
        let canvas = Self.render()
        #expect(canvas[0, 0].style.bold)                     // heading
        #expect(canvas[2, 1].style.role == .accent && canvas[2, 1].style.bold)  // included
        #expect(canvas[5, 2].style.reverse)                  // cursor row (entry 1 = Harbour)
        #expect(canvas[19, 2].style.reverse)
        #expect(canvas[2, 3].style.role == .warning)         // excluded
        #expect(canvas[2, 4].style.dim)                      // zero count
        #expect(!canvas[2, 6].style.dim)
    }

    @Test func rowMapping() {
        #expect(SidebarView.rowCount(Sample.sections) == 8)
        #expect(SidebarView.row(ofEntry: 0, in: Sample.sections) == 1)
        #expect(SidebarView.row(ofEntry: 4, in: Sample.sections) == 6)
        #expect(SidebarView.row(ofEntry: 6, in: Sample.sections) == nil)
        #expect(SidebarView.row(ofEntry: -1, in: Sample.sections) == nil)
    }

    @Test func scrollsAndTruncates() {
        expectFrame(Self.render(width: 9, height: 3, cursor: 4, offset: 5), """
        Years    |
          2024 15|
          2023  4|
        """)
        expectFrame(Self.render(width: 7, height: 2, offset: 1), """
        + Ferr…|
          Harb…|
        """)
    }
}

@Suite struct StatusBarViewTests {
    static func render(_ content: StatusBarView.Content, width: Int) -> Canvas {
        var canvas = Canvas(width: width, height: 1)
        StatusBarView(content).render(into: &canvas, in: canvas.bounds)
        return canvas
    }

    @Test func status() {
        let status = StatusBarView.Status(shown: 12, total: 340, query: "tag:CIA -tag:Russia", sort: .date, warnings: 3)
        expectFrame(Self.render(.status(status), width: 70), " 12 of 340 articles  tag:CIA -tag:Russia       3 warnings  sort: date |")
        let canvas = Self.render(.status(status), width: 70)
        #expect(canvas[1, 0].style.reverse)
        #expect(canvas[50, 0].style.role == .warning)
    }

    @Test func statusNarrowAndMessage() {
        let status = StatusBarView.Status(shown: 1, total: 1, query: "x", message: "Loaded")
        expectFrame(Self.render(.status(status), width: 20), " 1 of 1 article  Lo…|")
        expectFrame(Self.render(.status(status), width: 5), " 1 o…|")
    }

    @Test func promptShowsCursorAndError() {
        let prompt = StatusBarView.Prompt(text: "tag:(CIA", error: "missing )")
        expectFrame(Self.render(.prompt(prompt), width: 30), "/tag:(CIA▏  missing )         |")
        let canvas = Self.render(.prompt(prompt), width: 30)
        #expect(canvas[12, 0].style.role == .warning)
    }

    @Test func longPromptShowsItsEnd() {
        let prompt = StatusBarView.Prompt(text: "abcdefghijklmnopqrstuvwxyz")
        expectFrame(Self.render(.prompt(prompt), width: 10), "rstuvwxyz▏|")
    }
}

@Suite struct HelpAndTooSmallViewTests {
    @Test func helpListsEveryContextFromTheKeyMap() {
        let text = HelpOverlayView.lines(.standard).map(\.text)
        for context in HelpOverlayView.contextOrder { #expect(text.contains(context.title)) }
        #expect(text.contains { $0.hasPrefix("  j ↓") && $0.hasSuffix("Down") })
        #expect(text.contains { $0.contains("Ctrl-c") && $0.hasSuffix("Quit") })
        #expect(text.contains { $0.contains("Space") && $0.contains("next article") })
    }

    @Test func helpIsBoxedCentredAndScrolls() {
        var canvas = Canvas(width: 80, height: 12)
        HelpOverlayView(offset: 0).render(into: &canvas, in: canvas.bounds)
        let box = HelpOverlayView().box(in: canvas.bounds)
        #expect(box.height == 12 && box.width < 80)
        #expect(canvas[box.x, 0].text == "┌" && canvas[box.maxX - 1, 11].text == "┘")
        #expect(canvas.lines[0].contains(" Keys "))
        #expect(canvas.lines[11].contains("↓ more"))
        #expect(canvas.lines[1].contains("Everywhere"))
        var scrolled = Canvas(width: 80, height: 12)
        let view = HelpOverlayView(offset: 1_000)
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
