import GazetteCore
@testable import GazetteUI

/// A small store written for the app tests (not taken from any data file).
enum AppFixture {
    static let location = SourceLocation(path: "app.txt", line: 1)

    static func date(_ y: Int, _ m: Int, _ d: Int) -> ArticleDate {
        ArticleDate(year: y, month: m, day: d, instant: Int64(((y * 12 + m) * 31 + d) * 86_400))
    }

    /// Many short paragraphs, so the reader has pages to scroll through.
    static func body(_ sentence: String, count: Int) -> [String] {
        (1...count).map { "\(sentence) Paragraph \($0) goes on for a while so that it wraps." }
    }

    static let articles: [Article] = [
        Article(title: "Bridge exchange at dawn", date: date(2022, 2, 10), author: "Ann Lee", categories: ["Cold War"],
                tags: ["CIA", "KGB"], paragraphs: body("The harbour was quiet when the cars met.", count: 30), source: location),
        Article(title: "Station notes from Moscow", date: date(2021, 1, 5), author: "Bo Chen", categories: ["Cold War"],
                tags: ["CIA", "Russia"], paragraphs: ["A cable arrived late.", "Nobody read it until spring."], source: location),
        Article(title: "Codebreakers of the long war", date: date(2020, 6, 1), author: "Ann Lee", categories: ["Codebreaking"],
                tags: ["GCHQ"], paragraphs: ["The harbour office held the machines.", "Valves glowed all night."], source: location),
        Article(title: "Hackers in the grid", date: date(2019, 3, 3), author: "Cy Diaz", categories: ["Cyber"],
                tags: ["Russia", "Malware"], paragraphs: ["Power failed in the valley."], source: location),
        Article(title: "A letter without a date", tags: [], paragraphs: ["Dear editor, the ferry is late again."], source: location),
    ]

    static let store = ArticleStore(articles: articles)

    static func state(width: Int = 120, height: Int = 40) -> AppState {
        AppState(store: store, width: width, height: height)
    }

    /// Titles of the list, in order.
    static func titles(_ state: AppState) -> [String] {
        state.result.indices.map { state.store.articles[Int($0)].title }
    }

    /// Title of the selected article.
    static func selectedTitle(_ state: AppState) -> String? {
        state.selectedArticle.map { state.store.articles[$0].title }
    }

    /// Puts the sidebar cursor on `value` of `kind`.
    static func point(_ state: inout AppState, at kind: FacetKind, _ value: String) {
        guard let index = state.sidebar.items.firstIndex(where: { $0.kind == kind && $0.value == value }) else {
            fatalError("no sidebar entry \(kind):\(value)")
        }
        state.sidebar.select(index)
    }

    /// Sends each character of `text` to the prompt.
    static func type(_ text: String, into state: inout AppState) {
        for character in text { _ = reduce(&state, .promptInsert(character)) }
    }

    /// The sidebar count of a value, or nil when it is not listed.
    static func count(_ state: AppState, _ kind: FacetKind, _ value: String) -> Int? {
        state.sidebar.items.first { $0.kind == kind && $0.value == value }?.count
    }
}
