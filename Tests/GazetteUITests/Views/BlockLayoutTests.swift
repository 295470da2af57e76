import GazetteCore
import Testing
@testable import GazetteUI

/// How body blocks look in the reader: bars and colours per quotation depth, verbatim lines
/// clipped with `→`, list items hanging, the signature dimmed, hits found in every block.
@Suite struct BlockLayoutTests {
    static func layout(_ body: String, measure: Int, verbatim: Int? = nil, terms: [String] = []) -> [StyledLine] {
        BlockLayout(measure: measure, verbatimWidth: verbatim ?? measure, highlighter: Highlighting.terms(terms))
            .lines(BodyParser.blocks(body), leadInLength: 0)
    }

    static func texts(_ lines: [StyledLine]) -> [String] { lines.map(\.text) }

    @Test func quoteDepthsHaveBarsAndCyclingColours() throws {
        let lines = Self.layout("> one\n> > two\n> > > three\n> > > > four", measure: 40)
        #expect(Self.texts(lines) == ["", "│ one", "│", "│ │ two", "│ │", "│ │ │ three", "│ │ │", "│ │ │ │ four"])
        let four = lines[7].spans
        #expect(four.map(\.style.role) == [.quote1, .quote2, .quote3, .quote1, .quote1])
        // The text takes its depth's colour too.
        #expect(lines[3].spans.last?.style.role == .quote2)
    }

    @Test func barsNarrowWhenDeepQuotesWouldCrowdTheText() {
        let lines = Self.layout(">>>>>> deep words here", measure: 20)
        #expect(lines[1].text.hasPrefix("││││││"))
        #expect(lines.allSatisfy { $0.width <= 20 })
    }

    @Test func attributionSitsRightAboveItsQuote() {
        let lines = Self.layout("Kay Bell writes:\n> The dates are out.", measure: 40)
        #expect(Self.texts(lines) == ["", "Kay Bell writes:", "│ The dates are out."])
        #expect(lines[1].spans[0].style.role == .attribution)
    }

    @Test func verbatimLinesAreClippedWithAMarkerNeverWrapped() {
        let table = "Date      Flight   Vehicle\nApril 27  STS-55   Columbia with a long payload name"
        let lines = Self.layout(table, measure: 30)
        #expect(Self.texts(lines) == ["", "Date      Flight   Vehicle", "April 27  STS-55   Columbia w→"])
        #expect(lines[2].spans.last?.text == "→")
        #expect(lines[2].spans.first?.style.role == .preformatted)
        // Given room right of the measure, the line is whole.
        #expect(Self.texts(Self.layout(table, measure: 30, verbatim: 60))[2] == "April 27  STS-55   Columbia with a long payload name")
    }

    @Test func clippingKeepsWideCharactersWhole() {
        // 東 is two columns: where it would straddle the marker's column, a space takes its place.
        let line = BlockLayout.clip([StyledSpan("ab東京都")], width: 4)
        #expect(line.text == "ab →")
        #expect(line.width == 4)
        #expect(BlockLayout.clip([StyledSpan("ab東京都")], width: 5).text == "ab東→")
        let exact = BlockLayout.clip([StyledSpan("ab東京")], width: 6)
        #expect(exact.text == "ab東京")
        #expect(BlockLayout.clip([StyledSpan("東京")], width: 1).text == "→")
    }

    @Test func escapesInVerbatimLinesAreMadeSafe() {
        let lines = Self.layout("Col  \u{1B}[2J  Other\nA    B       C", measure: 40)
        #expect(lines[1].text.contains("␛[2J"))
        #expect(!lines.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B } })
    }

    @Test func listItemsHang() {
        let lines = Self.layout("Bring:\n- a torch with spare batteries for the night\n- water", measure: 24)
        #expect(Self.texts(lines) == ["", "Bring:", "", "- a torch with spare", "  batteries for the", "  night", "- water"])
    }

    @Test func signatureIsDimmedAndKeptAsWritten() {
        let lines = Self.layout("Thanks.\n-- \nAnn  | ann@x.example\n     | +1 555 0100", measure: 40)
        #expect(Self.texts(lines) == ["", "Thanks.", "", "-- ", "Ann  | ann@x.example", "     | +1 555 0100"])
        #expect(lines[4].spans.allSatisfy { $0.style.role == .signature && $0.style.dim })
    }

    @Test func hitsAreFoundInEveryKindOfBlock() {
        let body = "Lunar talk.\n> lunar quote\n\nName   Lunar   Other\nA      B       C\n-- \nlunar sig"
        let document = ReaderDocument(lines: Self.layout(body, measure: 40, terms: ["lunar"]), measure: 40)
        #expect(document.hitLines.count == 4)
    }

    @Test func wireParagraphsAreSeparated() {
        let body = "    Shares rose sharply in heavy trading\nafter the offer.\n    The company said nothing."
        #expect(Self.texts(Self.layout(body, measure: 60)) == [
            "", "Shares rose sharply in heavy trading after the offer.", "", "The company said nothing.",
        ])
    }
}
