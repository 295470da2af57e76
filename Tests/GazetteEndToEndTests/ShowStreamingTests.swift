import Foundation
import GazetteCore
import GazetteUI
import Testing

/// `gazette show` streams a long article block by block; what it prints is byte for byte what
/// the whole layout (`ArticleTextRenderer.render`) makes of it.
@Suite struct ShowStreamingTests {
    /// About `megabytes` MB of news text in the shapes the reader knows, and a signature.
    static func longArticle(megabytes: Double) -> String {
        let unit = """
        In article <1993Apr28.1402@cs.example> kb@cs.example (Kay Bell) writes:
        >In article <C6A2x1@news.example> dtr@news.example writes:
        >>The spring launches will all slip; the pad crews are stretched far
        >>too thin to turn two vehicles around in three weeks.
        >
        >They already published the dates:
        >
        >  April 27  STS-55   Columbia    Spacelab D2
        >  May 19    Titan    IV          classified

            Shares of Kestrel Lawn Corp shot up 11-1/2 to 39-1/2 in heavy
        trading after Waste Haulers Inc offered 27 dlrs a share.
            Kestrel said it had not received the offer.

        Things to check:
        - the valve sensor on the
          second stage
        - the weather

        A long paragraph of plain words follows here, wrapping over several lines of the terminal, \
        with a wide word such as 東京都 in it and an escape \u{1B}[2J that must never reach the screen.


        """
        let header = "Title: The longest thread\nDate: 1993-04-28\nAuthor: Kay Bell\nTags: launch, space\n\n"
        let count = Int(megabytes * 1_048_576) / unit.utf8.count
        return header + String(repeating: unit, count: count) + "-- \nKay Bell, Cape desk\n"
    }

    @Test func showOfALongArticleIsTheWholeLayoutByteForByte() throws {
        let archive = try TemporaryArchive()
        try archive.write("articles/long.txt", Self.longArticle(megabytes: 2.5))
        try archive.write("articles/short.txt", "Title: A short note\nDate: 1993-05-01\n\nNothing much.\n")
        let store = ArticleStore(articles: try ArchiveLoader.load(directories: [archive.path]).articles)
        let index = try #require(store.articles.firstIndex { $0.title == "The longest thread" })
        let article = store.articles[index]
        for width in [72, 40] {
            let expected = ArticleTextRenderer.render(
                article, tags: store.tagDisplayNames(ofArticle: index), width: width,
                thread: ReaderThread.of(index, in: store, keysShown: false))
            let run = try CommandLineRun.gazette(["show", article.id.description, "--width", String(width), "--data", archive.path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdoutBytes.count > 2_000_000)
            #expect(run.stdoutBytes == Data(expected.utf8), "show --width \(width) streams what the whole layout makes")
            #expect(run.stdout.hasSuffix("-- \nKay Bell, Cape desk\n"), "the signature closes it")
            #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B }, "no escape reaches the terminal")
        }
    }
}
