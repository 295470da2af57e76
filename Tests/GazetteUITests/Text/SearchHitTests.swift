import Testing
@testable import GazetteUI

/// Search hits travel as data on the spans, not as a colour role read back.
@Suite struct SearchHitTests {
    @Test func hitsAreMarkedWhateverStyleDrawsThem() {
        let spans = Highlighting.spans("a ferry crossing", base: .plain, highlighter: Highlighting.terms(["ferry"]), hit: Style(.accent))
        #expect(spans.map(\.text) == ["a ", "ferry", " crossing"])
        #expect(spans.map(\.style.searchHit) == [false, true, false])
        #expect(spans[1].style.role == .accent)
    }

    @Test func theReaderFindsHitLinesByTheMarkNotTheRole() {
        let lines = [
            StyledLine("drawn in the highlight colour, but no hit", Style(.highlight)),
            StyledLine(Highlighting.spans("the ferry", base: .plain, highlighter: Highlighting.terms(["ferry"]), hit: Style(.tag))),
        ]
        #expect(ReaderDocument(lines: lines, measure: 40).hitLines == [1])
    }
}
