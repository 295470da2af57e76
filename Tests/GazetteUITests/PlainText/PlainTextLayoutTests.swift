import GazetteCore
import Testing
@testable import GazetteUI
import GazetteTestSupport

/// `gazette show`'s plain-text layout (bytes and widths, no styled glyphs) against the styled
/// layout the reader draws: the same text, byte for byte, for every shape of body at every width.
@Suite struct PlainTextLayoutTests {
    /// Awkward pieces of text: wide, combining, emoji, controls and escapes, tabs, bidi, spaces.
    static let pieces: [String] = RandomTextTests.pieces + [
        "the", "quick", "fox,", "jumps.", "(over)", "東京都", "ｶﾀｶﾅ", "naïve", "cafe\u{301}", "—", "a\u{AD}b",
        "\u{1B}[31mred\u{1B}[0m", "\u{1B}]52;c;aGk=\u{7}", "x\ty", "\u{0600}1", "#\u{FE0F}\u{20E3}", "\u{2028}",
        "\u{1F1FA}\u{1F1F8}", "\u{3000}\u{3000}", " \u{301}", "\u{301}",
    ]

    static func phrase(_ generator: inout SeededRandom, pieces count: ClosedRange<Int> = 0...30) -> String {
        var text = ""
        for _ in 0..<Int.random(in: count, using: &generator) {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: text += String(repeating: "w", count: Int.random(in: 20...140, using: &generator))  // very long word
            case 1...4: text += " "
            default: text += pieces.randomElement(using: &generator)!
            }
        }
        return text
    }

    @Test func wrappingGivesTextWrapsLines() {
        var generator = SeededRandom()
        for _ in 0..<4_000 {
            let text = Self.phrase(&generator)
            let width = Int.random(in: 1...40, using: &generator)
            var plain: [String] = []
            PlainWrap.forEachLine(text, width: width) { plain.append(String(decoding: $0, as: UTF8.self)) }
            let styled = TextWrap.wrap(text, width: width).map(\.text)
            #expect(plain == styled, "\(text.debugDescription) at \(width); \(generator.reproduce)")
            if plain != styled { return }
        }
    }

    /// Printable ASCII takes its own path (lines as slices of the text): words, runs of spaces,
    /// leading and trailing spaces, words longer than the width.
    @Test func wrappingPlainASCIIGivesTextWrapsLines() {
        var generator = SeededRandom()
        let words = ["a", "to", "the", "(over)", "fox,", "x-y", " ", "  ", "   ", "~!@#$%^&*", String(repeating: "q", count: 45)]
        for _ in 0..<6_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? " " : "")
            let width = Int.random(in: 1...40, using: &generator)
            var plain: [String] = []
            PlainWrap.forEachLine(text, width: width) { plain.append(String(decoding: $0, as: UTF8.self)) }
            var clipped: [UInt8] = []
            PlainWrap.clip(text, width: width, into: &clipped)
            #expect(plain == TextWrap.wrap(text, width: width).map(\.text), "\(text.debugDescription) at \(width); \(generator.reproduce)")
            #expect(String(decoding: clipped, as: UTF8.self) == BlockLayout.clip([StyledSpan(text)], width: width).text,
                    "\(text.debugDescription) at \(width); \(generator.reproduce)")
            if plain != TextWrap.wrap(text, width: width).map(\.text) { return }
        }
    }

    /// The eight-bytes-a-step test against the byte-wise definition, bytes at both edges of the range.
    @Test func printableASCIITestMatchesEachByte() {
        var generator = SeededRandom()
        let edges: [UInt8] = [0x00, 0x09, 0x1F, 0x20, 0x21, 0x41, 0x7E, 0x7F, 0x80, 0xC3, 0xFE, 0xFF]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...40, using: &generator)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
            for _ in 0..<Int.random(in: 0...2, using: &generator) where count > 0 {
                bytes[Int.random(in: 0..<count, using: &generator)] = edges.randomElement(using: &generator)!
            }
            let expected = bytes.allSatisfy { (0x20...0x7E).contains($0) }
            #expect(bytes.withUnsafeBufferPointer(PlainWrap.isPrintableASCII) == expected, "\(bytes); \(generator.reproduce)")
        }
    }

    @Test func clippingGivesTheStyledClip() {
        var generator = SeededRandom()
        for _ in 0..<3_000 {
            let text = Self.phrase(&generator, pieces: 0...20)
            let width = Int.random(in: 1...30, using: &generator)
            var plain: [UInt8] = []
            PlainWrap.clip(text, width: width, into: &plain)
            let styled = BlockLayout.clip([StyledSpan(text)], width: width).text
            #expect(String(decoding: plain, as: UTF8.self) == styled, "\(text.debugDescription) at \(width); \(generator.reproduce)")
        }
    }

    /// A body of every block shape, its text made of the awkward pieces.
    static func body(_ generator: inout SeededRandom) -> String {
        var lines: [String] = []
        for _ in 0..<Int.random(in: 1...40, using: &generator) {
            let quote = String(repeating: "> ", count: Int.random(in: 0...3, using: &generator))
            switch Int.random(in: 0..<12, using: &generator) {
            case 0: lines.append("")
            case 1: lines.append(quote + "Kay Bell wrote:")
            case 2: lines.append(quote + ["- ", "* ", "1. ", "b) ", "  - "].randomElement(using: &generator)! + phrase(&generator))
            case 3:
                // A table: aligned columns.
                for _ in 0..<Int.random(in: 2...4, using: &generator) {
                    let cells = (0..<3).map { _ in phrase(&generator, pieces: 1...3) }
                    lines.append(quote + "  " + cells.map { $0 + String(repeating: " ", count: max(2, 14 - $0.count)) }.joined())
                }
            case 4: lines.append("-- ")
            case 5: lines.append("\t" + phrase(&generator))
            case 6: lines.append(quote + ">" + phrase(&generator))
            case 7: lines.append("    for (i = 0; i < n; i++) { total += a[i]; }  " + phrase(&generator, pieces: 0...4))
            default: lines.append(quote + phrase(&generator))
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test func streamingGivesTheStyledRenderingOfRandomBodies() {
        var generator = SeededRandom()
        for round in 0..<300 {
            let headers = [HeaderField(name: "Path", value: Self.phrase(&generator, pieces: 0...4)), HeaderField(name: "Subject", value: "東京 \u{1B}[2J")]
            let article = Article(
                title: Self.phrase(&generator, pieces: 1...6), author: "Kay Bell", extraHeaders: headers,
                paragraphs: [Self.body(&generator)], leadInLength: round % 5 == 0 ? 4 : 0,
                source: SourceLocation(path: "random.txt", line: round))
            for width in [10, 23, 50, 80, 132] {
                let allHeaders = Bool.random(using: &generator)
                let slotBytes = [1, 64, 900, 1 << 20].randomElement(using: &generator)!
                var streamed = ""
                ArticleTextRenderer.stream(article, tags: ["t"], width: width, allHeaders: allHeaders, slotBytes: slotBytes) { streamed += $0 }
                let whole = ArticleTextRenderer.render(article, tags: ["t"], width: width, allHeaders: allHeaders)
                #expect(streamed == whole, "\(article.bodyUTF8.count) bytes at \(width), slots \(slotBytes); \(generator.reproduce)")
                var bytes: [UInt8] = []
                ArticleTextRenderer.stream(article, tags: ["t"], width: width, allHeaders: allHeaders, slotBytes: slotBytes, bytes: { bytes += $0 })
                #expect(bytes == Array(whole.utf8), "bytes at \(width), slots \(slotBytes); \(generator.reproduce)")
                if streamed != whole { return }
            }
        }
    }

    @Test func streamingGivesTheStyledRenderingOfTheCorpus() {
        #expect(LazyReaderTests.corpus.count > 40, "the sample data and fixtures are found")
        for article in LazyReaderTests.corpus + [LazyReaderTests.hugeArticle(megabytes: 0.3)] {
            for width in [10, 33, 72, 80, 120] {
                for allHeaders in [false, true] {
                    var streamed = ""
                    ArticleTextRenderer.stream(article, tags: article.tags, width: width, allHeaders: allHeaders, slotBytes: 2048) { streamed += $0 }
                    let whole = ArticleTextRenderer.render(article, tags: article.tags, width: width, allHeaders: allHeaders)
                    #expect(streamed == whole, "\(article.source) at \(width), all headers \(allHeaders)")
                    // `gazette show` writes the bytes as the layout made them: exactly the rendering's UTF-8.
                    var bytes: [UInt8] = []
                    ArticleTextRenderer.stream(article, tags: article.tags, width: width, allHeaders: allHeaders, slotBytes: 2048, bytes: { bytes += $0 })
                    #expect(bytes == Array(whole.utf8), "bytes of \(article.source) at \(width), all headers \(allHeaders)")
                }
            }
        }
    }
}
