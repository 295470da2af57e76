import Foundation
import Testing
@testable import GazetteCore

/// The package root, found from this file's place in `Tests/GazetteCoreTests/Formats/`.
private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
/// The real blog-dump sample beside the clone (`GAZETTE_SEED_DUMP` names another path, e.g. to
/// check that a missing sample fails under CI).
private let seedPath = ProcessInfo.processInfo.environment["GAZETTE_SEED_DUMP"]
    ?? packageRoot.appendingPathComponent("../shared/seed/intel-dump.txt").standardized.path

@Suite struct DumpFormatTests {
    func parse(_ text: String, path: String = "d.txt") -> ParsedFile {
        ArticleFileParser.parse(bytes: Array(text.utf8), path: path)
    }

    /// CI has `../shared` beside the clone: there a missing sample is a failure, never a silent skip.
    static let seedRequired = ProcessInfo.processInfo.environment["CI"] == "true"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedPath) || seedRequired, "needs ../shared/seed/intel-dump.txt"))
    func seedLoadsExactly() throws {
        guard let bytes = FileManager.default.contents(atPath: seedPath) else {
            Issue.record("the real blog-dump sample is missing under CI: expected \(seedPath)")
            return
        }
        let parsed = ArticleFileParser.parse(bytes: bytes, path: seedPath)
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        #expect(parsed.articles.count == 2)
        let first = try #require(parsed.articles.first)
        #expect(first.title == "More Russian spies in Mexico than anywhere else in the world, US official claims")
        #expect(first.date?.isoDay == "2022-03-28")
        #expect(first.author == "Joseph Fitsanakis")
        #expect(first.comments == 0)
        #expect(first.paragraphs.count == 4)
        #expect(first.related.count == 5)
        #expect(first.tags.isEmpty)
        #expect(first.categories.isEmpty)
        #expect(first.leadInLength == "THE PRESIDENT OF MEXICO".count)
        #expect(first.paragraphs[0].hasPrefix("THE PRESIDENT OF MEXICO has"))
        #expect(first.source.line == 1)

        let second = try #require(parsed.articles.last)
        #expect(second.title == "Is Trump signaling possible CIA covert operations against drug cartels?")
        #expect(second.date?.isoDay == "2025-01-21")
        #expect(second.author == "Joseph Fitsanakis")
        #expect(second.comments == 1)
        #expect(second.categories == ["Expert news and commentary on intelligence, espionage, spies and spying"])
        #expect(second.tags == [
            "CIA", "covert action", "Donald Trump", "Mexico", "narcotics trade", "News", "Presidential Finding",
            "United States", "war on drugs",
        ])
        #expect(second.related.isEmpty)
        #expect(second.source.line == 25)
    }

    /// The seed's structure in original text (`Fixtures/seed-shape-dump.txt`), so a fresh clone
    /// without the sample still checks it: five related excerpts after the first footer (one in
    /// capitals, like a lead-in), twelve blank lines, the second post at line 25, a category with
    /// commas, nine tags, curly quotes and no newline at the end of the file.
    @Test func seedShapeLoadsExactly() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/seed-shape-dump", withExtension: "txt"))
        let bytes = try Data(contentsOf: url)
        #expect(bytes.last != 0x0A, "the shape includes the missing final newline")
        let parsed = ArticleFileParser.parse(bytes: bytes, path: "seed-shape-dump.txt")
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        #expect(parsed.articles.count == 2)
        let first = try #require(parsed.articles.first)
        #expect(first.title == "Harbour pilots in Valparaíso report more foreign survey ships than anywhere else on the coast, port official says")
        #expect(first.date?.isoDay == "2023-05-14")
        #expect(first.author == "Ines Marwick", "from the footer: the dateline has no author")
        #expect(first.comments == 0)
        #expect(first.paragraphs.count == 4)
        #expect(first.related.count == 5)
        #expect(first.related.first?.hasPrefix("ONE OF THE COAST’S OLDEST lighthouses") == true)
        #expect(first.tags.isEmpty)
        #expect(first.categories.isEmpty)
        #expect(first.leadInLength == "THE HARBOUR MASTER OF VALPARAÍSO".count)
        #expect(first.paragraphs[0].hasPrefix("THE HARBOUR MASTER OF VALPARAÍSO has"))
        #expect(first.source.line == 1)

        let second = try #require(parsed.articles.last)
        #expect(second.title == "Are the new port rules a first step towards naval patrols of the fishing grounds?")
        #expect(second.date?.isoDay == "2024-08-02")
        #expect(second.author == "Ines Marwick")
        #expect(second.comments == 1)
        #expect(second.paragraphs.count == 5)
        #expect(second.leadInLength == 0)
        #expect(second.categories == ["Notes and comment on ports, shipping, cables and the sea"])
        #expect(second.tags == [
            "coastguard", "fishing", "Ines Marwick", "navy", "ports", "Regulation", "undersea cables",
            "Valparaíso", "shipping lanes",
        ])
        #expect(second.related.isEmpty)
        #expect(second.source.line == 25)
    }

    @Test func originalFixtureOfTheSameShape() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/blog-dump", withExtension: "txt"))
        let parsed = ArticleFileParser.parse(bytes: try Data(contentsOf: url), path: "blog-dump.txt")
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        #expect(parsed.articles.map(\.title) == [
            "Lighthouse keepers were asked to count passing ships, archive shows",
            "Why the quiet exchange on the bridge still matters to negotiators",
            "A short note on invisible inks",
        ])
        let (a, b, c) = (parsed.articles[0], parsed.articles[1], parsed.articles[2])
        // Dateline without author: author from the footer; "Leave a comment" = 0.
        #expect(a.date?.isoDay == "2019-04-03")
        #expect(a.author == "Maren Holt")
        #expect(a.comments == 0)
        #expect(a.paragraphs.count == 3)
        #expect(a.related.count == 2)
        #expect(a.leadInLength == "A NEWLY CATALOGUED LEDGER".count)
        #expect(a.tags.isEmpty && a.categories.isEmpty)
        // "by AUTHOR N Comments"; category keeps its comma, tags split and deduped.
        #expect(b.author == "Teodor Lind")
        #expect(b.comments == 3)
        #expect(b.leadInLength == 0)
        #expect(b.categories == ["Analysis, history and tradecraft"])
        #expect(b.tags == ["exchanges", "diplomacy", "Cold War"])
        #expect(b.related.isEmpty)
        // "1 Comment"; tags without a category.
        #expect(c.comments == 1)
        #expect(c.date?.isoDay == "2021-02-14")
        #expect(c.tags == ["inks", "tradecraft"])
        #expect(c.categories.isEmpty)
        #expect(c.source.line == 20)
    }

    @Test func aDateQuotedInsideAPostDoesNotSplitIt() {
        // A letter reproduced in a post, with its own addressee and date: the footer after it
        // carries the post's date, so it is the post's text, not a post of its own.
        let text = """
            The letter that started it all
            March 3, 2021 by Mara Quill 2 Comments
            THE LETTER, reproduced below, was sent by the keeper to the authority.
            To the Coastal Authority
            January 5, 1962
            Sirs, the lamp has failed again and I require a new wick.
            ► Author: Mara Quill | Date: 3 March 2021 | Permalink
            Filed under Coastal news Tagged with letters
            A second post
            March 9, 2021 by Mara Quill Leave a comment
            The wick arrived.
            ► Author: Mara Quill | Date: 9 March 2021 | Permalink
            """
        let parsed = parse(text)
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.articles.map(\.title) == ["The letter that started it all", "A second post"])
        #expect(parsed.articles.first?.body.contains("January 5, 1962") == true)
        #expect(parsed.articles.first?.tags == ["letters"])
    }

    @Test func detectionDoesNotMisfireOnCanonicalFiles() {
        #expect(!DumpFormat.looksLikeDump("Title: T\nMarch 28, 2022 Leave a comment\n"))
        #expect(!DumpFormat.looksLikeDump("Title: T\nDate: 2022-03-28\n\nMarch 28, 2022 was a Monday."))
        #expect(!DumpFormat.looksLikeDump("Just a note\n\nMarch 28, 2022 Leave a comment"))
        #expect(!DumpFormat.looksLikeDump(""))
        #expect(DumpFormat.looksLikeDump("A post\nMarch 28, 2022 Leave a comment\nBody"))
        #expect(DumpFormat.looksLikeDump("\n\nA post\nJan 2, 2020 by Someone 12 Comments\nBody"))
    }

    @Test func datelineVariants() throws {
        let text = """
            One
            March 1, 2020
            Body one.
            Two
            March 2, 2020 by Ann Example
            Body two.
            Three
            March 3, 2020 7 Comments
            Body three.
            Four
            Sept. 4, 2020 by Bo 1 comment
            Body four.
            """
        let articles = parse(text).articles
        #expect(articles.map(\.title) == ["One", "Two", "Three", "Four"])
        #expect(articles.map(\.comments) == [nil, nil, 7, 1])
        #expect(articles.map(\.author) == [nil, "Ann Example", nil, "Bo"])
        #expect(articles.map { $0.date?.isoDay } == ["2020-03-01", "2020-03-02", "2020-03-03", "2020-09-04"])
        #expect(articles.map(\.paragraphs) == [["Body one."], ["Body two."], ["Body three."], ["Body four."]])
    }

    @Test func leadInRules() {
        #expect(LeadIn.length(of: "THE PRESIDENT OF MEXICO has said") == 23)
        #expect(LeadIn.length(of: "ONE OF MEXICO’S MOST powerful cartels") == "ONE OF MEXICO’S MOST".count)
        #expect(LeadIn.length(of: "WASHINGTON, DC — Officials said") == "WASHINGTON, DC".count)
        #expect(LeadIn.length(of: "MOSCOW — The embassy") == "MOSCOW".count)
        #expect(LeadIn.length(of: "The President of Mexico") == 0)
        #expect(LeadIn.length(of: "US officials said") == 0)
        #expect(LeadIn.length(of: "A high-profile witness") == 0)
        #expect(LeadIn.length(of: "ÉTAT MAJOR français") == "ÉTAT MAJOR".count)
        #expect(LeadIn.length(of: "") == 0)
    }

    @Test func malformedPostsWarnAndTheRestLoads() throws {
        let text = """
            ► Author: Nobody | Date: 1 May 2020 | Permalink

            May 2, 2020 Leave a comment
            An orphaned body line.
            Good post
            May 3, 2020 Leave a comment
            Body.
            ► Author: Cy | Date: 4 May 2020 | Permalink
            Filed under
            ► Author: Cy | Date: 3 May 2020 | Permalink
            Bad date post
            February 30, 2021 Leave a comment
            Body.
            """
        let parsed = parse(text)
        try #require(parsed.articles.map(\.title) == ["Good post", "Bad date post"])
        #expect(parsed.articles[0].author == "Cy")
        #expect(parsed.articles[0].date?.isoDay == "2020-05-03")
        #expect(parsed.articles[1].date == nil)
        #expect(parsed.warnings.map(\.description) == [
            "d.txt:1: footer with no dateline",
            "d.txt:3: dateline with no title; post skipped",
            "d.txt:8: footer date 2020-05-04 does not match the dateline's 2020-05-03",
            "d.txt:9: \"Filed under\" with nothing after it",
            "d.txt:10: second footer in one post ignored",
            "d.txt:12: unparseable date \"February 30, 2021\"",
        ])
    }

    @Test func postWithoutFooterStillSplitsTagsAndExcerpts() throws {
        let parsed = parse("T\nJune 1, 2020 Leave a comment\nBody a\n\nBody b\nFiled under Cat Tagged with x, y\nTeaser one.\n")
        let article = try #require(parsed.articles.first)
        #expect(article.paragraphs == ["Body a", "Body b"])
        #expect(article.categories == ["Cat"])
        #expect(article.tags == ["x", "y"])
        #expect(article.related == ["Teaser one."])
        #expect(parsed.warnings.isEmpty)
    }

    @Test func crlfDumpParsesLikeLF() throws {
        let text = "Post\r\nJune 1, 2020 by A 2 Comments\r\nBody\r\n► Author: A | Date: 1 June 2020 | Permalink\r\nTagged with q\r\n"
        let parsed = ArticleFileParser.parse(bytes: Array(text.utf8), path: "d.txt")
        let article = try #require(parsed.articles.first)
        #expect(article.comments == 2)
        #expect(article.tags == ["q"])
        #expect(parsed.warnings.isEmpty)
    }
}
