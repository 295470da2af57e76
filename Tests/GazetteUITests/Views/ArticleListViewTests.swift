import Testing
@testable import GazetteUI

@Suite struct ArticleListViewTests {
    static func render(width: Int, height: Int, selection: Int = 0, focused: Bool = true, header: Bool = true, highlighter: Highlighter? = nil, rows: [ArticleListRow] = Sample.rows) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let rect = canvas.bounds
        let viewport = ListViewport(count: rows.count, height: ArticleListView.listHeight(in: rect, showsHeader: header), selection: selection)
        ArticleListView(rows: rows, viewport: viewport, focused: focused, showsHeader: header, highlighter: highlighter)
            .render(into: &canvas, in: rect)
        return canvas
    }

    @Test func goldenWide() throws {
        try expectGolden(Self.render(width: 72, height: 6), named: "article-list-72x6")
    }

    @Test func goldenNarrowTruncatesAtCharacterBoundary() throws {
        try expectGolden(Self.render(width: 29, height: 5, selection: 3), named: "article-list-29x5")
    }

    @Test func frameAt40Columns() {
        expectFrame(Self.render(width: 40, height: 5), """
        Date        Title             4 articles|
        2024-03-09  Harbour lights dim as the n…|
        2024-02-28  Council approves bridge tol…|
                    Undated letter from a reader|
        2023-12-01  東京の夜 🌃 and naïve café  |
        """)
    }

    @Test func aTagWithACommaIsQuotedInTheRow() {
        let rows = [ArticleListRow(date: "2019-07-01", title: "Ferry to the islands", tags: ["Trips, 2019", "Family"])]
        let canvas = Self.render(width: 72, height: 3, rows: rows)
        #expect(find("\"Trips, 2019\", Family", in: canvas) != nil)
    }

    @Test func selectedRowIsReversedAcrossTheWholeRow() {
        let canvas = Self.render(width: 40, height: 5, selection: 1)
        for x in 0..<40 {
            #expect(canvas[x, 2].style.reverse, "cell \(x)")
            #expect(!canvas[x, 1].style.reverse)
            #expect(!canvas[x, 3].style.reverse)
        }
    }

    @Test func tagsAreDim() throws {
        let canvas = Self.render(width: 72, height: 6)
        let hit = try #require(find("Ferries", in: canvas))
        #expect(canvas[hit.x, hit.y].style.dim)
        #expect(canvas[hit.x, hit.y].style.role == .tag)
    }

    @Test func searchHitsAreHighlighted() throws {
        let canvas = Self.render(width: 72, height: 6, selection: 2, highlighter: Highlighting.terms(["bridge"]))
        let hit = try #require(find("bridge", in: canvas))
        for x in hit.x..<(hit.x + 6) { #expect(canvas[x, hit.y].style.role == .highlight) }
        let before = try #require(find("Council", in: canvas))
        #expect(canvas[before.x, before.y].style.role != .highlight)
    }

    @Test func selectionStaysVisibleWhenScrolled() throws {
        let rows = (0..<50).map { ArticleListRow(date: nil, title: "Article \($0)", tags: []) }
        let canvas = Self.render(width: 30, height: 6, selection: 40, rows: rows)
        // Exactly one row is drawn selected, and it is the one showing article 40.
        let selected = (1..<6).filter { canvas[0, $0].style.reverse }
        #expect(selected.count == 1, "\(selected)")
        let row = try #require(selected.first)
        #expect(canvas.lines[row].trimmingCharacters(in: .whitespaces) == "Article 40", "\(canvas.lines)")
        // Scrolled with the selection kept off the bottom edge by the scroll margin (2 rows below it).
        #expect(canvas.lines[5].trimmingCharacters(in: .whitespaces) == "Article 42", "\(canvas.lines)")
    }

    @Test func emptyListSaysSo() {
        expectFrame(Self.render(width: 24, height: 3, rows: []), """
        Title         0 articles|
        No articles match.      |
                                |
        """)
    }

    @Test func anEmptyListWrapsWhatToDo() {
        var canvas = Canvas(width: 24, height: 4)
        let viewport = ListViewport(count: 0, height: ArticleListView.listHeight(in: canvas.bounds, showsHeader: false), selection: nil)
        ArticleListView(count: 0, row: { _ in ArticleListRow(date: nil, title: "", tags: []) }, viewport: viewport, showsHeader: false,
                        emptyMessage: "No articles found. Gazette reads .txt, .mbox and .eml files and more.")
            .render(into: &canvas, in: canvas.bounds)
        expectFrame(canvas, """
        No articles found.      |
        Gazette reads .txt,     |
        .mbox and .eml files and|
        more.                   |
        """)
    }

    @Test func hostileTitleShowsPlaceholders() {
        let rows = [ArticleListRow(date: nil, title: "Evil \u{1B}[2J\u{9B}", tags: ["\u{202E}x"])]
        let canvas = Self.render(width: 40, height: 2, rows: rows)
        #expect(canvas.lines[1].hasPrefix("            Evil ␛[2J⍰"))
        #expect(gridProblems(canvas).isEmpty)
        let escape = find("␛", in: canvas)!
        #expect(canvas[escape.x, escape.y].style.role == .placeholder)
    }
}

@Suite struct ArticleListHugeRowTests {
    @Test func hugeTitleAndTenThousandTags() {
        let title = String(repeating: "Very long title ", count: 400)
        let tags = (0..<10_000).map { "tag\($0)" }
        let rows = [ArticleListRow(date: "2024-01-01", title: "Short", tags: tags), ArticleListRow(date: nil, title: title, tags: tags)]
        let canvas = ArticleListViewTests.render(width: 60, height: 3, rows: rows)
        #expect(canvas.lines[1] == "2024-01-01  Short  tag0, tag1, tag2, tag3, tag4, tag5, tag6…")
        #expect(canvas.lines[2] == "            Very long title Very long title Very long title…")
    }

    @Test func leadingPrefixCoversTheColumns() {
        #expect("abcdef".leading(columns: 3) == "abcd")
        #expect("東京都".leading(columns: 2) == "東京")
        #expect("ab".leading(columns: 5) == "ab")
        #expect("\u{200B}\u{200B}\u{200B}x".leading(columns: 0) == "\u{200B}\u{200B}\u{200B}x")
    }
}
