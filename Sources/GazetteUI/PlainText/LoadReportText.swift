import GazetteCore

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
        if report.filesRead == 0 && report.filesSkipped == 0 {
            out += "\nNo article files found: Gazette reads \(ArticleFileName.kinds).\n"
        }
        if !report.duplicates.isEmpty {
            out += "\nDuplicates:\n"
            for duplicate in report.duplicates {
                out += TerminalSafeText.sanitize(duplicate.reportLine) + "\n"
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
