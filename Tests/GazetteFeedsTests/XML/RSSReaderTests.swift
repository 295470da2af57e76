import Foundation
import Testing
@testable import GazetteFeeds

@Suite struct RSSReaderTests {
    @Test func wordPressFeedGivesContentEncodedCreatorCategoriesAndGuid() throws {
        let feed = try Fixture.feed("wordpress-rss2.xml", url: "https://harbour.example/feed/")
        #expect(feed.dialect == .rss20)
        #expect(feed.title == "Harbour Lights – notes from the signal station")
        #expect(feed.link == "https://harbour.example")
        #expect(feed.problems.isEmpty)
        #expect(feed.items.count == 2)
        let first = feed.items[0]
        #expect(first.title == "Fog signals, decoded")
        #expect(first.guid == "https://harbour.example/?p=1187")
        #expect(first.link == "https://harbour.example/2024/03/fog-signals-decoded/")
        #expect(first.authors == ["Morwenna Tregear"])
        #expect(first.categories == ["Signals", "Weather"])
        #expect(first.published == FeedDate(year: 2024, month: 3, day: 5, hour: 17, minute: 30))
        #expect(first.contentHTML?.hasPrefix("<p>A long blast") == true)
        #expect(first.summaryHTML?.contains("Continue reading") == true)
        #expect(feed.items[1].title == "Tide tables for March & April")
    }

    @Test func rdfFeedReadsDublinCoreDateCreatorAndSubjects() throws {
        let feed = try Fixture.feed("rdf-rss10.xml")
        #expect(feed.dialect == .rss10)
        #expect(feed.title == "Parish Bulletin")
        #expect(feed.items.map(\.title) == ["Bell-ringing practice moves to Thursday", "Jumble sale"])
        let first = feed.items[0]
        #expect(first.guid == "http://bulletin.example/notices/bell-ringing")
        #expect(first.authors == ["The Verger"])
        #expect(first.categories == ["bells", "tower"])
        // `2024-03-05T09:05`: no seconds, no zone.
        #expect(first.published == FeedDate(year: 2024, month: 3, day: 5, hour: 9, minute: 5, offset: nil))
        #expect(feed.items[1].published?.isoDay == "2024-02-28")
    }

    @Test func podcastFeedKeepsEnclosuresItunesAuthorAndOddDates() throws {
        let feed = try Fixture.feed("podcast.xml")
        let episode = feed.items[0]
        #expect(episode.title == "Episode 42: Lighthouse keepers")
        #expect(episode.authors == ["Dafydd Rowlands"])
        #expect(episode.summaryHTML == "Three keepers, one rock, no relief boat for nine weeks.")
        #expect(episode.categories == ["lighthouses", "history"])
        #expect(episode.enclosures.map(\.url) == ["https://cdn.nightwatch.example/ep42.mp3", "https://cdn.nightwatch.example/ep42-cover.jpg"])
        #expect(episode.enclosures.first?.type == "audio/mpeg")
        // `Tue, 5 Mar 2024 9:05 EST`
        #expect(episode.published == FeedDate(year: 2024, month: 3, day: 5, hour: 9, minute: 5, offset: -5 * 3600))
        // `Tues, 27 Feb 24 21:00 PDT`
        #expect(feed.items[1].published == FeedDate(year: 2024, month: 2, day: 27, hour: 21, minute: 0, offset: -7 * 3600))
    }

    @Test func rss091WithNetscapeDoctypeReads() throws {
        let feed = try Fixture.feed("rss091.xml")
        #expect(feed.dialect == .rss090)
        #expect(feed.items.map(\.title) == ["Timetable change"])
        #expect(feed.items[0].identity == "http://station.example/timetable")
    }

    @Test func windows1252MislabelledAsLatin1KeepsCurlyQuotesAndEuro() throws {
        let feed = try Fixture.feed("windows1252-as-latin1.xml")
        #expect(feed.title == "Café Society")
        #expect(feed.items.first?.title == "“Prices” up – €3 a cup")
        #expect(feed.items.first?.summaryHTML == "Naïve customers pay.")
    }

    @Test func httpCharsetWinsOverTheProlog() throws {
        let bytes: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><title>".utf8) + [0x43, 0x61, 0x66, 0xE9]
            + Array("</title></channel></rss>".utf8)
        let feed = FeedParser.parse(bytes, contentType: "application/rss+xml; charset=ISO-8859-1")
        #expect(feed.title == "Café")
        #expect(feed.problems.isEmpty)
    }

    @Test func invalidUTF8IsReadAsWindows1252AndReported() {
        let bytes: [UInt8] = Array("<rss><channel><title>Caf".utf8) + [0xE9] + Array("</title></channel></rss>".utf8)
        let feed = FeedParser.parse(bytes)
        #expect(feed.title == "Café")
        #expect(feed.problems.map(\.reason) == ["not valid UTF-8; read as Windows-1252"])
    }

    @Test func rssTitlesWithEscapedMarkupShowTheTextNotTheTags() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>&lt;b&gt;Nightly&lt;/b&gt; Wire</title>
            <item><title>&lt;em&gt;Breaking:&lt;/em&gt; harbour closed &amp;amp; ferries stopped</title><guid>1</guid></item>
            <item><title><![CDATA[It&#8217;s <strong>official</strong>]]></title><guid>2</guid></item>
            <item><title>Why &lt;div&gt; soup is bad &amp; a &lt; b &gt; c</title><guid>3</guid></item>
            <item><title>Line one&lt;br/&gt;line two</title><guid>4</guid></item>
            </channel></rss>
            """
        let feed = FeedParser.parse(Array(xml.utf8))
        #expect(feed.title == "Nightly Wire")
        #expect(feed.items.map(\.title) == [
            "Breaking: harbour closed & ferries stopped",
            "It’s official",
            // No inline element closes: the title is text, its characters as written.
            "Why <div> soup is bad & a < b > c",
            "Line one line two",
        ])
    }

    @Test func itemsWithoutAnAuthorTakeThePodcastsChannelAuthor() {
        let xml = """
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
            <title>Night Watch</title><managingEditor>desk@nightwatch.example (The Desk)</managingEditor>
            <itunes:author>Dafydd Rowlands</itunes:author>
            <item><title>Episode 41</title><guid>41</guid></item>
            <item><title>Episode 42</title><guid>42</guid><itunes:author>Guest Host</itunes:author></item>
            </channel></rss>
            """
        let feed = FeedParser.parse(Array(xml.utf8))
        #expect(feed.items.map(\.authors) == [["Dafydd Rowlands"], ["Guest Host"]])
        // An editor's address is not who wrote the items.
        let edited = FeedParser.parse(Array(xml.replacingOccurrences(of: "<itunes:author>Dafydd Rowlands</itunes:author>", with: "").utf8))
        #expect(edited.items.first?.authors == [])
    }

    @Test func utf16WithBOMReads() throws {
        let feed = try Fixture.feed("utf16.xml")
        #expect(feed.title == "日刊 Weekly")
        #expect(feed.items.first?.title == "東京 notes")
    }

    @Test func brokenFeedIsReadAsFarAsPossibleAndTheProblemHasALine() throws {
        let feed = try Fixture.feed("broken.xml")
        #expect(feed.title == "Smith & Sons Gazette")
        #expect(feed.items.first?.title == "Prices up at the mill — again")
        #expect(feed.items.first?.link == "http://smith.example/mill?a=1&b=2")
        try #require(feed.items.count >= 2)
        #expect(feed.items[1].title == "Second item after the damage")
        let notWellFormed = try #require(feed.problems.first { $0.reason.contains("not well-formed") })
        #expect(notWellFormed.line >= 9)
        #expect(feed.problems.contains { $0.reason.contains("bare or unknown '&'") })
    }

    @Test func notAFeedSaysSo() {
        let feed = FeedParser.parse(Array("<html><body>Hello</body></html>".utf8))
        #expect(feed.items.isEmpty)
        #expect(feed.problems.first?.reason == "not a feed (root element <html>)")
        #expect(FeedParser.parse([]).problems.map(\.reason) == ["empty document"])
    }

    @Test func itemsStreamOneAtATime() {
        var xml = "<rss version=\"2.0\"><channel><title>Many</title>"
        for index in 0..<20_000 { xml += "<item><title>Item \(index)</title><guid>g\(index)</guid></item>" }
        xml += "</channel></rss>"
        var count = 0, lastTitle = ""
        let feed = FeedParser.parse(Array(xml.utf8)) { item, feed in
            count += 1
            lastTitle = item.title
            #expect(feed.title == "Many")
        }
        #expect(count == 20_000)
        #expect(lastTitle == "Item 19999")
        #expect(feed.items.isEmpty) // nothing was collected
    }
}
