import Testing
@testable import GazetteUI
import GazetteTestSupport

/// Random mixes of the awkward parts of Unicode through sanitising, wrapping and drawing.
@Suite struct RandomTextTests {
    static let pieces: [String] = [
        "a", "Z", " ", "  ", "word", "東", "京", "한", "ｶ", "Ａ", "😀", "👍🏽", "👩‍👩‍👧", "🇯🇵", "🇯", "❤️", "1️⃣", "⌚︎",
        "\u{301}", "\u{200B}", "\u{200D}", "\u{FE0F}", "\u{FE0E}", "\u{1B}", "\u{1B}[2J", "\u{9B}", "\u{7}", "\u{8}",
        "\r", "\n", "\t", "\u{7F}", "\u{202E}", "\u{2066}", "\u{AD}", "\u{FEFF}", "\u{1100}", "\u{1161}", "\u{11A8}",
        "e\u{301}\u{302}", "…", "\u{3000}", "ｱｲｳ", "𠀋", "\u{E0067}", "\u{1F3F4}",
    ]

    static func randomText(_ generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func drawingRandomTextKeepsTheGridSound() {
        var generator = SeededRandom()
        for _ in 0..<3_000 {
            let text = Self.randomText(&generator)
            var canvas = sentinelCanvas(width: 12, height: 3)
            let clip = Rect(x: Int.random(in: 0...4, using: &generator), y: 1, width: Int.random(in: 0...8, using: &generator), height: 1)
            canvas.put(
                text, x: Int.random(in: -3...10, using: &generator), y: 1, maxWidth: Int.random(in: 0...14, using: &generator),
                style: Style(bold: true), overflow: Bool.random(using: &generator) ? .clip : .ellipsis, clip: clip)
            let problems = gridProblems(canvas)
            #expect(problems.isEmpty, "\(text.debugDescription): \(problems); \(generator.reproduce)")
            #expect(writesOutside(clip, in: canvas) == 0, "\(text.debugDescription); \(generator.reproduce)")
            if !problems.isEmpty { return }
        }
    }

    @Test func wrappingRandomTextFitsAndLosesNothing() {
        var generator = SeededRandom()
        for _ in 0..<2_000 {
            let text = Self.randomText(&generator)
            let width = Int.random(in: 2...30, using: &generator)
            let lines = TextWrap.wrap(text, width: width)
            #expect(lines.allSatisfy { $0.width <= width }, "\(text.debugDescription) at \(width); \(generator.reproduce)")
            let visible = { (s: String) in Glyph.make(s).map(\.text).joined().filter { !$0.isWhitespace } }
            #expect(visible(lines.map(\.text).joined()) == visible(text), "\(text.debugDescription) at \(width); \(generator.reproduce)")
        }
    }
}
