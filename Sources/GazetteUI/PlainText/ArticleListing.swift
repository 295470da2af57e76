import GazetteCore

/// One line of `gazette list`: id, date (or `undated`), title and tags, made safe for terminals.
public enum ArticleListing {
    public static func line(_ article: Article, tags: [String]) -> String {
        let date = article.date?.isoDay ?? "undated   "
        var line = "\(article.id)  \(date)  \(TerminalSafeText.sanitize(article.title))"
        if !tags.isEmpty {
            line += "  [" + TerminalSafeText.sanitize(FacetListText.join(tags)) + "]"
        }
        return line
    }
}
