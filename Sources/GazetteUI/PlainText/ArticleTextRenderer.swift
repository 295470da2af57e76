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
        stream(article, tags: tags, width: width, allHeaders: allHeaders, thread: thread, slotBytes: slotBytes) { bytes in
            output(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// `stream` as UTF-8 (well-formed, as `render`'s text is), each slot's text given as the
    /// layout made it: no copy, no `String` to validate (`gazette show` writes it straight out).
    public static func stream(
        _ article: Article, tags: [String], width: Int, allHeaders: Bool = false, thread: ReaderThread? = nil,
        slotBytes: Int = 256 * 1024, bytes output: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var shown = article
        shown.tags = tags
        let document = ReaderDocument.lazyLayout(
            shown, width: width, measureLimit: width, allHeaders: allHeaders, hiddenHeadersHint: "--headers shows all",
            thread: thread, slotBytes: slotBytes, eagerBytes: -1)
        func emit(_ lines: [StyledLine]) {
            var out: [UInt8] = []
            for line in lines {
                out.append(contentsOf: line.text.utf8)
                out.append(0x0A)
            }
            if !out.isEmpty { out.withUnsafeBufferPointer(output) }
        }
        let (above, below) = document.linesAroundBody
        emit(above)
        document.forEachBodyText { text in
            if !text.isEmpty { text.withUnsafeBufferPointer(output) }
        }
        emit(below)
    }
}
