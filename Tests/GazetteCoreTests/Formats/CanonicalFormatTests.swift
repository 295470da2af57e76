import Testing
@testable import GazetteCore
import GazetteTestSupport

@Suite struct CanonicalFormatTests {
    func parse(_ text: String, path: String = "a.txt") -> ParsedFile {
        ArticleFileParser.parse(bytes: Array(text.utf8), path: path)
    }

    func only(_ text: String) throws -> Article {
        let parsed = parse(text)
        #expect(parsed.articles.count == 1)
        return try #require(parsed.articles.first)
    }

    @Test func anArticleSavedByRnKeepsItsHeaders() {
        let text = """
            Article 4211 of comp.os.linux.misc:
            Path: news.example.net!not-for-mail
            From: kim@example.net (Kim Park)
            Newsgroups: comp.os.linux.misc
            Subject: Re: Which editor?
            Date: 12 Mar 1996 10:00:00 GMT
            Message-ID: <rn-1@example.net>

            vi, of course.
            """
        let parsed = ArticleFileParser.parse(bytes: Array(text.utf8), path: "News/comp.os.linux.misc")
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.articles.map(\.title) == ["Re: Which editor?"])
        #expect(parsed.articles.first?.date?.isoDay == "1996-03-12")
        #expect(parsed.articles.first?.body == "vi, of course.")
        // A first line that only looks alike stays the title of a plain article.
        let plain = ArticleFileParser.parse(bytes: Array("Article 5 of the treaty: what it says\n\nText.".utf8), path: "p.txt")
        #expect(plain.articles.map(\.title) == ["Article 5 of the treaty: what it says"])
    }

    @Test func fullHeaderBlockAndParagraphs() throws {
        let article = try only("""
            Title: Codebreakers of the north
            Date: 2025-01-21
            Author: History desk
            Category: Signals intelligence
            Tags: codebreaking, Enigma, Cold War
            Link: https://example.org/north
            Comments: 4

            First paragraph, over
            two lines.

            Second paragraph.
            """)
        #expect(article.title == "Codebreakers of the north")
        #expect(article.date?.isoDay == "2025-01-21")
        #expect(article.author == "History desk")
        #expect(article.categories == ["Signals intelligence"])
        #expect(article.tags == ["codebreaking", "Enigma", "Cold War"])
        #expect(article.link == "https://example.org/north")
        #expect(article.comments == 4)
        #expect(article.paragraphs == ["First paragraph, over two lines.", "Second paragraph."])
        #expect(article.source == SourceLocation(path: "a.txt", line: 1))
        #expect(article.id == ArticleID(identityKey: ArticleIdentity(of: article).key))
        #expect(article.leadInLength == 0)
    }

    @Test func headerNamesAreCaseInsensitiveAndAliasesWork() throws {
        let article = try only("""
            SUBJECT: An alias title
            from: Desk B
            KEYWORDS: one, two
            Newsgroups: alt.history, two
            Categories: History, Tradecraft

            Body.
            """)
        #expect(article.title == "An alias title")
        #expect(article.author == "Desk B")
        #expect(article.tags == ["one", "two", "alt.history"])
        #expect(article.categories == ["History", "Tradecraft"])
    }

    @Test func singleCategoryKeepsItsCommas() throws {
        let article = try only("Title: T\nCategory: Expert news, commentary and more\n\nBody")
        #expect(article.categories == ["Expert news, commentary and more"])
    }

    @Test func continuationLinesExtendTheHeader() throws {
        let article = try only("Title: A title that\n  goes on\n\tand on\nTags: a,\n  b\n\nBody")
        #expect(article.title == "A title that goes on and on")
        #expect(article.tags == ["a", "b"])
    }

    @Test func tagsAreTrimmedEmptiesDroppedAndDedupedCaseInsensitively() throws {
        let article = try only("Title: T\nTags:  CIA , ,cia,  Mexico,,MEXICO , covert action \n\nBody")
        #expect(article.tags == ["CIA", "Mexico", "covert action"])
    }

    @Test func unknownHeadersAreKeptInOrder() throws {
        let article = try only("Title: T\nX-Source: scan 4\nOrganization: Archive\nTitle: second\n\nBody")
        #expect(article.extraHeaders == [
            HeaderField(name: "X-Source", value: "scan 4"),
            HeaderField(name: "Organization", value: "Archive"),
            HeaderField(name: "Title", value: "second"),
        ])
    }

    @Test func crlfCrAndBOMFilesParseTheSame() throws {
        let lf = "Title: Same\nDate: 2020-05-01\n\nOne\nline.\n\nTwo.\n"
        let expected = try only(lf)
        let utf16: [UInt8] = lf.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let variants: [[UInt8]] = [
            Array(lf.replacingOccurrences(of: "\n", with: "\r\n").utf8),
            Array(lf.replacingOccurrences(of: "\n", with: "\r").utf8),
            [0xEF, 0xBB, 0xBF] + Array(lf.replacingOccurrences(of: "\n", with: "\r\n").utf8),
            [0xFF, 0xFE] + utf16,
        ]
        for variant in variants {
            let article = try #require(ArticleFileParser.parse(bytes: variant, path: "a.txt").articles.first)
            #expect(article.title == expected.title)
            #expect(article.date == expected.date)
            #expect(article.paragraphs == ["One line.", "Two."])
        }
    }

    @Test func bytesThatAreNotUTF8AreWindows1252NotFatal() throws {
        // Without a header block too: a byte outside a well-formed UTF-8 sequence is Windows-1252.
        let plain = Array("Bad ".utf8) + [0xFF, 0xC0, 0xAF] + Array("\n\nBody ".utf8) + [0xE2, 0x82]
        let repaired = try #require(ArticleFileParser.parse(bytes: plain, path: "a.txt").articles.first)
        #expect(repaired.title == "Bad ÿÀ¯")
        #expect(repaired.paragraphs == ["Body â‚"])
        // With one it is 8-bit mail or news: a line that is not UTF-8 is Windows-1252.
        let bytes = Array("Title: Bad ".utf8) + [0xFF, 0xC0, 0xAF] + Array("\n\nBody ".utf8) + [0xE2, 0x82] + Array("\nStill UTF-8: é\n".utf8)
        let article = try #require(ArticleFileParser.parse(bytes: bytes, path: "a.txt").articles.first)
        #expect(article.title == "Bad ÿÀ¯")
        #expect(article.body == "Body â‚\nStill UTF-8: é")
    }

    @Test func missingBlankLineStartsTheBodyWithAWarning() throws {
        let parsed = parse("Title: T\nDate: 2020-01-01\nThe body starts here\nand goes on.")
        let article = try #require(parsed.articles.first)
        #expect(article.title == "T")
        #expect(article.paragraphs == ["The body starts here and goes on."])
        #expect(parsed.warnings.map(\.description) == ["a.txt:3: missing blank line after the headers"])
    }

    @Test func headerlessFileTakesItsFirstLineAsTitle() throws {
        let parsed = parse("\n\n  Breaking: a plain note  \nIts body\nline.\n\nMore.")
        let article = try #require(parsed.articles.first)
        #expect(article.title == "Breaking: a plain note")
        #expect(article.paragraphs == ["Its body line.", "More."])
        #expect(article.source.line == 3)
        #expect(article.date == nil)
        #expect(parsed.warnings.isEmpty)
    }

    @Test func headersWithoutTitleTakeTheFirstBodyLine() throws {
        let article = try only("Date: 2021-03-04\nAuthor: A\n\nThe real title\nBody line.")
        #expect(article.title == "The real title")
        #expect(article.paragraphs == ["Body line."])
        #expect(article.date?.isoDay == "2021-03-04")
    }

    @Test func headersOnlyWithNothingToTitleIsSkippedWithAWarning() {
        let parsed = parse("Date: 2021-03-04\nAuthor: A\n")
        #expect(parsed.articles.isEmpty)
        #expect(parsed.warnings.map(\.description) == ["a.txt:1: no title and no body; article skipped"])
    }

    @Test func headerBlockWithNoBodyIsAnArticle() throws {
        let article = try only("Title: Only headers\nTags: x")
        #expect(article.title == "Only headers")
        #expect(article.paragraphs.isEmpty)
    }

    @Test func emptyAndBlankFilesWarn() {
        for text in ["", "\n\n  \n\t\n"] {
            let parsed = parse(text, path: "e.txt")
            #expect(parsed.articles.isEmpty)
            #expect(parsed.warnings.map(\.description) == ["e.txt:1: empty file"])
        }
    }

    @Test func unparseableDateKeepsTheArticleUndated() throws {
        let parsed = parse("Title: T\nAuthor: A\nDate: the day after tomorrow\n\nBody")
        let article = try #require(parsed.articles.first)
        #expect(article.date == nil)
        #expect(parsed.warnings.map(\.description) == ["a.txt:3: unparseable date \"the day after tomorrow\""])
    }

    @Test func invalidCommentCountWarns() throws {
        let parsed = parse("Title: T\nComments: many\n\nBody")
        #expect(parsed.articles.first?.comments == nil)
        #expect(parsed.warnings.map(\.description) == ["a.txt:2: invalid comment count \"many\""])
    }

    @Test func hostileSizesStayBounded() throws {
        let tags = (0..<10_000).map { "tag\($0)" }.joined(separator: ", ")
        let title = String(repeating: "T", count: 5000)
        let article = try only("Title: \(title)\nTags: \(tags)\n\n" + String(repeating: "word ", count: 200_000))
        #expect(article.tags.count == 10_000)
        #expect(article.title.count == 5000)
        #expect(article.paragraphs.count == 1)
        let longWarning = parse("Title: T\nDate: " + String(repeating: "x", count: 100_000) + "\n\nB").warnings
        #expect(longWarning.count == 1 && longWarning[0].reason.count < 100)
    }

    @Test func hugeLineAndManyLinesLoad() throws {
        let line = String(repeating: "abcdefghij", count: 1_000_000)  // a 10 MB single line
        let single = try only("Title: Long\n\n" + line)
        #expect(single.paragraphs.first?.utf8.count == 10_000_000)
        let many = (0..<200_000).map { $0 % 3 == 2 ? "" : "line \($0)" }.joined(separator: "\n")
        let article = try only("Title: Many\n\n" + many)
        #expect(article.paragraphs.count == 66_667)
        #expect(article.paragraphs.first == "line 0 line 1")
    }

    @Test func binaryGarbageNeverCrashes() {
        var generator = SeededRandom()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<400, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let parsed = ArticleFileParser.parse(bytes: bytes, path: "bin.txt")
            #expect(parsed.articles.count + parsed.warnings.count >= 1, "\(bytes); \(generator.reproduce)")
        }
    }
}

@Suite struct FastArticleIDTests {
    @Test(arguments: [
        "", "Hello", "  Is Trump\tsignaling  possible\nCIA covert operations?  ", "MIXED case Title", "Zürich files",
        "tab\u{0B}vertical\u{0C}feed\u{0D}", "東京 report", "trailing space ", "a\u{00A0}b", "x\u{85}y",
    ])
    func fastPathMatchesTheModel(_ title: String) {
        let day = ArticleDate(year: 2025, month: 1, day: 21, instant: 0)
        for (date, author) in [(day, "Ann \u{2003}Lee"), (nil, nil)] as [(ArticleDate?, String?)] {
            let article = Article(title: title, date: date, author: author, paragraphs: [title + " body"],
                                  source: SourceLocation(path: "p", line: 1))
            #expect(ArticleID.fast(of: article) == ArticleID(identityKey: ArticleIdentity(of: article).key))
            #expect(ArticleID.fast(of: article) == article.id)
        }
    }

    @Test func aFormFeedOpeningALineIsAPageBreak() throws {
        // An RFC-style text: a page's footer, ^L alone on a line, the next page's running head;
        // then ^L glued to the first line of a page, as some old posts and GNU files have it.
        let text = """
            Title: Transmission Control Notes
            Date: 1981-09-01

            The window is advertised in every segment.

                                                                    [Page 1]
            \u{0C}
            RFC 9999            Transmission Control            September 1981

            The sender must not exceed it.
            \u{0C}\u{0C}Retransmission follows the timer.
            """
        let article = try #require(ArticleFileParser.parse(text: text, path: "rfc.txt").articles.first)
        #expect(!article.body.contains("\u{0C}"), "\(article.body)")
        #expect(article.body.hasSuffix("The sender must not exceed it.\n\nRetransmission follows the timer."), "\(article.body)")
        #expect(article.paragraphs.last == "Retransmission follows the timer.")
    }
}
