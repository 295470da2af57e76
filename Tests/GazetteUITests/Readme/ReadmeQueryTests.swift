import GazetteCore
import Testing

/// README.md's query table checked against the real parser and store: every example in the first
/// column parses and selects something specific (never "every article"); the examples whose
/// answer is written down here must give exactly that answer on a store built for them; and
/// every field the parser knows has a row.
///
/// `a` and `b` in the table are placeholders: they stand for the words `cartel` and `tunnel`.
@Suite struct ReadmeQueryTests {
    static func table() throws -> ReadmeTable {
        try #require(try ReadmeTable(after: "## Query language"), "README.md has no table after '## Query language'")
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> ArticleDate {
        ArticleDate(year: y, month: m, day: d, instant: Int64(((y - 1970) * 372 + m * 31 + d) * 86_400))
    }

    static func article(_ title: String, _ date: ArticleDate?, author: String?, category: [String], tags: [String], body: String) -> Article {
        Article(title: title, date: date, author: author, categories: category, tags: tags, paragraphs: [body],
                source: SourceLocation(path: "readme.txt", line: 1))
    }

    /// Five articles written so each README example has a distinct answer.
    static let store = ArticleStore(articles: [
        article("Cartel money traced", day(2024, 5, 10), author: "Americas desk", category: ["Analysis"],
                tags: ["CIA", "covert action"], body: "Covert action against the cartel was discussed."),
        article("Cartels and the border", day(2022, 3, 1), author: "Europe desk", category: ["Codebreaking"],
                tags: ["cia"], body: "A tunnel for the cartel ran under the border."),
        article("Zürich notes", day(2021, 1, 5), author: "Anna Müller", category: ["Codebreaking"],
                tags: ["KGB"], body: "A tunnel, and nothing about cartels."),
        article("Undated memo", nil, author: nil, category: [], tags: [], body: "Covert work and action apart."),
        article("Signals review", day(2022, 6, 1), author: "Signals desk", category: ["Analysis"],
                tags: ["Covert Action"], body: "A quiet year."),
    ])

    /// What each example selects on `store`, by title.
    static let expected: [String: Set<String>] = [
        "cartel": ["Cartel money traced", "Cartels and the border"],
        "cartel*": ["Cartel money traced", "Cartels and the border", "Zürich notes"],
        "zurich": ["Zürich notes"],
        "\"covert action\"": ["Cartel money traced"],
        "tag:CIA": ["Cartel money traced", "Cartels and the border"],
        "tag:\"covert action\"": ["Cartel money traced", "Signals review"],
        "category:Codebreaking": ["Cartels and the border", "Zürich notes"],
        "author:desk": ["Cartel money traced", "Cartels and the border", "Signals review"],
        "year:2022": ["Cartels and the border", "Signals review"],
        "after:2024-01": ["Cartel money traced"],
        "before:2022-06-01": ["Cartels and the border", "Zürich notes"],
        "cartel tunnel": ["Cartels and the border"],
        "cartel OR tunnel": ["Cartel money traced", "Cartels and the border", "Zürich notes"],
        "-cartel": ["Zürich notes", "Undated memo", "Signals review"],
        "NOT cartel": ["Zürich notes", "Undated memo", "Signals review"],
        "( cartel OR tunnel )": ["Cartel money traced", "Cartels and the border", "Zürich notes"],
    ]

    /// An example as it is run: placeholders `a`/`b` become words, `…` a small OR.
    static func concrete(_ example: String) -> String {
        let words = example.replacingOccurrences(of: "…", with: "a OR b").split(separator: " ", omittingEmptySubsequences: false)
        return words.map { word -> String in
            switch word {
            case "a": "cartel"
            case "b": "tunnel"
            case "-a": "-cartel"
            default: String(word)
            }
        }.joined(separator: " ")
    }

    static func titles(_ query: Query) -> Set<String> {
        Set(store.evaluate(query).indices.map { store.articles[Int($0)].title })
    }

    @Test func everyExampleParsesAndSelectsWhatItSays() throws {
        var checked = 0
        for row in try Self.table().rows {
            let examples = codeSpans(row.cells.first ?? "")
            #expect(!examples.isEmpty, "\(row): no example query in the first column")
            for example in examples {
                let text = Self.concrete(example)
                let query: Query
                do {
                    query = try Query.parse(text)
                } catch {
                    Issue.record("\(row): the parser rejects `\(example)` (run as `\(text)`): \(error)")
                    continue
                }
                #expect(!query.isEmpty, "\(row): `\(example)` parses to a query that places no condition")
                if let want = Self.expected[text] {
                    checked += 1
                    let got = Self.titles(query)
                    #expect(got == want, "\(row): `\(text)` selects \(got.sorted()), the row promises \(want.sorted())")
                }
            }
        }
        // The rows this file knows the answers to are still in the table.
        #expect(checked >= 15, "only \(checked) examples had a known answer; was the table rewritten?")
    }

    @Test func theDescriptionsExamplesHold() throws {
        // "case and accents ignored (`zurich` finds `Zürich`)"
        #expect(Self.titles(try Query.parse("zurich")) == Self.expected["zurich"])
        #expect(Self.titles(try Query.parse("CARTEL")) == Self.expected["cartel"])
    }

    /// The parser's own list of fields, read from its unknown-field message (which comes from the
    /// same table that parses them).
    static func knownFields() throws -> [String] {
        do {
            _ = try Query.parse("nosuchfield:x")
            Issue.record("an unknown field parsed")
            return []
        } catch {
            let message = error.description
            guard let start = message.range(of: "known: ") else {
                Issue.record("the unknown-field message no longer lists the known fields: \(message)")
                return []
            }
            let list = message[start.upperBound...].prefix { $0 != ")" }
            return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    @Test func everyFieldTheParserKnowsHasARow() throws {
        let fields = try Self.knownFields()
        #expect(fields.count >= 6, "\(fields)")
        let examples = try Self.table().rows.flatMap { codeSpans($0.cells.first ?? "") }
        for field in fields {
            #expect(examples.contains { $0.lowercased().hasPrefix(field.lowercased() + ":") },
                    "the parser knows '\(field):' but README.md's query table has no example of it")
        }
    }
}
