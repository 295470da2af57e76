import GazetteCore
import Testing
@testable import GazetteUI

@Suite struct LoadingInputTests {
    private static func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }

    @Test func keysTypedWhileLoadingReachTheBrowser() {
        var input = LoadingInput()
        for key in [Key.character("j"), .character("/")] + Self.keys("quiet") + [.enter] {
            #expect(input.receive(key) == nil, "\(key)")
        }
        var state = AppFixture.state()
        #expect(state.replay(input.queued).isEmpty)
        #expect(state.keptQuery == "quiet")
        #expect(AppFixture.titles(state) == ["Bridge exchange at dawn"])
    }

    @Test func movementTypedAheadMovesTheSelection() {
        var input = LoadingInput()
        _ = input.receive(.character("j"))
        _ = input.receive(.down)
        var state = AppFixture.state()
        _ = state.replay(input.queued)
        #expect(state.list.selection == 2)
    }

    @Test func quitResizeRedrawAndSuspendActAtOnce() {
        var input = LoadingInput()
        #expect(input.receive(.character("q")) == .closeOrQuit)
        #expect(input.receive(.control("c")) == .quit)
        #expect(input.receive(.resize(width: 80, height: 24)) == .resize(width: 80, height: 24))
        #expect(input.receive(.control("l")) == .redraw)
        #expect(input.receive(.control("z")) == .suspend)
        #expect(input.queued.isEmpty)
    }

    @Test func inAQueuedPromptQIsALetter() {
        var input = LoadingInput()
        _ = input.receive(.character("/"))
        #expect(input.receive(.character("q")) == nil)
        #expect(input.receive(.control("c")) == .quit, "Ctrl-C still quits")
        _ = input.receive(.escape)
        #expect(input.receive(.character("q")) == .closeOrQuit)
        var state = AppFixture.state()
        _ = state.replay(input.queued)
        #expect(state.prompt == nil)
        #expect(state.result.count == 5)
    }

    @Test func replayStopsAtQuit() {
        var state = AppFixture.state()
        let effects = state.replay([.character("j"), .character("z"), .character("q"), .character("q"), .character("j")])
        #expect(effects == [.quit], "the first q closes the zoom, the second quits")
        #expect(state.list.selection == 1, "keys after the quit are not applied")
    }

    @Test func theQueueIsBounded() {
        var input = LoadingInput()
        for _ in 0..<(LoadingInput.limit + 50) { _ = input.receive(.character("j")) }
        #expect(input.queued.count == LoadingInput.limit)
    }
}
