/// The articles and problems found in one file.
public struct ParsedFile: Sendable {
    public var articles: [Article]
    public var warnings: [LoadWarning]

    public init(articles: [Article] = [], warnings: [LoadWarning] = []) {
        self.articles = articles
        self.warnings = warnings
    }
}
