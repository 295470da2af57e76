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

/// Bodies in the shapes of real mail, news and wire archives, as source lines (written for the
/// tests). `paragraphs: [text]` with newlines inside keeps the text exactly as the body.
enum SampleBodies {
    static let usenetReply = Article(
        title: "Re: Launch schedule for the spring",
        date: Sample.date(1993, 4, 28),
        author: "Tom Rourke <rourke@lab.example>",
        tags: ["sci.space"],
        extraHeaders: [
            HeaderField(name: "Path", value: "news.example!lab.example!rourke"),
            HeaderField(name: "Organization", value: "Lakeside Physics Lab"),
            HeaderField(name: "Message-ID", value: "<1993Apr28.0930@lab.example>"),
            HeaderField(name: "References", value: "<C6A2x1.8Jq@news.example> <1993Apr28.1402@cs.umbc.example>"),
            HeaderField(name: "Lines", value: "21"),
            HeaderField(name: "NNTP-Posting-Host", value: "lab.example"),
        ],
        paragraphs: ["""
        In article <1993Apr28.1402@cs.umbc.example> kbell@umbc.example (Kay Bell) writes:
        >In article <C6A2x1.8Jq@news.example> dtr@news.example writes:
        >>The spring launches will all slip; the pad crews are stretched far
        >>too thin to turn two vehicles around in three weeks.
        >
        >They already published the dates:
        >
        >  Date      Flight   Vehicle     Payload
        >  April 27  STS-55   Columbia    Spacelab D2, a long German science mission
        >  May 19    Titan    IV          classified
        >
        >Read the release before posting.

        Dates on a release are not dates on the pad.  Ask anyone who
        worked the 1986 manifest.

        --
        Tom Rourke        | "Ad astra per aspera,
        rourke@lab.example |  mostly aspera"
        """],
        source: Sample.location
    )

    static let wireStory = Article(
        title: "Kestrel Lawn shares soar on takeover offer",
        date: Sample.date(1987, 3, 2),
        author: "Wire desk",
        paragraphs: ["""
            Shares of Kestrel Lawn Corp shot up 11-1/2 to 39-1/2 in heavy
        trading after Waste Haulers Inc offered 27 dlrs a share, or about
        270 mln dlrs, for the company.
            Kestrel said it had not received the offer.
            Analysts said the bid was low and expected a higher one within
        weeks, perhaps from a rival bidder.
            Kestrel reported first quarter results of:
            Shr 1.23 dlrs vs 1.01 dlrs
            Net 12.4 mln vs 9.8 mln
        """],
        source: Sample.location
    )
}
