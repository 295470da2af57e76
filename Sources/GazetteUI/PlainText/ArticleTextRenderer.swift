import GazetteCore

/// Plain-text renderings for the command line, made from the same layouts the terminal UI draws.
public enum ArticleTextRenderer {
    /// The article as the reader lays it out, wrapped to `width` columns, as safe plain text.
    public static func render(_ article: Article, tags: [String], width: Int) -> String {
        var shown = article
        shown.tags = tags
        let document = ReaderDocument.layout(shown, width: width, measureLimit: width)
        var out = ""
        for line in document.lines {
            out += line.text
            out += "\n"
        }
        return out
    }
}
