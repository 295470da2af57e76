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
        On Thu, 29 Apr 1993, mh@range.example (Mo Hale) wrote:
        > > The count was held at T-9 for the range safety officer, again.
        > That makes four holds this month; the board wants a memo by Friday.
        >
        > Holds so far:
        >   Apr 02   T-9    range safety      45 min
        >   Apr 19   T-20   telemetry drop    2 h 10

        The memo went out anyway.  Nobody on the board has read it yet,
        as far as the desk can tell.
            Engineers said the valve would be swapped before the next window.

        Open items:
        * a spare sensor for the
          upper stage
        * the tower crew roster

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
