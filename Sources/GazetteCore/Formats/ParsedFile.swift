/// The articles and problems found in one file.
public struct ParsedFile: Sendable {
    public var articles: [Article]
    public var warnings: [LoadWarning]

    public init(articles: [Article] = [], warnings: [LoadWarning] = []) {
        self.articles = articles
        self.warnings = warnings
    }

    /// Warnings about one member of the archive at `path`, as the loader lists them: each on the
    /// archive's path, naming the member (and its line, when there is one: `news/42:7: …`).
    static func memberWarnings(_ warnings: [LoadWarning], member: String, path: String) -> [LoadWarning] {
        warnings.map { warning in
            let at = warning.location.line > 0 ? "\(member):\(warning.location.line)" : member
            return LoadWarning(path: path, line: 0, reason: "\(at): \(warning.reason)")
        }
    }
}
