import Testing
@testable import GazetteUI

@Suite struct HighlighterTests {
    /// Found by the `render` fuzz target: Foundation's insensitive `range(of:)` trapped on a
    /// needle with NUL after U+FFFD; the highlighter no longer uses it.
    @Test func aNeedleWithNULsDoesNotTrap() throws {
        let highlighter = try #require(Highlighting.terms(["\u{FFFD}\0\0", "tabs"]))
        #expect(highlighter("► Author: Ada Quill | Da\u{FFFD}\u{FFFD}\u{FFFD}").isEmpty)
        let text = "x\u{FFFD}\0\0y"
        #expect(highlighter(text).map { String(text[$0]) } == ["\u{FFFD}\0\0"])
    }

    @Test func matchesIgnoreCaseAndAccentsAndCoverWholeCharacters() throws {
        let text = "A CAFÉ, a cafe\u{301} and Zürich tabs"
        let highlighter = try #require(Highlighting.terms(["café", "zurich"]))
        #expect(highlighter(text).map { String(text[$0]) } == ["CAFÉ", "cafe\u{301}", "Zürich"])
        #expect(Highlighting.terms(["", ""]) == nil)
    }
}
