import GazetteCore

/// Plain-text renderings for the command line, made from the same layouts the terminal UI draws.
public enum ArticleTextRenderer {
    /// The article as the reader lays it out, wrapped to `width` columns, as safe plain text.
    /// `allHeaders` prints every header (`show --headers`), else those worth reading and a note
    /// of how many are hidden.
    /// `thread` adds "In reply to" and the replies' titles.
    public static func render(
        _ article: Article, tags: [String], width: Int, allHeaders: Bool = false, thread: ReaderThread? = nil
    ) -> String {
        var shown = article
        shown.tags = tags
        let document = ReaderDocument.layout(
            shown, width: width, measureLimit: width, allHeaders: allHeaders, hiddenHeadersHint: "--headers shows all",
            thread: thread)
        var out = ""
        for line in document.lines {
            out += line.text
            out += "\n"
        }
        return out
    }

    /// What `render` returns, given to `output` a piece at a time as the body is laid out (a
    /// slot of `slotBytes` at a time), so a huge article streams in bounded memory. The body
    /// goes through the plain-text layout (`BlockLayout.text`: bytes and widths, no styled
    /// glyphs), which gives `render`'s text byte for byte.
    public static func stream(
        _ article: Article, tags: [String], width: Int, allHeaders: Bool = false, thread: ReaderThread? = nil,
        slotBytes: Int = 256 * 1024, to output: (String) -> Void
    ) {
        var shown = article
        shown.tags = tags
        let document = ReaderDocument.lazyLayout(
            shown, width: width, measureLimit: width, allHeaders: allHeaders, hiddenHeadersHint: "--headers shows all",
            thread: thread, slotBytes: slotBytes, eagerBytes: -1)
        var out: [UInt8] = []
        func flush(atLeast bytes: Int) {
            guard out.count >= bytes, !out.isEmpty else { return }
            output(String(decoding: out, as: UTF8.self))
            out.removeAll(keepingCapacity: true)
        }
        func emit(_ lines: [StyledLine]) {
            for line in lines {
                out.append(contentsOf: line.text.utf8)
                out.append(0x0A)
            }
            flush(atLeast: 1 << 16)
        }
        let (above, below) = document.linesAroundBody
        emit(above)
        document.forEachBodyText { text in
            out.append(contentsOf: text)
            flush(atLeast: 1 << 16)
        }
        emit(below)
        flush(atLeast: 1)
    }
}
