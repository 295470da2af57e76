import Foundation
import GazetteCore
import Testing
@testable import GazetteFeeds

@Suite struct ArticleFileTextTests {
    private let now = FeedDate(year: 2024, month: 3, day: 9, hour: 12)

    @Test func wordPressItemRoundTripsThroughTheCanonicalLoader() throws {
        let feed = try Fixture.feed("wordpress-rss2.xml", url: "https://harbour.example/feed/")
        let file = ArticleFileText(item: feed.items[0], feedTitle: feed.title, feedURL: "https://harbour.example/feed/",
                                   subscriptionTags: ["sea", "Weather"], fallbackDate: now)
        #expect(file.relativePath == "2024/03/2024-03-05-fog-signals-decoded.txt")
        #expect(file.text.hasPrefix("""
            Title: Fog signals, decoded
            Date: 2024-03-05T17:30:00Z
            Author: Morwenna Tregear
            Link: https://harbour.example/2024/03/fog-signals-decoded/
            Tags: Signals, Weather, sea
            Category: Harbour Lights – notes from the signal station
            Feed: https://harbour.example/feed/
            Guid: https://harbour.example/?p=1187

            A long blast and two short ones
            """))
        let parsed = CanonicalFormat.parse(file.text, path: "x.txt")
        #expect(parsed.warnings.isEmpty)
        let article = try #require(parsed.articles.first)
        #expect(article.title == "Fog signals, decoded")
        #expect(article.date?.isoDay == "2024-03-05")
        #expect(article.author == "Morwenna Tregear")
        #expect(article.tags == ["Signals", "Weather", "sea"])
        #expect(article.categories == ["Harbour Lights – notes from the signal station"])
        #expect(article.link == "https://harbour.example/2024/03/fog-signals-decoded/")
        #expect(article.extraHeaders.contains(HeaderField(name: "Guid", value: "https://harbour.example/?p=1187")))
        let body = String(decoding: article.bodyUTF8, as: UTF8.self)
        #expect(body.contains("> “Sound one prolonged blast at intervals of not more than two minutes.”"))
        #expect(body.contains("- Two long: making no way"))
        #expect(body.contains("[image: The breakwater horn at dusk]"))
        #expect(body.contains("[1] https://harbour.example/rules/35/"))
        #expect(!body.contains("trackReader"))
        #expect(!body.contains("<"))
    }

    @Test func everyFixtureItemLoadsBackWithItsTitleAndDay() throws {
        for name in ["blogger-atom.xml", "rdf-rss10.xml", "podcast.xml", "jsonfeed11.json", "atom03.xml", "broken.xml",
                     "windows1252-as-latin1.xml", "utf16.xml", "rss091.xml"] {
            let feed = try Fixture.feed(name)
            for item in feed.items {
                let file = ArticleFileText(item: item, feedTitle: feed.title, feedURL: "https://feeds.example/f",
                                           subscriptionTags: [], fallbackDate: now)
                let article = try #require(CanonicalFormat.parse(file.text, path: name).articles.first, "\(name)")
                #expect(article.title == (item.title.isEmpty ? "(untitled)" : item.title), "\(name)")
                #expect(article.date?.isoDay == (item.date ?? now).isoDay, "\(name)")
                #expect(!file.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(name)")
            }
        }
    }

    @Test func podcastEnclosuresBecomeHeaders() throws {
        let feed = try Fixture.feed("podcast.xml")
        let file = ArticleFileText(item: feed.items[0], feedTitle: "Night Watch Radio", feedURL: "https://n.example/rss",
                                   subscriptionTags: [], fallbackDate: now)
        #expect(file.text.contains("Enclosure: https://cdn.nightwatch.example/ep42.mp3 (audio/mpeg)\n"))
        #expect(file.text.contains("Date: 2024-03-05T09:05:00-05:00\n"))
        #expect(file.text.hasSuffix("\n\nThree keepers, one rock, no relief boat for nine weeks.\n"))
    }

    @Test(arguments: ["../../etc/passwd", "a/b\\c", "..", "\u{1B}[2J\u{07}", String(repeating: "Très long titre ", count: 700), "東京", ""])
    func hostileTitlesGiveShortSafeNames(_ title: String) {
        var item = FeedItem()
        item.title = title
        item.guid = "id-\(title.count)"
        item.published = FeedDate(year: 2024, month: 3, day: 5)
        let file = ArticleFileText(item: item, feedTitle: "F", feedURL: "u", subscriptionTags: [], fallbackDate: now)
        let parts = file.relativePath.split(separator: "/")
        #expect(parts.count == 3)
        #expect(parts[0] == "2024" && parts[1] == "03")
        let name = String(parts[2])
        #expect(name.hasPrefix("2024-03-05-") && name.hasSuffix(".txt"))
        #expect(name.count <= 11 + SafeFileName.maxSlug + 4)
        #expect(name.unicodeScalars.allSatisfy { ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value >= 0x61 && $0.value <= 0x7A) || $0 == "-" || $0 == "." })
        #expect(!name.contains(".."))
        #expect(!file.text.contains("\u{1B}"))
        let header = file.text.split(separator: "\n").first ?? ""
        #expect(header.count <= 1000 + "Title: ".count)
    }

    /// Found by the `feed` fuzzer: a word boundary at character 60 made a 61-character slug.
    @Test func slugsNeverPassTheLimitAtAWordBoundary() {
        let title = String(repeating: "a", count: 59) + " bcd efg"
        #expect(SafeFileName.slug(title, fallback: "x") == String(repeating: "a", count: 59))
        for length in 50...70 {
            let slug = SafeFileName.slug(String(repeating: "ab ", count: length), fallback: "x")
            #expect(slug.count <= SafeFileName.maxSlug)
            #expect(!slug.hasSuffix("-"))
        }
    }

    @Test func undatedItemsUseTheFallbackAndIdentityFallsBackToTheLink() {
        var item = FeedItem()
        item.title = "No date"
        item.link = "https://x.example/a"
        let file = ArticleFileText(item: item, feedTitle: "", feedURL: "u", subscriptionTags: [], fallbackDate: now)
        #expect(file.identity == "https://x.example/a")
        #expect(file.relativePath == "2024/03/2024-03-09-no-date.txt")
        #expect(!file.text.contains("Category:"))
    }

    /// Every date the feed reader accepts is filed so that the article loads back on that day: the
    /// zone bounds of the two readers agree (a feed's `+40:00` once filed a date the loader dropped).
    @Test func everyAcceptedDateLoadsBackOnItsDay() throws {
        var checked = 0
        for hours in [0, 1, 9, 12, 14, 15, 23, 40, 99] {
            for minutes in [0, 30, 59, 60, 99] {
                for sign in ["+", "-"] {
                    for text in [String(format: "2024-03-05T23:59:60%@%02d:%02d", sign, hours, minutes),
                                 String(format: "2024-12-31T00:00%@%02d%02d", sign, hours, minutes),
                                 String(format: "Tue, 05 Mar 2024 09:05:00 %@%02d%02d", sign, hours, minutes)] {
                        guard let date = FeedDateParser.parse(text) else { continue }
                        var item = FeedItem()
                        item.title = "Dated"
                        item.published = date
                        let file = ArticleFileText(item: item, feedTitle: "", feedURL: "u", subscriptionTags: [], fallbackDate: now)
                        let article = try #require(CanonicalFormat.parse(file.text, path: "x.txt").articles.first, "\(text)")
                        #expect(article.date?.isoDay == date.isoDay, "\(text) filed as \(date.iso8601)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 5 * 3 * 2 * 3)  // hours 0–14 with minutes below 60, both signs, all three forms
    }
}
