import GazetteCore

/// `gazette state export`/`import`: the reader's state as plain text a person can keep in git.
///
/// One line per article with state, sorted by id, fields separated by tabs:
/// `ID  read|unread  [starred]  [+added tag…]  [-hidden tag…]`, then one line per saved view,
/// `view  NAME  QUERY`, sorted by name. Lines starting with `#` are comments.
public enum StateFile {
    /// The first line of an export.
    public static let header = "# gazette state 1: ID, read|unread, starred, +added tag, -hidden tag (tab-separated); view NAME QUERY"

    /// What a file holds.
    public struct Contents: Sendable, Equatable {
        public var articles: [ArticleStateRow] = []
        public var views: [SavedView] = []

        public init(articles: [ArticleStateRow] = [], views: [SavedView] = []) {
            self.articles = articles
            self.views = views
        }
    }

    /// A line that does not parse: `path:line: reason`.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var line: Int
        public var reason: String
        public var description: String { "\(path):\(line): \(reason)" }
    }

    /// The text of `contents`: stable (sorted), so the same state always exports the same bytes.
    public static func text(_ contents: Contents) -> String {
        var lines = [header]
        for row in contents.articles.sorted(by: { $0.id < $1.id }) where !row.isDefault {
            var fields = [row.id, row.read ? "read" : "unread"]
            if row.starred { fields.append("starred") }
            let tags = row.tags.filter { $0.value != 0 }.sorted { (tagKey($0.key), $0.key) < (tagKey($1.key), $1.key) }
            fields += tags.map { ($0.value > 0 ? "+" : "-") + $0.key }
            lines.append(fields.joined(separator: "\t"))
        }
        for view in contents.views.sorted(by: { $0.name < $1.name }) {
            lines.append(["view", view.name, view.query].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses an export; `path` is for messages.
    public static func parse(_ text: String, path: String) throws(ParseError) -> Contents {
        var contents = Contents()
        var seen = Set<String>()
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let number = offset + 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func fail(_ reason: String) -> ParseError { ParseError(path: path, line: number, reason: reason) }
            if fields[0] == "view" {
                guard fields.count == 3, !fields[1].isEmpty else { throw fail("expected 'view<TAB>NAME<TAB>QUERY'") }
                // As `gazette view add` refuses it: a view that could never be opened.
                do {
                    _ = try Query.parse(fields[2])
                } catch {
                    throw fail("view '\(fields[1])': bad query: \(error)")
                }
                contents.views.append(SavedView(name: fields[1], query: fields[2]))
                continue
            }
            let id = fields[0].lowercased()
            guard !id.isEmpty, id.count <= 64, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw fail("'\(fields[0])' is not an article id")
            }
            guard seen.insert(id).inserted else { throw fail("article \(id) appears twice") }
            guard fields.count >= 2, fields[1] == "read" || fields[1] == "unread" else {
                throw fail("expected 'read' or 'unread' after the id")
            }
            var row = ArticleStateRow(id: id, read: fields[1] == "read")
            for field in fields.dropFirst(2) {
                if field == "starred" {
                    row.starred = true
                } else if let sign = field.first, sign == "+" || sign == "-", field.count > 1 {
                    row.tags[String(field.dropFirst())] = sign == "+" ? 1 : -1
                } else {
                    throw fail("unexpected '\(field)' (expected starred, +tag or -tag)")
                }
            }
            contents.articles.append(row)
        }
        return contents
    }
}
