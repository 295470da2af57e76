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
    /// slot of `slotBytes` at a time), so a huge article streams in bounded memory.
    public static func stream(
        _ article: Article, tags: [String], width: Int, allHeaders: Bool = false, thread: ReaderThread? = nil,
        slotBytes: Int = 256 * 1024, to output: (String) -> Void
    ) {
        var shown = article
        shown.tags = tags
        let document = ReaderDocument.lazyLayout(
            shown, width: width, measureLimit: width, allHeaders: allHeaders, hiddenHeadersHint: "--headers shows all",
            thread: thread, slotBytes: slotBytes, eagerBytes: -1)
        var out = ""
        func emit(_ line: StyledLine) {
            out += line.text
            out += "\n"
            if out.utf8.count >= 1 << 16 {
                output(out)
                out = ""
            }
        }
        let (above, below) = document.linesAroundBody
        above.forEach(emit)
        document.forEachBodyLine(emit)
        below.forEach(emit)
        if !out.isEmpty { output(out) }
    }
}
