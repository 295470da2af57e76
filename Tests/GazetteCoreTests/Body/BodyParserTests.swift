import Testing
@testable import GazetteCore

/// The block rules on bodies in the shapes real archives have (all written for these tests).
@Suite struct BodyParserTests {
    /// Blocks as one line each: `kind@level[marker]: text`, verbatim lines joined by ` ⏎ `.
    static func shape(_ body: String) -> [String] {
        BodyParser.blocks(body).map { block in
            var head = block.kind.rawValue
            if block.level > 0 { head += "@\(block.level)" }
            if !block.marker.isEmpty { head += "[\(block.marker)\(block.indent > 0 ? "+\(block.indent)" : "")]" }
            return head + ": " + block.lines.joined(separator: " ⏎ ")
        }
    }

    static func expectShape(_ body: String, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let got = shape(body)
        #expect(got == expected, Comment(rawValue: "\n" + got.joined(separator: "\n")), sourceLocation: sourceLocation)
    }

    @Test func paragraphsJoinTheirLines() {
        Self.expectShape("""
        The launch slipped again on Tuesday, the third delay
        this month, after a valve   sensor failed.

        Engineers expect a decision by Friday.
        """, [
            "paragraph: The launch slipped again on Tuesday, the third delay this month, after a valve   sensor failed.",
            "paragraph: Engineers expect a decision by Friday.",
        ])
    }

    @Test func whitespaceOnlyLinesSeparate() {
        Self.expectShape("First paragraph here.\n   \t \nSecond one.", [
            "paragraph: First paragraph here.",
            "paragraph: Second one.",
        ])
    }

    @Test func emptyAndBlankBodies() {
        #expect(BodyParser.blocks("").isEmpty)
        #expect(BodyParser.blocks("\n\n  \n").isEmpty)
    }

    @Test func sentenceSpacingIsNotATable() {
        Self.expectShape("""
        We flew out on Monday.  The weather held.  By noon the
        crew had the balloon up.  Nobody expected the wind.
        """, [
            "paragraph: We flew out on Monday.  The weather held.  By noon the crew had the balloon up.  Nobody expected the wind.",
        ])
    }

    @Test func usenetReplyTwoLevelsWithAttributionsAndSignature() {
        Self.expectShape("""
        In article <1993Apr28.1402@cs.umbc.example> kbell@umbc.example (Kay Bell) writes:
        >In article <C6A2x1.8Jq@news.example> dtr@news.example writes:
        >>The probe will never make it past the belt; the
        >>budget is gone.
        >
        >It already has.  Read the press release
        >before posting.

        Both of you are wrong about the dates, as usual.

        --
        Tom Rourke            | "Ad astra per
        rourke@lab.example    |  aspera"
        """, [
            "attribution: In article <1993Apr28.1402@cs.umbc.example> kbell@umbc.example (Kay Bell) writes:",
            "attribution@1: In article <C6A2x1.8Jq@news.example> dtr@news.example writes:",
            "paragraph@2: The probe will never make it past the belt; the budget is gone.",
            "paragraph@1: It already has.  Read the press release before posting.",
            "paragraph: Both of you are wrong about the dates, as usual.",
            "signature: --  ⏎ Tom Rourke            | \"Ad astra per ⏎ rourke@lab.example    |  aspera\"",
        ])
    }

    @Test func quoteMarksInEveryShape() {
        Self.expectShape("> > > deep\n>> two\n> > also two\n> one\n > with a space before", [
            "paragraph@3: deep",
            "paragraph@2: two also two",
            "paragraph@1: one with a space before",
        ])
    }

    @Test func twoLineAttributionAndOnWrote() {
        Self.expectShape("""
        In article <1993May02.0012@ee.example>, pm@ee.example (Pat Moreau)
        writes:
        > Has anyone tried the new compiler?

        On Tue, 4 May 1993 10:12:44 GMT, Lee Ann Fisk
        wrote:
        > Yes, and it crashed.
        """, [
            "attribution: In article <1993May02.0012@ee.example>, pm@ee.example (Pat Moreau) writes:",
            "paragraph@1: Has anyone tried the new compiler?",
            "attribution: On Tue, 4 May 1993 10:12:44 GMT, Lee Ann Fisk wrote:",
            "paragraph@1: Yes, and it crashed.",
        ])
    }

    @Test func bareWritesLineBeforeAQuoteIsAnAttribution() {
        Self.expectShape("""
        Some context first.
        Jan Olsen writes:

        > I doubt it.
        """, [
            "paragraph: Some context first.",
            "attribution: Jan Olsen writes:",
            "paragraph@1: I doubt it.",
        ])
        // Not before a quote: just prose that ends with "writes:".
        Self.expectShape("This is what she writes:\nnothing at all.", [
            "paragraph: This is what she writes: nothing at all.",
        ])
    }

    @Test func wireStoryIndentedParagraphs() {
        Self.expectShape("""
            Shares of Kestrel Lawn Corp shot up 11-1/2 to 39-1/2 in heavy
        trading after Waste Haulers Inc offered 27 dlrs a share for the
        company.
            Kestrel said it had not received the offer.
            Analysts said the bid was low and expected a higher one
        within weeks, perhaps from a rival.
        """, [
            "paragraph: Shares of Kestrel Lawn Corp shot up 11-1/2 to 39-1/2 in heavy trading after Waste Haulers Inc offered 27 dlrs a share for the company.",
            "paragraph: Kestrel said it had not received the offer.",
            "paragraph: Analysts said the bid was low and expected a higher one within weeks, perhaps from a rival.",
        ])
    }

    @Test func wireEarningsTableStaysAsWritten() {
        Self.expectShape("""
        Kestrel Lawn Corp said first quarter results were:
            Shr 1.23 dlrs vs 1.01 dlrs
            Net 12.4 mln vs 9.8 mln
            Revs 140.2 mln vs 121.7 mln
        """, [
            "paragraph: Kestrel Lawn Corp said first quarter results were:",
            "preformatted:     Shr 1.23 dlrs vs 1.01 dlrs ⏎     Net 12.4 mln vs 9.8 mln ⏎     Revs 140.2 mln vs 121.7 mln",
        ])
    }

    @Test func wireParagraphThenItsFigures() {
        Self.expectShape("""
            Analysts expected a higher bid within weeks.
            Kestrel reported first quarter results of:
            Shr 1.23 dlrs vs 1.01 dlrs
            Net 12.4 mln vs 9.8 mln
        Reuter
        """, [
            "paragraph: Analysts expected a higher bid within weeks.",
            "paragraph: Kestrel reported first quarter results of:",
            "preformatted:     Shr 1.23 dlrs vs 1.01 dlrs ⏎     Net 12.4 mln vs 9.8 mln",
            "paragraph: Reuter",
        ])
    }

    @Test func launchCalendarIsATable() {
        Self.expectShape("""
        SPACE CALENDAR
        April 27, 1993

        April 27  STS-55  Columbia   Spacelab D2 mission
        May 5     STS-56  Discovery  ATLAS-2
        May 19    Titan   IV         classified payload
        June      STS-57  Endeavour  EURECA retrieval
        """, [
            "paragraph: SPACE CALENDAR April 27, 1993",
            "preformatted: April 27  STS-55  Columbia   Spacelab D2 mission ⏎ May 5     STS-56  Discovery  ATLAS-2 ⏎ May 19    Titan   IV         classified payload ⏎ June      STS-57  Endeavour  EURECA retrieval",
        ])
    }

    @Test func quotedTableInsideAQuote() {
        Self.expectShape("""
        > The figures were:
        >
        >   Year   Units   Share
        >   1991    1,204   12.1%
        >   1992      987    9.9%
        >
        > which is a fall.
        """, [
            "paragraph@1: The figures were:",
            "preformatted@1:   Year   Units   Share ⏎   1991    1,204   12.1% ⏎   1992      987    9.9%",
            "paragraph@1: which is a fall.",
        ])
    }

    @Test func rightAlignedFiguresAreATable() {
        Self.expectShape("""
        Standings after round three:
        Team          Won    Lost
        Harbour         12      3
        Bridge           9      6
        """, [
            "paragraph: Standings after round three:",
            "preformatted: Team          Won    Lost ⏎ Harbour         12      3 ⏎ Bridge           9      6",
        ])
        Self.expectShape("Name   Score\nAnn       12\nBo         9", ["preformatted: Name   Score ⏎ Ann       12 ⏎ Bo         9"])
    }

    @Test func boxDrawingAndAsciiArt() {
        Self.expectShape("""
        The layout:
        +--------+--------+
        | input  | output |
        +--------+--------+
        ╔══════╗
        ║ menu ║
        ╚══════╝
        """, [
            "paragraph: The layout:",
            "preformatted: +--------+--------+ ⏎ | input  | output | ⏎ +--------+--------+ ⏎ ╔══════╗ ⏎ ║ menu ║ ⏎ ╚══════╝",
        ])
    }

    @Test func indentedCodeAndPoemStayAsWritten() {
        Self.expectShape("""
        Try this:

            for (i = 0; i < n; i++) {
                total += a[i];
            }

          Whose woods these are
          I think I know
        """, [
            "paragraph: Try this:",
            "preformatted:     for (i = 0; i < n; i++) { ⏎         total += a[i]; ⏎     }",
            "preformatted:   Whose woods these are ⏎   I think I know",
        ])
    }

    @Test func flushLeftCodeStaysAsWritten() {
        Self.expectShape("""
        Here is the fix:

        int main(void) {
          return count(&table);
        }
        """, [
            "paragraph: Here is the fix:",
            "preformatted: int main(void) { ⏎   return count(&table); ⏎ }",
        ])
        Self.expectShape("The vote was close;\nthe count ran late.", ["paragraph: The vote was close; the count ran late."])
    }

    @Test func indentedProseIsRewrapped() {
        Self.expectShape("""
            The committee found that the records had been kept in good
            order until the spring, when the clerk who kept them left.
        """, [
            "paragraph: The committee found that the records had been kept in good order until the spring, when the clerk who kept them left.",
        ])
    }

    @Test func listsWithHangingContinuations() {
        Self.expectShape("""
        Things to bring:
        - a torch with spare
          batteries
        - water
          1. at least two litres
          2. more in summer
        * maps
        a) first option
        b) second option

        1. Numbered from a blank line.
        """, [
            "paragraph: Things to bring:",
            "list-item[-]: a torch with spare batteries",
            "list-item[-]: water",
            "list-item[1.+2]: at least two litres",
            "list-item[2.+2]: more in summer",
            "list-item[*]: maps",
            "list-item[a)]: first option",
            "list-item[b)]: second option",
            "list-item[1.]: Numbered from a blank line.",
        ])
    }

    @Test func numberedReferencesAreOneItemEach() {
        // The link list at the end of a fetched item or a post: one reference a line, never a paragraph.
        Self.expectShape("""
        The full rule [1] and the mail [2] say so.

        [1] https://example.org/rule
        [2] mailto:desk@example.org
        [12] https://example.org/a/very/long/path
        [x] not a reference
        """, [
            "paragraph: The full rule [1] and the mail [2] say so.",
            "list-item[[1]]: https://example.org/rule",
            "list-item[[2]]: mailto:desk@example.org",
            "list-item[[12]]: https://example.org/a/very/long/path",
            "paragraph: [x] not a reference",
        ])
    }

    @Test func dashesInProseAreNotLists() {
        Self.expectShape("""
        He paid the fee
        - grudgingly - and left.
        * * *
        """, [
            "paragraph: He paid the fee - grudgingly - and left. * * *",
        ])
    }

    @Test func signatureNeedsToBeShortAndAtTheEnd() {
        // A `--` followed by a long text is a separator, not a signature.
        let long = (1...20).map { "Line \($0) of the real text goes on here." }.joined(separator: "\n")
        let blocks = BodyParser.blocks("Intro.\n--\n" + long)
        #expect(!blocks.contains { $0.kind == .signature })
        Self.expectShape("Thanks.\n-- \nAnn\n\n", ["paragraph: Thanks.", "signature: --  ⏎ Ann"])
    }

    @Test func tabsExpandInVerbatimLines() {
        Self.expectShape("Results:\nName\tScore\tRank\nAnn\t12\t1\n", [
            "paragraph: Results:",
            "preformatted: Name    Score   Rank ⏎ Ann     12      1",
        ])
    }

    @Test func joinedParagraphBodiesStayParagraphs() {
        // Bodies from parsers that join lines: one line per paragraph.
        Self.expectShape("THE LAST CROSSING left the pier.\nRegulars said the timetable had thinned.", [
            "paragraph: THE LAST CROSSING left the pier. Regulars said the timetable had thinned.",
        ])
    }
}
