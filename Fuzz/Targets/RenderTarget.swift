import GazetteCore
@testable import GazetteUI

/// libFuzzer entry: untrusted text on its way to the screen — `TerminalSafeText`, `DisplayWidth`,
/// wrapping, and the reader and list laid out into a `Canvas` — with the grid invariants the size
/// sweep checks: no control character in a cell, cell widths that match the text, wide cells
/// followed by their continuation, rows exactly as wide as the canvas, nothing drawn outside the
/// rectangle a view was given.
///
/// The first two bytes choose the pane size (1–90 × 1–30); the rest is the text, also parsed as an
/// article file so headers, tags and dumps reach the reader as the loader would give them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRender(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard bytes.count >= 2 else { return 0 }
    let width = Int(bytes[0] % 90) + 1, height = Int(bytes[1] % 30) + 1
    let text = String(decoding: bytes.dropFirst(2), as: UTF8.self)

    let safe = TerminalSafeText.sanitize(text)
    require(!safe.unicodeScalars.contains(where: isUnsafe), "sanitize left an unsafe scalar in \(safe.debugDescription)")
    require(TerminalSafeText.sanitize(safe) == safe, "sanitize is not idempotent on \(text.debugDescription)")
    require(DisplayWidth.of(safe) == safe.reduce(0) { $0 + DisplayWidth.of($1) }, "width of the whole is not the sum of its characters")

    for wrapWidth in Set([1, 2, width, 80]) {
        for line in TextWrap.wrap(safe, width: wrapWidth) {
            let columns = line.spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
            require(columns <= wrapWidth, "wrapped line of \(columns) columns at width \(wrapWidth): \(text.debugDescription)")
        }
    }

    let words = text.split(whereSeparator: { $0.isWhitespace }).prefix(3).map(String.init)
    // The browser's highlighter (query words, index folding) and the simple substring one.
    let highlighters = [AppState.highlighter((try? Query.parse(words.joined(separator: " ")))?.highlightTerms ?? []),
                        Highlighting.terms(words)]
    var articles = ArticleFileParser.parse(bytes: Array(bytes.dropFirst(2)), path: "fuzz.txt").articles
    articles.append(Article(title: text, date: nil, author: text, categories: [text], tags: words,
                            paragraphs: text.components(separatedBy: "\n\n"), source: SourceLocation(path: "fuzz.txt", line: 1)))
    // The pane sits inside a larger canvas filled with a sentinel, so stray writes show.
    let area = Rect(x: 2, y: 1, width: width, height: height)
    for (number, article) in articles.prefix(3).enumerated() {
        let document = ReaderDocument.layout(article, width: width, highlighter: highlighters[number % 2])
        for offset in [0, max(0, document.lines.count - height)] {
            var canvas = sentinel(width: width + 4, height: height + 2)
            ReaderView(document: document, offset: offset, focused: offset == 0).render(into: &canvas, in: area)
            checkGrid(canvas, area: area, what: "reader \(width)×\(height) offset \(offset)", text: text)
        }
    }
    let rows = articles.prefix(3).map(ArticleListRow.init) + [ArticleListRow(date: text, title: text, tags: words, author: text)]
    var canvas = sentinel(width: width + 4, height: height + 2)
    let viewport = ListViewport(count: rows.count, height: ArticleListView.listHeight(in: area), selection: rows.count - 1)
    ArticleListView(rows: rows, viewport: viewport, highlighter: highlighters[1]).render(into: &canvas, in: area)
    checkGrid(canvas, area: area, what: "list \(width)×\(height)", text: text)
    return 0
}

/// C0 and C1 controls, DEL, and the bidi controls that could reorder what follows.
func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
}

func sentinel(width: Int, height: Int) -> Canvas {
    var canvas = Canvas(width: width, height: height)
    for y in 0..<height { for x in 0..<width { canvas[x, y] = Cell(text: "#") } }
    return canvas
}

/// Fails the run when the grid breaks an invariant or a view drew outside `area`.
func checkGrid(_ canvas: Canvas, area: Rect, what: String, text: String) {
    for y in 0..<canvas.height {
        var x = 0, columns = 0
        while x < canvas.width {
            let cell = canvas[x, y]
            require(!area.contains(x: x, y: y) ? cell.text == "#" && cell.width == 1 : true,
                    "\(what): drew outside its area at \(x),\(y) for \(text.debugDescription)")
            require(!cell.isContinuation, "\(what): stray continuation at \(x),\(y) for \(text.debugDescription)")
            require(!cell.text.unicodeScalars.contains(where: isUnsafe), "\(what): control character in cell \(x),\(y) for \(text.debugDescription)")
            require(DisplayWidth.of(cell.text) == Int(cell.width), "\(what): cell \(x),\(y) \(cell.text.debugDescription) claims width \(cell.width)")
            if cell.width == 2 {
                require(x + 1 < canvas.width && canvas[x + 1, y].isContinuation, "\(what): wide cell without continuation at \(x),\(y)")
                x += 2
                columns += 2
            } else {
                x += 1
                columns += 1
            }
        }
        require(columns == canvas.width, "\(what): row \(y) is \(columns) columns, not \(canvas.width)")
    }
}
