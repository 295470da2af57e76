import Foundation
import Testing
@testable import GazetteFeeds

@Suite struct HostileFeedTests {
    @Test func billionLaughsIsRefusedWithoutExpanding() throws {
        let clock = ContinuousClock()
        var feed = Feed()
        let elapsed = try clock.measure { feed = try Fixture.feed("entity-bomb.xml") }
        #expect(elapsed < .seconds(2))
        #expect(feed.problems.first?.reason == "DOCTYPE declares entities; ignored (no entity is expanded or fetched)")
        // The reference stays as written text; nothing was expanded.
        #expect(feed.title == "&lol9;")
        #expect(feed.items.first?.title == "Laughs &lol9;")
    }

    @Test func externalEntitiesAreNeverResolved() throws {
        let feed = try Fixture.feed("external-entity.xml")
        #expect(feed.title == "Ext &secret;")
        #expect(feed.items.first?.title == "T &remote;")
        #expect(!feed.title.contains("root:"))
    }

    @Test func theXMLParserItselfRefusesExternalEntitiesWithoutThePreflight() {
        // Defence in depth: even with the DOCTYPE left in, the reader does not resolve them.
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><title>a&x;b</title></channel></rss>"
        let reader = XMLFeedReader(feedURL: nil) { _, _ in }
        reader.read(Array(xml.utf8))
        #expect(!reader.feed.title.contains("root"))
    }

    @Test func controlCharactersNeverReachTitles() {
        let xml = "<rss><channel><title>Bell\u{07}\u{1B}[31m red</title><item><title>A&#27;B&#x9b;C&#150;D</title></item></channel></rss>"
        let feed = FeedParser.parse(Array(xml.utf8))
        #expect(feed.title == "Bell[31m red")
        #expect(feed.items.first?.title == "AB›C–D") // 0x80–0x9F read as Windows-1252, as browsers do
    }

    /// `&#x1b;[31m` and friends are never text: dropped everywhere, not shown as written.
    @Test func referencesToControlCharactersAreDroppedEverywhere() {
        let refs = "&#x1b;[31m red&#7;&#0;&#xD800;&#1114112;&#X1B;"
        let xml = """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Feed \(refs)</title><item><title>Title \(refs)</title><guid>x</guid>
            <dc:creator>Author \(refs)</dc:creator><category>Tag \(refs)</category>
            <description>&lt;p&gt;Teaser \(refs.replacingOccurrences(of: "&", with: "&amp;"))&lt;/p&gt;</description>
            <content:encoded><![CDATA[<p>Body \(refs) <a href="https://x.example/?a=1&#0;">link</a></p>]]></content:encoded>
            </item></channel></rss>
            """
        let feed = FeedParser.parse(Array(xml.utf8))
        #expect(feed.title == "Feed [31m red")
        let item = feed.items[0]
        #expect(item.title == "Title [31m red")
        #expect(item.authors == ["Author [31m red"])
        #expect(item.categories == ["Tag [31m red"])
        #expect(HTMLText.text(item.summaryHTML ?? "") == "Teaser [31m red")
        #expect(HTMLText.text(item.contentHTML ?? "").hasPrefix("Body [31m red link [1]"))
        let file = ArticleFileText(item: item, feedTitle: feed.title, feedURL: "https://x.example/feed", subscriptionTags: [],
                                   fallbackDate: FeedDate(year: 2024, month: 3, day: 5))
        #expect(!file.text.contains("&#"))
        #expect(!file.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        // Counted as what they are, not as bare ampersands.
        #expect(feed.problems.map(\.reason) == ["24 references to control or invalid characters dropped"])
    }

    @Test func referencesToTextAndUnknownOnesAreKept() {
        let feed = FeedParser.parse(Array("<rss><channel><title>&#9;A&#233;&#x2014;&#10;&bogus;&#;&#x;&#12a;</title></channel></rss>".utf8))
        #expect(feed.title == "Aé— &bogus;&#;&#x;&#12a;")
        #expect(HTMLText.decodeEntities("a&#x1b;b&#12a;c&#65;") == "ab&#12a;cA")
    }
}

/// Inputs the `feed` fuzzer found.
@Suite struct FeedFuzzRegressionTests {
    @Test func aTitleSpanningLinesBecomesOneLine() {
        let xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Feed\r\n  title</title><entry><title>Early\r\n days\n</title><id>x</id></entry></feed>"
        let feed = FeedParser.parse(Array(xml.utf8))
        #expect(feed.title == "Feed title")
        #expect(feed.items.first?.title == "Early days")
    }
}
