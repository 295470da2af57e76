import GazetteCore
import Testing
@testable import GazetteUI

/// Issue 5's planted terminal sequences, put into every field an article has and rendered by each
/// view at many sizes: no cell may hold a scalar a terminal would act on.
@Suite struct InjectionTests {
    static let esc = "\u{1B}"

    /// Every sequence issue 5 names, plus each 8-bit C1 control on its own.
    static let planted: [String] = [
        "\(esc)[2J", "\(esc)[H", "\(esc)[10;20H", "\(esc)[5A", "\(esc)[3C", "\(esc)7\(esc)8", "\(esc)[?1049h",  // CSI, cursor
        "\(esc)[31;1;5m", "\(esc)[0m",                                                          // SGR
        "\(esc)]0;owned\u{07}", "\(esc)]2;title\(esc)\\",                                      // OSC 0/2 title
        "\(esc)]8;;https://evil.example/\(esc)\\click\(esc)]8;;\(esc)\\",                      // OSC 8 link
        "\(esc)]52;c;cm0gLXJmIH4=\u{07}",                                                      // OSC 52 clipboard
        "\(esc)P1$r0m\(esc)\\", "\(esc)P+q544e\(esc)\\",                                       // DCS
        "\u{9B}2J", "\u{9D}0;t\u{9C}", "\u{90}q\u{9C}",                                        // C1 CSI/OSC/DCS
        "\u{07}", "\u{08}\u{08}\u{08}", "\r", "line\roverwrite", "\u{7F}",                      // BEL, BS, CR, DEL
    ] + (0x80...0x9F).map { String(Unicode.Scalar($0)!) }                                      // every C1
      + (0x202A...0x202E).map { String(Unicode.Scalar($0)!) + "txet" }                         // bidi embeddings/overrides
      + (0x2066...0x2069).map { String(Unicode.Scalar($0)!) + "isolate" }                      // bidi isolates

    /// A scalar that must never reach a cell: C0, DEL, C1, bidi embedding/override/isolate controls.
    static func isDangerous(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    static func dangerousCells(_ canvas: Canvas) -> [String] {
        var found: [String] = []
        for y in 0..<canvas.height {
            for x in 0..<canvas.width where canvas[x, y].text.unicodeScalars.contains(where: isDangerous) {
                found.append("\(x),\(y): \(canvas[x, y].text.debugDescription)")
            }
        }
        return found
    }

    /// An article carrying `payload` in every text field.
    static func article(_ payload: String) -> Article {
        Article(
            title: "T\(payload)itle \(payload)",
            date: ArticleDate(year: 2024, month: 5, day: 1, instant: 0),
            author: "Au\(payload)thor",
            categories: ["Cat\(payload)"],
            tags: ["tag\(payload)", payload],
            comments: 2,
            link: "https://example.org/\(payload)",
            extraHeaders: [HeaderField(name: "X-\(payload)", value: "v\(payload)")],
            paragraphs: ["\(payload)LEAD IN then body \(payload) and more words to wrap around the pane \(payload).", payload],
            leadInLength: 0,
            related: ["Teaser \(payload)"],
            source: SourceLocation(path: "evil\(payload).txt", line: 1)
        )
    }

    @Test func sanitizeLeavesNoControl() {
        for payload in Self.planted {
            let safe = TerminalSafeText.sanitize("a\(payload)b")
            #expect(!safe.unicodeScalars.contains(where: Self.isDangerous), "\(payload.debugDescription) → \(safe.debugDescription)")
            // The reader sees that something was there: a visible placeholder, not silence.
            #expect(safe.count > 2, "\(payload.debugDescription) vanished")
        }
    }

    @Test func readerShowsNoControlAtAnySizeOrScroll() {
        // Highlighting "title" and "body" splits spans right next to the planted bytes.
        let highlighter: Highlighter = { text in
            var ranges: [Range<String.Index>] = []
            for word in ["title", "body"] {
                var start = text.startIndex
                while let hit = text.range(of: word, options: .caseInsensitive, range: start..<text.endIndex) {
                    ranges.append(hit)
                    start = hit.upperBound
                }
            }
            return ranges.sorted { $0.lowerBound < $1.lowerBound }
        }
        var rendered = 0
        for payload in Self.planted {
            let article = Self.article(payload)
            for (width, height) in [(1, 1), (4, 3), (17, 6), (40, 12), (120, 40)] {
                for lighter in [nil, highlighter] {
                    let document = ReaderDocument.layout(article, width: width, highlighter: lighter)
                    for offset in stride(from: 0, through: document.lines.count, by: max(1, height - 1)) {
                        var canvas = Canvas(width: width, height: height)
                        ReaderView(document: document, offset: offset, focused: true).render(into: &canvas, in: canvas.bounds)
                        #expect(Self.dangerousCells(canvas).isEmpty, "\(payload.debugDescription) at \(width)x\(height)+\(offset)")
                        rendered += 1
                    }
                }
            }
        }
        #expect(rendered > 500)
    }

    @Test func listSidebarAndStatusBarShowNoControl() {
        for payload in Self.planted {
            let rows = [ArticleListRow(Self.article(payload)), ArticleListRow(date: payload, title: payload, tags: [payload, payload])]
            let sections = [SidebarSection(kind: .tag, entries: [SidebarEntry(value: "tag\(payload)", count: 3), SidebarEntry(value: payload, count: 1)]),
                            SidebarSection(kind: .author, entries: [SidebarEntry(value: "Au\(payload)thor", count: 1, mark: .included)])]
            let bars: [StatusBarView.Content] = [
                .status(.init(shown: 1, total: 2, query: "tag:\(payload)", warnings: 1, message: "evil\(payload).txt:1: binary file")),
                .prompt(.init(text: payload, error: "column 1: \(payload)")),
            ]
            for width in [1, 3, 12, 30, 80, 200] {
                for height in [1, 2, 5] {
                    var list = Canvas(width: width, height: height)
                    let viewport = ListViewport(count: rows.count, height: ArticleListView.listHeight(in: list.bounds, showsHeader: true), selection: 1)
                    ArticleListView(rows: rows, viewport: viewport, focused: true, showsHeader: true, highlighter: nil).render(into: &list, in: list.bounds)
                    #expect(Self.dangerousCells(list).isEmpty, "list: \(payload.debugDescription) at \(width)x\(height)")

                    var sidebar = Canvas(width: width, height: height)
                    SidebarView(sections: sections, cursor: 1, focused: true).render(into: &sidebar, in: sidebar.bounds)
                    #expect(Self.dangerousCells(sidebar).isEmpty, "sidebar: \(payload.debugDescription) at \(width)x\(height)")
                }
                for bar in bars {
                    var canvas = Canvas(width: width, height: 1)
                    StatusBarView(bar).render(into: &canvas, in: canvas.bounds)
                    #expect(Self.dangerousCells(canvas).isEmpty, "status: \(payload.debugDescription) at \(width)")
                }
            }
        }
    }

    @Test func theReaderShowsAPlaceholderWhereTheSequenceWas() throws {
        let document = ReaderDocument.layout(Self.article("\(Self.esc)]52;c;cm0=\u{07}"), width: 80)
        var canvas = Canvas(width: 80, height: 30)
        ReaderView(document: document, offset: 0, focused: true).render(into: &canvas, in: canvas.bounds)
        let text = canvas.lines.joined(separator: "\n")
        #expect(text.contains("T␛]52;c;cm0=␇itle"))
        #expect(!text.contains(Self.esc))
    }
}
