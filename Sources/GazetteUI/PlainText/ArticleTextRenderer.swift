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
}
