import Foundation
import Testing
@testable import GazetteFeeds

/// The libxml2 layer on its own, with the DOCTYPE left in (the preflight removes it first in real
/// use): no entity is ever expanded and no external file is ever read.
@Suite struct LibXMLRefusalTests {
    /// Every character of text the parser hands over.
    final class TextCollector: XMLEventHandler {
        var text: [UInt8] = []
        var elements: [String] = []
        var problems = 0
        func startElement(name: String, namespace: String, attributes: [String: String]) {
            elements.append(name)
            for value in attributes.values { text.append(contentsOf: value.utf8) }
        }
        func endElement(_ tag: XMLEndTag) {}
        func characters(_ bytes: UnsafeBufferPointer<UInt8>) { text.append(contentsOf: bytes) }
        func problem(line: Int, column: Int, code: Int) { problems += 1 }
        var string: String { String(decoding: text, as: UTF8.self) }
    }

    @Test func billionLaughsIsNotExpanded() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n"
        xml += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        for level in 2...9 { xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n" }
        xml += "]>\n<rss><channel><title>Laughs &lol9; end</title><description a=\"&lol9;\">x</description></channel></rss>\n"
        let collector = TextCollector()
        let clock = ContinuousClock()
        let elapsed = clock.measure { LibXMLSAX.parse(Array(xml.utf8), handler: collector) }
        #expect(elapsed < .seconds(2))
        #expect(collector.elements == ["rss", "channel", "title", "description"])
        #expect(!collector.string.contains("lol"))
        #expect(collector.text.count < 100)
        #expect(collector.problems > 0) // the undeclared-for-us entity is reported
    }

    @Test func externalEntitiesAndDTDsAreNeverRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("secret.txt")
        try "SECRET-IN-FILE".write(to: secret, atomically: true, encoding: .utf8)
        let dtd = folder.appendingPathComponent("evil.dtd")
        try "<!ENTITY fromdtd \"SECRET-FROM-DTD\">".write(to: dtd, atomically: true, encoding: .utf8)
        let parameter = folder.appendingPathComponent("param.ent")
        try "<!ENTITY fromparam \"SECRET-FROM-PARAMETER\">".write(to: parameter, atomically: true, encoding: .utf8)
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "\(dtd.absoluteString)" [
            <!ENTITY file SYSTEM "\(secret.absoluteString)">
            <!ENTITY % param SYSTEM "\(parameter.absoluteString)">
            %param;
            ]>
            <rss><channel><title>a&file;b&fromdtd;c&fromparam;d</title></channel></rss>
            """
        let collector = TextCollector()
        LibXMLSAX.parse(Array(xml.utf8), handler: collector)
        #expect(collector.elements == ["rss", "channel", "title"])
        #expect(!collector.string.contains("SECRET"))
        #expect(collector.string.contains("a"))
        // And the whole feed path says the same.
        let feed = FeedParser.parse(Array(xml.utf8))
        #expect(!feed.title.contains("SECRET"))
    }

    @Test func recoveryReadsPastAnErrorAndReportsIt() {
        let xml = "<rss><channel><title>One</title><item><title>A</title><p>unclosed</item><item><title>B</title></item></channel></rss>"
        let collector = TextCollector()
        let wellFormed = LibXMLSAX.parse(Array(xml.utf8), handler: collector)
        #expect(!wellFormed)
        #expect(collector.problems > 0)
        #expect(collector.string.contains("B")) // read on after the damage
    }

    @Test func ampersandsInAttributesComeBackAsWritten() {
        let xml = "<feed><link href=\"http://x.example/?a=1&amp;b=2&#38;c=3\"/></feed>"
        final class Links: XMLEventHandler {
            var hrefs: [String] = []
            func startElement(name: String, namespace: String, attributes: [String: String]) {
                if let href = attributes["href"] { hrefs.append(href) }
            }
            func endElement(_ tag: XMLEndTag) {}
            func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
            func problem(line: Int, column: Int, code: Int) {}
        }
        let links = Links()
        LibXMLSAX.parse(Array(xml.utf8), handler: links)
        #expect(links.hrefs == ["http://x.example/?a=1&b=2&c=3"])
    }
}
