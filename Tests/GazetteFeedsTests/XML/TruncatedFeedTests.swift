import Foundation
import Testing
@testable import GazetteFeeds

/// A document that stops early (a cut-off download, the size cap) gives its complete items only.
@Suite struct TruncatedFeedTests {
    @Test func anItemWhoseEndTagNeverCameIsNotHandedOn() throws {
        let feed = try Fixture.feed("cut-off-rss.xml")
        #expect(feed.items.map(\.guid) == ["pier-1"])
        #expect(feed.items.map(\.title) == ["Ferry times"])
        #expect(feed.truncated)
        #expect(feed.problems.contains { $0.reason == "truncated: the document ended inside an item; that item was not written" })
    }

    @Test func aWholeFeedIsNotTruncated() throws {
        let feed = try Fixture.feed("whole-rss.xml")
        #expect(feed.items.map(\.guid) == ["pier-1", "pier-2", "pier-3"])
        #expect(!feed.truncated)
        #expect(feed.problems.isEmpty)
    }

    /// Cut at every byte: each item handed on is the whole feed's item, exactly the items whose end
    /// tag arrived are handed on, and the feed is called truncated when one had begun after them.
    @Test(arguments: ["whole-rss.xml", "prefixed-atom"])
    func everyCutGivesOnlyWholeItems(_ name: String) throws {
        let atom = name == "prefixed-atom"
        let whole = atom ? Array(Self.prefixedAtom.utf8) : try Fixture.bytes(name)
        let full = FeedParser.parse(whole)
        try #require(full.items.count == 3)
        let element = atom ? "a:entry" : "item"
        for cut in 0...whole.count {
            let prefix = String(decoding: whole[..<cut], as: UTF8.self)
            let feed = FeedParser.parse(Array(whole[..<cut]))
            let closed = Self.count("</\(element)\\s*>", in: prefix)
            #expect(feed.items == Array(full.items.prefix(closed)), "cut at \(cut)")
            if Self.count("<\(element)>", in: prefix) > closed { #expect(feed.truncated, "cut at \(cut)") }
            if Self.count("<\(element)", in: prefix) == closed { #expect(!feed.truncated, "cut at \(cut)") }
        }
    }

    static func count(_ pattern: String, in text: String) -> Int {
        (try? NSRegularExpression(pattern: pattern).numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))) ?? -1
    }

    static let prefixedAtom = """
        <a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Prefixed</a:title>
        <a:entry><a:id>urn:1</a:id><a:title>One</a:title><a:updated>2024-12-02T09:00:00Z</a:updated></a:entry >
        <a:entry><a:id>urn:2</a:id><a:title>Two</a:title><a:content type="text">Line one.
        Line two.</a:content></a:entry>
        <a:entry><a:id>urn:3</a:id><a:title>Three</a:title></a:entry>
        </a:feed>
        """
}
