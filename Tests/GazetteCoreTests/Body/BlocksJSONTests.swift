import Foundation
import Testing
@testable import GazetteCore

@Suite struct BlocksJSONTests {
    @Test func jsonOnATerminalCarriesNoControlOrBidiCharacterRaw() throws {
        // U+009B is a one-byte CSI to xterm; U+202E reverses what follows; both arrive in scraped titles.
        let title = "Pay\u{9B}2J \u{202E}gnp.exe\u{2028}x é ✓"
        let article = Article(title: title, source: SourceLocation(path: "t.txt", line: 1))
        let data = try ArticleJSON.encode(ArticleJSON.summary(of: article, tags: []))
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0x202E || $0.value == 0x2028 })
        #expect(text.contains(#"Pay\u009b2J \u202egnp.exe\u2028x é ✓"#), "\(text)")
        // The same string when read back.
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["title"] as? String == title)
    }

    @Test func showJSONKeepsTheSourceTextAndAddsTheBlocks() throws {
        let source = "Ann Lee writes:\n> Is the table right?\n\nName   Score\nAnn       12\nBo         9\n\n- first\n- second"
        let article = Article(title: "Scores", paragraphs: [source], source: SourceLocation(path: "s.txt", line: 1))
        let data = try ArticleJSON.encode(ArticleJSON.detail(of: article, tags: []))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["body"] as? String == source)
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["kind"] as? String } == ["attribution", "paragraph", "preformatted", "list-item", "list-item"])
        #expect(blocks.map { $0["level"] as? Int } == [0, 1, 0, 0, 0])
        #expect(blocks[1]["text"] as? String == "Is the table right?")
        #expect(blocks[2]["lines"] as? [String] == ["Name   Score", "Ann       12", "Bo         9"])
        #expect(blocks[2]["text"] as? String == "Name   Score\nAnn       12\nBo         9")
        #expect(blocks[3]["marker"] as? String == "-")
        #expect(blocks[0]["marker"] is NSNull, "every key is present; absent values are null")
    }
}
