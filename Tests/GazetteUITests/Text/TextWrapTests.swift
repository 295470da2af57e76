import Testing
@testable import GazetteUI

@Suite struct TextWrapTests {
    static let corpus: [String] = [
        "The quick brown fox jumps over the lazy dog near the riverbank.",
        "日本語の文章はスペースなしで折り返されます。東京と大阪。",
        "Mixed 日本語 and English, with emoji 👩‍👩‍👧 🇯🇵 👍🏽 and café naïve e\u{301}\u{302}.",
        "Antidisestablishmentarianismfloccinaucinihilipilification is one long word.",
        "한국어 문장도 잘 나뉘어야 합니다",
        "   leading and   multiple   spaces   ",
        "",
        "a",
        "ESC\u{1B}[2J and BEL\u{07} inside",
    ]

    static func visible(_ text: String) -> String {
        TerminalSafeText.sanitize(text).filter { !$0.isWhitespace }
    }

    @Test func wrapsAtSpaces() {
        let lines = TextWrap.wrap("the quick brown fox jumps", width: 10).map(\.text)
        #expect(lines == ["the quick", "brown fox", "jumps"])
    }

    @Test func hardBreaksLongWords() {
        let lines = TextWrap.wrap("abcdefghij klm", width: 4).map(\.text)
        #expect(lines == ["abcd", "efgh", "ij", "klm"])
    }

    @Test func breaksBetweenWideCharacters() {
        let lines = TextWrap.wrap("日本語の文章", width: 5).map(\.text)
        #expect(lines == ["日本", "語の", "文章"])
    }

    @Test func wideCharacterInOneColumnBecomesPlaceholder() {
        let lines = TextWrap.wrap("a日b", width: 1).map(\.text)
        #expect(lines == ["a", TextWrap.tooWidePlaceholder, "b"])
    }

    @Test func emptyParagraphIsOneEmptyLine() {
        #expect(TextWrap.wrap("", width: 10) == [StyledLine()])
        #expect(TextWrap.wrap("anything", width: 0).isEmpty)
    }

    @Test func keepsStylesAcrossLines() {
        let bold = Style(.leadIn, bold: true)
        let lines = TextWrap.wrap([StyledSpan("THE LEAD IN", bold), StyledSpan(" then plain text")], width: 8)
        #expect(lines.map(\.text) == ["THE LEAD", "IN then", "plain", "text"])
        #expect(lines[0].spans == [StyledSpan("THE LEAD", bold)])
        #expect(lines[1].spans == [StyledSpan("IN", bold), StyledSpan(" then")])
    }

    @Test func sweepNoLineTooWideNoTextLost() {
        for text in Self.corpus {
            for width in 1...120 {
                let lines = TextWrap.wrap(text, width: width)
                for line in lines {
                    #expect(line.width <= width, "width \(width): \(line.text.debugDescription) in \(text.debugDescription)")
                }
                let joined = Self.visible(lines.map(\.text).joined())
                if width >= 2 {
                    #expect(joined == Self.visible(text), "width \(width) lost text of \(text.debugDescription)")
                } else {
                    // At one column wide characters become placeholders; everything else stays.
                    #expect(joined.count == Self.visible(text).count, "width 1 lost characters of \(text.debugDescription)")
                }
            }
        }
    }

    @Test func combiningMarksStayWithTheirBase() {
        let lines = TextWrap.wrap("e\u{301}e\u{301}e\u{301}", width: 2).map(\.text)
        #expect(lines == ["e\u{301}e\u{301}", "e\u{301}"])
    }
}

@Suite struct TextWrapLargeTests {
    @Test func megabyteParagraphWraps() {
        let paragraph = String(repeating: "lorem ipsum 東京 dolor ", count: 50_000)
        let lines = TextWrap.wrap(paragraph, width: 80)
        #expect(lines.count > 10_000)
        #expect(lines.allSatisfy { $0.width <= 80 })
    }
}
