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
        #expect(feed.items.first?.title == "A&#27;B›C–D") // 0x80–0x9F read as Windows-1252, as browsers do
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
