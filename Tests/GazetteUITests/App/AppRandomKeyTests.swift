import Foundation
import GazetteCore
import Testing
@testable import GazetteUI

/// 100,000 random keys and resizes through the key map and the reducer on the repository's
/// Data/ plus the app fixture, checking the state's invariants after every step.
@Suite struct AppRandomKeyTests {
    /// Deterministic, so a failure names a reproducible step.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func corpus() throws -> (ArticleStore, LoadReport) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let archive = try ArchiveLoader.load(directories: [root.appendingPathComponent("Data").path])
        return (ArticleStore(articles: archive.articles + AppFixture.articles + [Self.hostile]), archive.report)
    }

    static let hostile = Article(
        title: "Planted \u{1B}[2J escape \u{1B}]0;owned\u{07} and \u{9B}31m in a title",
        tags: ["\u{1B}]52;c;aGk=\u{07}"], paragraphs: ["Body \u{1B}[H\u{1B}[2J with CSI, OSC \u{1B}]0;x\u{07} and C1 \u{9B}."],
        source: SourceLocation(path: "hostile.txt", line: 1))

    /// Keys a person could press, weighted towards movement and typing.
    static let keys: [Key] = {
        var keys: [Key] = [.enter, .tab, .backTab, .escape, .backspace, .delete, .up, .down, .left, .right,
                           .home, .end, .pageUp, .pageDown, .control("d"), .control("u"), .control("w"),
                           .control("l"), .function(1)]
        keys += "jjjkkkgGhlnN[]/csvzbq?w xX-\"():*abcOR ".map { Key.character($0) }
        keys += ["é", "東", "\u{301}"].map { Key.character($0) }
        return keys
    }()

    func checkInvariants(_ state: AppState, step: Int) {
        let where_ = "step \(step)"
        #expect(state.list.count == state.result.count, "\(where_): list count")
        if state.result.count == 0 {
            #expect(state.list.selection == nil, "\(where_): selection in an empty list")
        } else {
            #expect(state.list.selection.map { (0..<state.result.count).contains($0) } == true, "\(where_): selection outside the list")
        }
        #expect(state.reader.article == state.selectedArticle, "\(where_): reader does not show the selection")
        let viewport = state.reader.viewport
        #expect(viewport.offset >= 0 && viewport.offset <= viewport.maxOffset, "\(where_): reader offset outside the text")
        if let document = state.reader.document {
            #expect(viewport.total == document.lines.count, "\(where_): reader total")
        }
        if let cursor = state.sidebar.cursor {
            #expect(cursor < state.sidebar.items.count, "\(where_): sidebar cursor")
        } else {
            #expect(state.sidebar.items.isEmpty, "\(where_): sidebar cursor missing")
        }
        if state.layout.tooSmall == nil {
            #expect(state.layout.visiblePanes.contains(state.options.focus), "\(where_): focus on a hidden pane")
        }
        #expect(state.layout.width == state.width && state.layout.height == state.height, "\(where_): layout size")
    }

    @Test func hundredThousandRandomKeysKeepTheStateConsistent() throws {
        let (store, report) = try Self.corpus()
        #expect(store.count > 40)
        var random = SplitMix(state: 0x6A7E77E)
        var state = AppState(store: store, report: report, width: 120, height: 40)
        let steps = 100_000
        var quits = 0
        var rendered = 0
        for step in 0..<steps {
            let action: Action?
            if Int.random(in: 0..<50, using: &random) == 0 {
                // Mostly usable sizes, sometimes tiny or huge.
                let width = Bool.random(using: &random) ? Int.random(in: 1...250, using: &random) : Int.random(in: 40...160, using: &random)
                let height = Bool.random(using: &random) ? Int.random(in: 1...80, using: &random) : Int.random(in: 10...50, using: &random)
                action = .resize(width: width, height: height)
            } else {
                let key = Self.keys.randomElement(using: &random)!
                action = KeyMap.standard.action(for: key, in: state.keyContext)
            }
            guard let action else { continue }
            let effects = reduce(&state, action)
            if effects.contains(.quit) { quits += 1 }
            checkInvariants(state, step: step)
            // Drawing every frame at 250×80 in a debug build is slow; every 40th is plenty to
            // catch a frame that does not fit.
            if step % 40 == 0 || step > steps - 50 {
                let canvas = render(state)
                rendered += 1
                #expect(canvas.width == state.width && canvas.height == state.height, "step \(step): canvas size")
                let problems = gridProblems(canvas)
                #expect(problems.isEmpty, "step \(step) at \(state.width)×\(state.height): \(problems.prefix(3))")
                if !problems.isEmpty { return }
            }
        }
        #expect(quits > 0, "q was pressed outside overlays at least once")
        #expect(rendered > 1500)
    }
}
