import GazetteCore
import GazetteUI

/// Articles used by the view tests (written for the tests, not taken from any data file).
enum Sample {
    static let location = SourceLocation(path: "sample.txt", line: 1)

    static func date(_ y: Int, _ m: Int, _ d: Int) -> ArticleDate {
        ArticleDate(year: y, month: m, day: d, instant: 0)
    }

    static let article = Article(
        title: "Harbour lights dim as the night ferry is retired",
        date: date(2024, 3, 9),
        author: "Mara Quill",
        categories: ["Local"],
        tags: ["Ferries", "Harbour"],
        comments: 3,
        extraHeaders: [HeaderField(name: "Source", value: "Coast Desk")],
        paragraphs: [
            "THE LAST CROSSING left the pier at eleven, half empty, with the band playing on deck.",
            "Regulars said the timetable had been thinning for years.",
        ],
        leadInLength: 17,
        related: ["Bridge tolls to rise in spring, council says after a long debate."],
        source: location
    )

    static let wide = Article(
        title: "東京の夜 🌃 and naïve café",
        date: date(2023, 12, 1),
        tags: ["日本"],
        paragraphs: ["日本語の文章はスペースなしで折り返されます。Mixed with English words and emoji 👩‍👩‍👧 flags 🇯🇵 too."],
        source: location
    )

    static let hostile = Article(
        title: "Evil \u{1B}[2J title\u{07}",
        author: "\u{9B}31m",
        tags: ["\u{202E}gat"],
        paragraphs: ["Body with OSC \u{1B}]0;pwned\u{07} and CR\rLF\n and DEL\u{7F}."],
        source: location
    )

    static let rows: [ArticleListRow] = [
        ArticleListRow(date: "2024-03-09", title: "Harbour lights dim as the night ferry is retired", tags: ["Ferries", "Harbour"]),
        ArticleListRow(date: "2024-02-28", title: "Council approves bridge tolls", tags: ["Council"]),
        ArticleListRow(date: nil, title: "Undated letter from a reader", tags: []),
        ArticleListRow(date: "2023-12-01", title: "東京の夜 🌃 and naïve café", tags: ["日本"]),
    ]

    static let sections: [SidebarSection] = [
        SidebarSection(kind: .tag, entries: [
            SidebarEntry(value: "Ferries", count: 12, mark: .included),
            SidebarEntry(value: "Harbour", count: 7),
            SidebarEntry(value: "Russia", count: 0, mark: .excluded),
            SidebarEntry(value: "Weather", count: 0),
        ]),
        SidebarSection(kind: .year, entries: [
            SidebarEntry(value: "2024", count: 15),
            SidebarEntry(value: "2023", count: 4),
        ]),
    ]
}
