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

/// One line of `gazette list`: id, date (or `undated`), title and tags, made safe for terminals.
public enum ArticleListing {
    public static func line(_ article: Article, tags: [String]) -> String {
        let date = article.date?.isoDay ?? "undated   "
        var line = "\(article.id)  \(date)  \(TerminalSafeText.sanitize(article.title))"
        if !tags.isEmpty {
            line += "  [" + TerminalSafeText.sanitize(tags.joined(separator: ", ")) + "]"
        }
        return line
    }
}

/// The report `gazette check` prints.
public enum LoadReportText {
    public static func render(_ report: LoadReport) -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var out = ""
        out += "Directories: \(report.directories.map(TerminalSafeText.sanitize).joined(separator: ", "))\n"
        out += "Files: \(report.filesRead) read, \(report.filesSkipped) skipped\n"
        out += "Articles: \(report.articles)"
        out += report.duplicates.isEmpty ? "\n" : " (\(plural(report.duplicates.count, "duplicate")) dropped)\n"
        out += "Warnings: \(report.warnings.count)\n"
        if !report.duplicates.isEmpty {
            out += "\nDuplicates:\n"
            for duplicate in report.duplicates {
                out += "\(TerminalSafeText.sanitize(duplicate.dropped.description)): duplicate of \"\(TerminalSafeText.sanitize(duplicate.title))\" "
                out += "(\(duplicate.id), first at \(TerminalSafeText.sanitize(duplicate.kept.description)))\n"
            }
        }
        if !report.warnings.isEmpty {
            out += "\nWarnings:\n"
            for warning in report.warnings {
                out += TerminalSafeText.sanitize(warning.description) + "\n"
            }
        }
        return out
    }
}
