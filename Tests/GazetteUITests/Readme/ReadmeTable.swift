import Foundation

/// A table of README.md, read the way a user reads it: the first Markdown table after a heading.
struct ReadmeTable {
    /// One body row: its line in README.md (for failure messages) and its cells, trimmed.
    struct Row: CustomStringConvertible {
        let line: Int
        let cells: [String]

        /// `README.md:LINE | cell | cell |`, as the row is written.
        var description: String { "README.md:\(line) | " + cells.joined(separator: " | ") + " |" }
    }

    let rows: [Row]

    /// The package's README.md, found from this file's place in `Tests/GazetteUITests/Readme/`.
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    /// The first table after the line `heading` (e.g. `### Keys`); nil when there is none.
    init?(after heading: String) throws {
        let text = try String(contentsOf: Self.url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == heading }) else { return nil }
        var rows: [Row] = []
        var index = start + 1
        // Skip prose up to the table, then read until the first line that is not a table row.
        while index < lines.count, !lines[index].hasPrefix("|") {
            if lines[index].hasPrefix("#") { return nil }
            index += 1
        }
        var sawSeparator = false
        while index < lines.count, lines[index].hasPrefix("|") {
            let cells = Self.cells(of: lines[index])
            if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "-: ".contains($0) } }) {
                sawSeparator = true
            } else if sawSeparator {
                rows.append(Row(line: index + 1, cells: cells))
            }
            index += 1
        }
        guard !rows.isEmpty else { return nil }
        self.rows = rows
    }

    /// The cells of `| a | b |`; a `|` inside backticks stays in its cell, and GitHub's escaped
    /// `\|` (needed there even inside backticks) reads as `|`.
    static func cells(of line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var inCode = false
        for character in line.dropFirst() {
            if character == "`" { inCode.toggle() }
            if character == "|" && inCode && current.last == "\\" {
                current.removeLast()
                current.append(character)
            } else if character == "|" && !inCode {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        return cells
    }
}

/// The `code spans` of a Markdown cell, in order.
func codeSpans(_ text: String) -> [String] {
    text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
        .filter { $0.offset % 2 == 1 }.map { String($0.element) }
}
