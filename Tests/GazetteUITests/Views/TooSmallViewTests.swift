import Testing
@testable import GazetteUI

@Suite struct TooSmallViewTests {
    /// Every size below the minimum shows something rather than a blank screen.
    @Test func everyTinySizeShowsSomething() {
        for width in 1..<ScreenLayout.minimumWidth + 2 {
            for height in 1..<ScreenLayout.minimumHeight + 2 {
                let state = AppFixture.state(width: width, height: height)
                let canvas = render(state)
                let text = canvas.lines.joined().filter { $0 != " " }
                #expect(!text.isEmpty, "blank at \(width)×\(height)")
                #expect(gridProblems(canvas).isEmpty, "\(width)×\(height)")
            }
        }
    }

    @Test func oneByOneShowsAnEllipsis() {
        expectFrame(render(AppFixture.state(width: 1, height: 1)), "…|")
    }

    @Test func narrowNoticeIsTruncatedNotDropped() {
        var canvas = Canvas(width: 4, height: 1)
        TooSmallView().render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines == ["Sma…"])
    }
}
