import Testing
@testable import GazetteUI

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
