import GazetteCore
import Testing
@testable import GazetteUI

@Suite struct ReaderViewTests {
    static func render(_ article: Article?, width: Int, height: Int, offset: Int = 0, highlighter: Highlighter? = nil) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let document = article.map { ReaderDocument.layout($0, width: width, highlighter: highlighter) }
        ReaderView(document: document, offset: offset, focused: true).render(into: &canvas, in: canvas.bounds)
        return canvas
    }

    @Test func goldenArticleAt40() throws {
        try expectGolden(Self.render(Sample.article, width: 40, height: 24), named: "reader-40x24")
    }

    @Test func goldenWideArticleAt30() throws {
        try expectGolden(Self.render(Sample.wide, width: 30, height: 14), named: "reader-wide-30x14")
    }

    @Test func goldenCentredInAWidePane() throws {
        try expectGolden(Self.render(Sample.article, width: 100, height: 16), named: "reader-centred-100x16")
    }

    @Test func goldenHostileArticle() throws {
        try expectGolden(Self.render(Sample.hostile, width: 36, height: 8), named: "reader-hostile-36x8")
    }

    @Test func titleBoldAndLeadInBold() throws {
        let canvas = Self.render(Sample.article, width: 40, height: 24)
        let title = try #require(find("Harbour", in: canvas))
        #expect(canvas[title.x, title.y].style.bold)
        let lead = try #require(find("THE LAST", in: canvas))
        for x in lead.x..<(lead.x + 8) { #expect(canvas[x, lead.y].style.bold && canvas[x, lead.y].style.role == .leadIn) }
        let after = try #require(find("left the", in: canvas))
        #expect(!canvas[after.x, after.y].style.bold)
    }

    @Test func metaLineAndFacets() {
        let lines = ReaderDocument.layout(Sample.article, width: 80).lines.map(\.text)
        #expect(lines[1] == "2024-03-09 · Mara Quill · 3 comments")
        #expect(lines[2] == "Category: Local · Tags: Ferries, Harbour")
        #expect(lines.contains("Source: Coast Desk"))
        #expect(lines.contains("Related"))
        #expect(lines.contains { $0.hasPrefix("• Bridge tolls") })
    }

    /// A Gmail label or feed category holding a comma is quoted wherever tags are listed, so
    /// `Trips, 2019` does not read as two tags.
    @Test func aTagWithACommaIsQuotedWhereTagsAreListed() {
        var article = Sample.article
        article.tags = ["Trips, 2019", "Family"]
        article.categories = ["Local", "News, Politics"]
        let lines = ReaderDocument.layout(article, width: 80).lines.map(\.text)
        #expect(lines[2] == "Categories: Local, \"News, Politics\" · Tags: \"Trips, 2019\", Family")
        #expect(ArticleListing.line(article, tags: article.tags).hasSuffix("  [\"Trips, 2019\", Family]"))
        #expect(ArticleListing.line(Sample.article, tags: ["Ferries", "Harbour"]).hasSuffix("  [Ferries, Harbour]"))
    }

    @Test func measureIsCappedAt80() {
        let document = ReaderDocument.layout(Sample.article, width: 200)
        #expect(document.measure == 80)
        #expect(document.lines.allSatisfy { $0.width <= 80 })
    }

    @Test func positionIndicator() {
        let top = Self.render(Sample.article, width: 40, height: 8)
        #expect(top.lines[0].hasSuffix(" Top ─"))
        let total = ReaderDocument.layout(Sample.article, width: 40).lines.count
        let bottom = Self.render(Sample.article, width: 40, height: 8, offset: total)
        #expect(bottom.lines[0].hasSuffix(" Bot ─"))
        let all = Self.render(Sample.article, width: 40, height: 40)
        #expect(all.lines[0].hasSuffix(" All ─"))
    }

    @Test func hitLinesForNextAndPrevious() {
        let document = ReaderDocument.layout(Sample.article, width: 40, highlighter: Highlighting.terms(["ferry", "bridge"]))
        let texts = document.lines.map { $0.text.lowercased() }
        // Exactly the lines that show a hit, in order, and n/N step through all of them.
        let expected = texts.indices.filter { texts[$0].contains("ferry") || texts[$0].contains("bridge") }
        #expect(expected.count >= 2, "the sample must have several hits")
        #expect(document.hitLines == expected)
        var forward: [Int] = []
        var line = -1
        while let next = document.nextHit(after: line) { forward.append(next); line = next }
        #expect(forward == expected)
        var backward: [Int] = []
        line = texts.count
        while let previous = document.previousHit(before: line) { backward.append(previous); line = previous }
        #expect(backward == expected.reversed())
    }

    @Test func hitsInTheLeadInStayBold() throws {
        let canvas = Self.render(Sample.article, width: 40, height: 24, highlighter: Highlighting.terms(["crossing"]))
        let hit = try #require(find("CROSSING", in: canvas))
        #expect(canvas[hit.x, hit.y].style.role == .highlight)
        #expect(canvas[hit.x, hit.y].style.bold)
    }

    @Test func plantedEscapesBecomePlaceholders() {
        let canvas = Self.render(Sample.hostile, width: 50, height: 12)
        #expect(gridProblems(canvas).isEmpty)
        let text = canvas.lines.joined(separator: "\n")
        #expect(text.contains("Evil ␛[2J title␇"))
        #expect(text.contains("⍰31m"))
        #expect(text.contains("␛]0;pwned␇"))
        #expect(text.contains("CR␍LF and"), "a newline inside a paragraph is a line break of the source, joined")
        let escape = find("␛", in: canvas)!
        #expect(canvas[escape.x, escape.y].style.role == .placeholder)
    }

    @Test func noArticle() {
        expectFrame(Self.render(nil, width: 24, height: 3), """
        ────────────────────────|
        No article selected.    |
                                |
        """)
    }
}

/// Golden renders of bodies with structure: quotes, attributions, a table, a signature, wire
/// paragraphs.
@Suite struct ReaderBlockGoldenTests {
    @Test func usenetReplyAt80() throws {
        try expectGolden(ReaderViewTests.render(SampleBodies.usenetReply, width: 80, height: 34), named: "reader-usenet-80x34")
    }

    @Test func usenetReplyAt50() throws {
        try expectGolden(ReaderViewTests.render(SampleBodies.usenetReply, width: 50, height: 38), named: "reader-usenet-50x38")
    }

    @Test func wireStoryAt80() throws {
        try expectGolden(ReaderViewTests.render(SampleBodies.wireStory, width: 80, height: 20), named: "reader-wire-80x20")
    }

    @Test func wireStoryAt50() throws {
        try expectGolden(ReaderViewTests.render(SampleBodies.wireStory, width: 50, height: 24), named: "reader-wire-50x24")
    }
}

@Suite struct ReaderHeaderTests {
    @Test func routingHeadersHiddenWithAHint() {
        let lines = ReaderDocument.layout(SampleBodies.usenetReply, width: 80, hiddenHeadersHint: "H shows all").lines.map(\.text)
        #expect(lines[3] == "Organization: Lakeside Physics Lab")
        #expect(lines[4] == "5 more headers (H shows all)")
        #expect(!lines.contains { $0.hasPrefix("Path:") || $0.hasPrefix("Message-ID:") || $0.hasPrefix("NNTP-") })
    }

    @Test func allHeadersInFileOrder() {
        let lines = ReaderDocument.layout(SampleBodies.usenetReply, width: 80, allHeaders: true).lines.map(\.text)
        #expect(Array(lines[3...8]) == [
            "Path: news.example!lab.example!rourke",
            "Organization: Lakeside Physics Lab",
            "Message-ID: <1993Apr28.0930@lab.example>",
            "References: <C6A2x1.8Jq@news.example> <1993Apr28.1402@cs.umbc.example>",
            "Lines: 21",
            "NNTP-Posting-Host: lab.example",
        ])
        #expect(!lines.contains { $0.contains("more header") })
    }
}
