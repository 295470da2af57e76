import Foundation
import Testing
@testable import GazetteFeeds

@Suite struct AtomAndJSONReaderTests {
    @Test func bloggerAtomResolvesRelativeLinksAgainstXMLBase() throws {
        let feed = try Fixture.feed("blogger-atom.xml", url: "https://allotment-diary.example/feeds/posts/default")
        #expect(feed.dialect == .atom10)
        #expect(feed.title == "An Allotment Diary")
        #expect(feed.link == "https://allotment-diary.example/")
        #expect(feed.items.count == 2)
        let first = feed.items[0]
        #expect(first.title == "Frost on the broad beans")
        #expect(first.guid == "tag:blogger.com,1999:blog-4412097361550112233.post-771")
        // entry xml:base="2024/03/" under the feed's "https://allotment-diary.example/"
        #expect(first.link == "https://allotment-diary.example/2024/03/frost-on-broad-beans.html")
        #expect(first.authors == ["Elspeth"])
        #expect(first.categories == ["frost", "broad beans"])
        #expect(first.published == FeedDate(year: 2024, month: 3, day: 4, hour: 21, minute: 10, offset: -8 * 3600))
        let body = HTMLText.text(first.contentHTML ?? "", base: first.baseURL)
        #expect(body.contains("https://allotment-diary.example/2024/03/broad-beans-2023.html"))
        let second = feed.items[1]
        #expect(second.title == "Seed potatoes & chitting")
        #expect(second.link == "https://allotment-diary.example/2024/02/seed-potatoes.html")
        #expect(HTMLText.text(second.contentHTML ?? "") == "Egg boxes on the windowsill, rose end up.")
    }

    @Test func atom03ReadsIssuedAndEscapedContent() throws {
        let feed = try Fixture.feed("atom03.xml")
        #expect(feed.dialect == .atom03)
        #expect(feed.title == "Old <Atom> Feed")
        let entry = try #require(feed.items.first)
        #expect(entry.published == FeedDate(year: 2004, month: 5, day: 1, hour: 8, offset: -4 * 3600))
        #expect(entry.authors == ["W. Archer"])
        #expect(HTMLText.text(entry.contentHTML ?? "") == "We have a feed now.")
    }

    @Test func jsonFeedReadsAuthorsTagsAndBothContentKinds() throws {
        let feed = try Fixture.feed("jsonfeed11.json", url: "https://marginalia.example/feed.json")
        #expect(feed.dialect == .jsonFeed11)
        #expect(feed.title == "Marginalia")
        let first = feed.items[0]
        #expect(first.guid == "2024-03-05-footnotes")
        #expect(first.authors == ["Iris Vane", "Tom Quill"])
        #expect(first.categories == ["books", "typography"])
        #expect(first.published == FeedDate(year: 2024, month: 3, day: 5, hour: 9, minute: 5, offset: 3600))
        let second = feed.items[1]
        #expect(second.guid == "17")
        #expect(second.link == "https://marginalia.example/2024/plain")
        #expect(second.authors == ["The Editors"])
        #expect(second.contentText == "First line.\n\nSecond paragraph.")
    }

    /// Atom's default summary type is text: its lines are kept, as `<content type="text">`'s are.
    @Test func atomTextSummaryKeepsItsLines() throws {
        let feed = try Fixture.feed("text-summary-atom.xml")
        let bodies = feed.items.map {
            ArticleFileText(item: $0, feedTitle: feed.title, feedURL: "https://tide.example/feed", subscriptionTags: [],
                            fallbackDate: FeedDate(year: 2024, month: 12, day: 1)).text.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
        }
        #expect(bodies == [
            "First paragraph of a plain-text summary & more.\n\nSecond paragraph, after a blank line.\n  - a dash list line\n  - another <not a tag>\n",
            "One\n\nTwo\n",
            "Line one.\nLine two.\n",
        ])
    }

    @Test func atomEntriesWithoutAnAuthorTakeTheFeeds() throws {
        let feed = try Fixture.feed("text-summary-atom.xml")
        #expect(feed.items.map(\.authors) == [["Harbour Office"], ["Harbour Office"], ["Morwenna Tregear"]])
        let file = ArticleFileText(item: feed.items[0], feedTitle: feed.title, feedURL: "https://tide.example/feed",
                                   subscriptionTags: [], fallbackDate: FeedDate(year: 2024, month: 12, day: 1))
        #expect(file.text.contains("\nAuthor: Harbour Office\n"))
        // An entry's <source> author is another feed's, never the entry's.
        let sourced = FeedParser.parse(Array("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><author><name>Desk</name></author>
            <entry><id>1</id><title>Quoted</title><source><author><name>Elsewhere</name></author></source></entry></feed>
            """.utf8))
        #expect(sourced.items.map(\.authors) == [["Desk"]])
    }

    /// YouTube's channel feeds keep the description and thumbnail in <media:group>.
    @Test func youTubeEntryTakesItsBodyAndThumbnailFromTheMediaGroup() throws {
        let feed = try Fixture.feed("youtube-channel.xml")
        let entry = try #require(feed.items.first)
        #expect(entry.title == "Spring tide & the east wall")
        #expect(entry.enclosures == [Enclosure(url: "https://i1.ytimg.com/vi/tide42/hqdefault.jpg", type: "image")])
        let file = ArticleFileText(item: entry, feedTitle: feed.title, feedURL: "https://www.youtube.com/feeds/videos.xml?channel_id=UCpier",
                                   subscriptionTags: [], fallbackDate: FeedDate(year: 2024, month: 12, day: 1))
        #expect(file.text.hasSuffix("""
            Enclosure: https://i1.ytimg.com/vi/tide42/hqdefault.jpg (image)
            Updated: 2024-12-02T01:00:00Z

            Water over the east wall at 09:12.
            Filmed from the lamp post https://pier.example/cam

            Next spring tide: 15 December.

            """))
    }

    @Test func aSummaryWinsOverAMediaDescription() {
        let xml = """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
            <item><title>A</title><guid>a</guid><description>The summary.</description>
            <media:group><media:description>The media text.</media:description></media:group></item>
            <item><title>B</title><guid>b</guid><media:description type="html">&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;</media:description></item>
            </channel></rss>
            """
        let feed = FeedParser.parse(Array(xml.utf8))
        #expect(feed.items.map { HTMLText.text($0.summaryHTML ?? "") } == ["The summary.", "One\n\nTwo"])
        #expect(feed.items.map(\.summaryText) == [nil, nil])
    }

    @Test func brokenJSONIsAProblemNotACrash() {
        let feed = FeedParser.parse(Array("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [".utf8))
        #expect(feed.items.isEmpty)
        #expect(feed.problems.first?.reason.hasPrefix("not valid JSON") == true)
    }
}
