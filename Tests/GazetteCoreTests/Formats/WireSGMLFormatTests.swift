import Foundation
import Testing
@testable import GazetteCore

/// Wire archives kept as SGML (`Fixtures/sgml`): a Reuters-21578 file with a story, a brief, an
/// unprocessed story with an impossible date and a story cut off; a TIPSTER AP file.
@Suite struct WireSGMLFormatTests {
    static let root: String = Bundle.module.url(forResource: "Fixtures/sgml", withExtension: nil)!.path
    static let archive: LoadedArchive = try! ArchiveLoader.load(directories: [root])

    static func article(_ title: String) throws -> Article {
        try #require(archive.articles.first { $0.title == title }, "\(archive.articles.map(\.title))")
    }

    @Test func everyStoryIsLoadedAndEveryProblemNamed() {
        #expect(Self.archive.report.filesRead == 2)
        #expect(Set(Self.archive.articles.map(\.title)) == [
            "PRAIRIE WHEAT STOCKS SEEN <LOWER> AFTER DRY WINTER", "LONDON SHARES OPEN FIRMER ON RATE HOPES",
            "Harbour pilots in the port voted to end", "TRUNCATED STORY WITH NO CLOSING TAG",
            "Last Keepers Leave Island Light", "Ferry Timetable Cut for Winter",
        ])
        #expect(Self.archive.report.warnings.map(\.description) == [
            Self.root + "/reut2-007.sgm:44: unparseable date \"31-FEB-1987 10:00:00.00\"",
            Self.root + "/reut2-007.sgm:54: no closing </REUTERS>; the story runs to the next one",
        ])
    }

    @Test func aReutersStory() throws {
        let story = try Self.article("PRAIRIE WHEAT STOCKS SEEN <LOWER> AFTER DRY WINTER")
        #expect(story.date?.isoDay == "1987-03-03")
        #expect(story.categories == ["grain", "wheat"], "TOPICS")
        #expect(story.tags == ["canada", "usa"], "PLACES, PEOPLE, ORGS, EXCHANGES")
        #expect(story.extraHeaders == [HeaderField(name: "Reuters-NewID", value: "7001")])
        // The dateline opens the story; entities are decoded; the "Reuter" sign-off and the
        // end-of-story mark are gone; the indented paragraphs stay paragraphs.
        #expect(story.body == """
            WINNIPEG, March 3 - Farm stocks of wheat on the prairies
            are likely to end the season lower than a year ago after a dry
            winter, a grain handlers' group said.
                The group said deliveries to country elevators ran 12 pct
            behind last year's pace in February & early March.
                Shipments through the west coast were steady.
            """)
    }

    @Test func briefsAndUnprocessedStories() throws {
        let brief = try Self.article("LONDON SHARES OPEN FIRMER ON RATE HOPES")
        #expect(brief.body == "Blah blah blah.", "the title and its asterisks are not the body")
        #expect(brief.tags == ["uk", "lse"])
        let unprocessed = try Self.article("Harbour pilots in the port voted to end")
        #expect(unprocessed.date == nil)
        #expect(unprocessed.paragraphs == ["Harbour pilots in the port voted to end a two-day stoppage, the union said."])
        #expect(try Self.article("TRUNCATED STORY WITH NO CLOSING TAG").body == "The feed cut off here.")
    }

    @Test func aTipsterStory() throws {
        let story = try Self.article("Last Keepers Leave Island Light")
        #expect(story.date?.isoDay == "1988-11-04", "from the document number")
        #expect(story.author == "MARGARET HALE")
        #expect(story.extraHeaders == [HeaderField(name: "DocNo", value: "AP881104-0042")])
        // The dateline takes the first paragraph's indent, so the paragraphs stay apart.
        #expect(story.body.hasPrefix("   PORT ELLEN, Scotland (AW) - The last two keepers of the island's lighthouse handed over the\nkeys"))
        #expect(story.body.hasSuffix("\n   ``The light will keep itself now,'' said one of them, who had\nserved 31 years on the rock."))
        #expect(WireSGMLFormat.dayFromDocumentNumber("WSJ870324-0001") == "1987-03-24")
        #expect(WireSGMLFormat.dayFromDocumentNumber("FT911-3") == nil)
    }

    @Test func markupAndEntitiesCannotReachTheTerminal() {
        let text = """
            <DOC>
            <DOCNO> AP990101-0001 </DOCNO>
            <HEAD>Escape &#27;[2J and bell &#7; and &#x9B; gone, &amp; kept &unknown; &#99999999;</HEAD>
            <TEXT>
               Body with <B>inner tags</B>, a < b, and &#27;]0;title&#7; removed.
            </TEXT>
            </DOC>
            """
        let parsed = ArticleFileParser.parse(text: text, path: "x.txt")
        let story = parsed.articles.first
        #expect(story?.title == "Escape [2J and bell and gone, & kept &unknown;", "a reference to no character is dropped")
        #expect(story?.body.contains("\u{1B}") == false)
        #expect(story?.body.contains("\u{07}") == false)
        #expect(story?.paragraphs == ["Body with inner tags, a < b, and ]0;title removed."])
        #expect(ArticleFileParser.parse(text: "<DOC>\n</DOC>\n", path: "e.sgml").warnings.map(\.reason) == ["story with neither title nor text; skipped"])
    }

    @Test func gigawordStoriesAreReadByTheirIdAndType() throws {
        let text = """
            <DOC id="NYT_ENG_20010907.0012" type="story" >
            <HEADLINE>
            Harbour bridge reopens
            </HEADLINE>
            <DATELINE>
            SYDNEY, Sept 7 (NYT)
            </DATELINE>
            <TEXT>
            <P>
            The bridge reopened on Friday after
            three weeks of repairs.
            </P>
            <P>
            Traffic was light.
            </P>
            </TEXT>
            </DOC>
            <DOC id="NYT_ENG_20010907.0013" type="advis" >
            <HEADLINE>
            Editors' note
            </HEADLINE>
            <TEXT>
            <P>
            Corrected times follow.
            </P>
            </TEXT>
            </DOC>
            """
        let parsed = ArticleFileParser.parse(text: text, path: "nyt_eng_200109")
        #expect(parsed.warnings.isEmpty)
        let stories = parsed.articles
        try #require(stories.count == 2, "\(stories.map(\.title))")
        #expect(stories.map(\.title) == ["Harbour bridge reopens", "Editors' note"])
        #expect(stories.map { $0.date?.isoDay } == ["2001-09-07", "2001-09-07"], "YYYYMMDD in the id")
        #expect(stories[0].extraHeaders == [HeaderField(name: "DocNo", value: "NYT_ENG_20010907.0012")])
        #expect(stories.map(\.categories) == [["story"], ["advis"]])
        #expect(stories[0].paragraphs == ["SYDNEY, Sept 7 (NYT) - The bridge reopened on Friday after three weeks of repairs.", "Traffic was light."])
        #expect(stories[1].body == "Corrected times follow.", "no blank lines before the body")
    }

    @Test func lowercaseTagsAreTags() throws {
        let text = """
            <doc>
            <docno> AP900101-0007 </docno>
            <head>Snow closes mountain passes</head>
            <byline>By ANNA BELL</byline>
            <text>
               Heavy snow closed three passes on Monday.
            </text>
            </doc>
            """
        let parsed = ArticleFileParser.parse(text: text, path: "ap900101")
        #expect(parsed.warnings.isEmpty)
        let story = try #require(parsed.articles.first)
        #expect(parsed.articles.count == 1)
        #expect(story.title == "Snow closes mountain passes")
        #expect(story.author == "ANNA BELL")
        #expect(story.date?.isoDay == "1990-01-01")
        #expect(story.body == "Heavy snow closed three passes on Monday.")
    }

    @Test func wsjLeadParagraphsHeadlineLinesAndSource() throws {
        let text = """
            <DOC>
            <DOCNO> WSJ880606-0031 </DOCNO>
            <HL> Heard on the Street:
            @  Utility Shares Slip as Bond Yields Climb </HL>
            <SO> WALL STREET JOURNAL (J), PAGE C2 </SO>
            <DATELINE> NEW YORK </DATELINE>
            <LP>
               Utility stocks fell for a third day as long-term
            bond yields rose.
            </LP>
            <TEXT>
               Analysts expect more selling.
            </TEXT>
            </DOC>
            """
        let story = try #require(ArticleFileParser.parse(text: text, path: "wsj_0606").articles.first)
        #expect(story.title == "Heard on the Street: Utility Shares Slip as Bond Yields Climb")
        #expect(story.author == nil, "SO is the source")
        #expect(story.extraHeaders.contains(HeaderField(name: "Source", value: "WALL STREET JOURNAL (J), PAGE C2")))
        #expect(story.body.hasPrefix("   NEW YORK - Utility stocks fell"), "LP opens the story")
        #expect(story.body.hasSuffix("Analysts expect more selling."))
        #expect(WireSGMLFormat.joiningHeadlineLines("Bank Shares Slip @ ---- @ As Yields Climb") == "Bank Shares Slip — As Yields Climb")
    }

    @Test func sjmnLeadParagraphAndPublicationDate() throws {
        let text = """
            <DOC>
            <DOCNO> SJMN91-06002002 </DOCNO>
            <LEADPARA> The council voted to widen the road. </LEADPARA>
            <HEADLINE> ROAD TO BE WIDENED </HEADLINE>
            <TEXT> Work starts in spring. </TEXT>
            <PUBDATE> 910315 </PUBDATE>
            </DOC>
            """
        let story = try #require(ArticleFileParser.parse(text: text, path: "sjmn").articles.first)
        #expect(story.date?.isoDay == "1991-03-15", "PUBDATE is YYMMDD")
        #expect(story.paragraphs == ["The council voted to widen the road.", "Work starts in spring."])
    }

    @Test func laTimesDateLeadsItsElementElseTheDocumentNumberIsMonthFirst() throws {
        func story(_ date: String) throws -> Article {
            let text = """
                <DOC>
                <DOCNO> LA020390-0011 </DOCNO>
                <DATE>
                <P>
                \(date)
                </P>
                </DATE>
                <HEADLINE>
                <P>
                A REVIEW
                </P>
                </HEADLINE>
                <TEXT>
                <P>
                Text.
                </P>
                </TEXT>
                </DOC>
                """
            let parsed = ArticleFileParser.parse(text: text, path: "la020390")
            #expect(parsed.warnings.isEmpty)
            return try #require(parsed.articles.first)
        }
        #expect(try story("February 4, 1990, Sunday, Home Edition").date?.isoDay == "1990-02-04")
        #expect(try story("Home Edition").date?.isoDay == "1990-02-03", "LA MMDDYY")
    }

    @Test func fbisTitleAndDate() throws {
        let text = """
            <DOC>
            <DOCNO> FBIS4-22 </DOCNO>
            <HEADER>
            <H2>   April Reports </H2>
            <DATE1>  12 April 1994 </DATE1>
            Article Type:FBIS
            <H3> <TI>      Grain Harvest Forecast Raised </TI></H3>
            </HEADER>
            <TEXT>
            Language: <F P=105> English </F>
            [Text] The forecast was raised.
            </TEXT>
            </DOC>
            """
        let story = try #require(ArticleFileParser.parse(text: text, path: "fbis").articles.first)
        #expect(story.title == "Grain Harvest Forecast Raised")
        #expect(story.date?.isoDay == "1994-04-12")
    }

    @Test func oneLineParagraphsStayParagraphs() throws {
        let text = """
            <DOC>
            <DOCNO> AP880401-0005 </DOCNO>
            <HEAD>Markets</HEAD>
            <TEXT>
               The yen rose against the dollar in thin trading today.
               Silver was unchanged.
               Final quotes:
               Metal       Close    Change
               Gold       451.20     +2.10
            </TEXT>
            </DOC>
            <DOC>
            <DOCNO> AP880401-0006 </DOCNO>
            <HEAD>One line</HEAD>
            <TEXT>
               The central bank left interest rates unchanged for the rest of the quarter, citing slowing inflation and weak demand.
            </TEXT>
            </DOC>
            """
        let stories = ArticleFileParser.parse(text: text, path: "ap880401").articles
        try #require(stories.count == 2)
        #expect(stories[0].body == """
            The yen rose against the dollar in thin trading today.

            Silver was unchanged.

            Final quotes:

               Metal       Close    Change
               Gold       451.20     +2.10
            """)
        #expect(BodyParser.blocks(stories[0].body).map(\.kind) == [.paragraph, .paragraph, .paragraph, .preformatted])
        #expect(stories[1].body.hasPrefix("The central bank"), "no leading newline, no indent")
        #expect(BodyParser.blocks(stories[1].body).map(\.kind) == [.paragraph])
        // Indented prose wrapped over lines is left as written.
        #expect(WireSGMLFormat.separatingIndentedLines("   Prices rose on\n   Friday.") == "   Prices rose on\n   Friday.")
    }
}
