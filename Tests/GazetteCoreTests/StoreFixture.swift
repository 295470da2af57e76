@testable import GazetteCore

/// Small hand-written articles for store tests.
enum StoreFixture {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> ArticleDate {
        let days = (year - 1970) * 365 + (year - 1969) / 4 + [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][month - 1] + day - 1
            + (month > 2 && year % 4 == 0 ? 1 : 0)
        return ArticleDate(year: year, month: month, day: day, instant: Int64(days) * 86_400)
    }

    static func article(_ title: String, _ date: ArticleDate?, author: String? = nil, category: [String] = [],
                        tags: [String] = [], body: [String] = []) -> Article {
        Article(title: title, date: date, author: author, categories: category, tags: tags, paragraphs: body,
                source: SourceLocation(path: "fixture.txt", line: 1))
    }

    static let articles: [Article] = [
        article("Zürich spy ring exposed", day(2022, 3, 1), author: "Anna Müller", category: ["Europe"],
                tags: ["CIA", "Switzerland"], body: ["Agents met in the old town.", "The cartels were not involved."]),
        article("Cartel finances traced", day(2024, 5, 10), author: "Joseph Fitsanakis", category: ["Americas"],
                tags: ["cia", "Mexico", "narcotics trade"],
                body: ["Covert action against the cartel was discussed.", "Zurich bankers helped."]),
        article("Covert action in Mexico", day(2025, 1, 21), author: "joseph fitsanakis", category: ["Americas"],
                tags: ["CIA", "covert action", "Mexico"], body: ["The covert action program targets drug cartels."]),
        article("Undated memo on codebreaking", nil, tags: ["Codebreaking"], body: ["Enigma traffic was read at Bletchley Park."]),
        article("Berlin tunnel", day(1956, 4, 22), author: "History desk", category: ["Europe"],
                tags: ["Berlin", "CIA"], body: ["Operation Gold tapped Soviet cables under Berlin."]),
    ]

    static let store = ArticleStore(articles: articles)

    /// Titles of the result, in result order.
    static func titles(_ query: String, sort: SortOrder = .date, in store: ArticleStore = store) throws -> [String] {
        store.evaluate(try Query.parse(query), sort: sort).indices.map { store.articles[Int($0)].title }
    }
}
