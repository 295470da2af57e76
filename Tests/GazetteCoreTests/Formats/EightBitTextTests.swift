import Foundation
import Testing
@testable import GazetteCore

/// Files with no declared encoding whose bytes are not all UTF-8 — old text archives saved in
/// Latin-1, blog posts pasted from Word (Windows-1252 quotes and dashes), TREC wire files — read
/// as a person would: every well-formed UTF-8 sequence as UTF-8, every other byte as Windows-1252.
@Suite struct EightBitTextTests {
    /// `text` with each `{XX}` written as the byte 0xXX.
    static func bytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += Array(rest[..<open].utf8)
            let hex = rest[rest.index(after: open)..<rest.index(open, offsetBy: 3)]
            out.append(UInt8(hex, radix: 16)!)
            rest = rest[rest.index(open, offsetBy: 4)...]
        }
        return out + Array(rest.utf8)
    }

    static func parse(_ text: String, path: String = "a.txt") -> ParsedFile {
        ArticleFileParser.parse(bytes: bytes(text), path: path)
    }

    @Test func aHeaderlessLatin1FileKeepsItsAccents() throws {
        // A 1990s text file: title line, blank line, prose; é, ü, ï and « » as single bytes.
        let parsed = Self.parse("Caf{E9} society in Z{FC}rich\n\nA na{EF}ve reader asked {AB}why?{BB} in 1994.\n", path: "cafe.txt")
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        let article = try #require(parsed.articles.first)
        #expect(article.title == "Café society in Zürich")
        #expect(article.paragraphs == ["A naïve reader asked «why?» in 1994."])
    }

    @Test func windows1252PunctuationBesideUTF8OnOneLine() throws {
        // A scraped blog post: the title typed in UTF-8, a paragraph pasted from Word with
        // Windows-1252 curly quotes, an en dash, an ellipsis and the euro, next to UTF-8 "José".
        let dump = """
            Spy ring trial opens in Montréal
            March 3, 2021 Leave a comment
            The court heard that Jos\u{E9} {93}never{94} met the handler {96} not once{85} The fee was {80}40,000.
            ► Author: Ada Quill | Date: 3 March 2021 | Permalink
            """
        let parsed = Self.parse(dump, path: "dump.txt")
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        let article = try #require(parsed.articles.first)
        #expect(article.title == "Spy ring trial opens in Montréal")
        #expect(article.author == "Ada Quill")
        #expect(article.paragraphs == ["The court heard that José “never” met the handler – not once… The fee was €40,000."])
    }

    @Test func aLatin1WireStory() throws {
        let sgml = """
            <DOC>
            <DOCNO> AP900312-0042 </DOCNO>
            <HEAD>S{E3}o Paulo Stocks Close Higher</HEAD>
            <TEXT>
               Shares in S{E3}o Paulo rose 2{BD} percent on Monday, traders said.
            </TEXT>
            </DOC>
            """
        let story = try #require(Self.parse(sgml, path: "ap900312").articles.first)
        #expect(story.title == "São Paulo Stocks Close Higher")
        #expect(story.paragraphs == ["Shares in São Paulo rose 2½ percent on Monday, traders said."])
    }

    @Test func bytesWindows1252LeavesUnassignedAreReplacementCharactersNotControls() throws {
        // 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character: U+FFFD, never a C1 control.
        let article = try #require(Self.parse("Odd bytes {81}{8D}{8F}{90}{9D} here\n\nBody.\n").articles.first)
        #expect(article.title == "Odd bytes \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} here")
    }

    @Test func aTruncatedUTF8SequenceBeforeTheEndIsNotAnotherCharacter() throws {
        // Per sequence, not per line: valid UTF-8 around a stray byte stays UTF-8.
        let text = TextDecoding.decodeUTF8OrWindows1252Bytes(Self.bytes("東京 {E2} caf\u{E9} {E9}t{E9}"))
        #expect(text == "東京 â café été")
    }

    @Test func eightBitFilesWithCRLFAreTextNotBinary() throws {
        // A Windows-saved Latin-1 file, and a KOI8-R mail saved as .eml (CRLF, 8bit): every
        // byte above 0x7F is invalid UTF-8, and CR must not count as a control byte.
        let latin1 = try #require(Self.parse("Caf{E9} in Z{FC}rich\r\n\r\nL{E0}-bas, {E0} l'{E9}t{E9}.\r\n").articles.first)
        #expect(latin1.title == "Café in Zürich")
        #expect(latin1.paragraphs == ["Là-bas, à l'été."])
        let koi8 = "Subject: {F0}{D2}{C9}{D7}{C5}{D4}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=koi8-r\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\n{F0}{D2}{C9}{D7}{C5}{D4} {CD}{C9}{D2}\r\n"
        let mail = Self.parse(koi8, path: "saved.eml")
        #expect(mail.warnings.isEmpty, "\(mail.warnings)")
        #expect(mail.articles.first?.body == "Привет мир")
    }

    @Test func binaryIsStillToldFromLatin1() {
        // Random bytes are every byte value: as Windows-1252 each would be "a character", so
        // binary is told before that reading.
        var state: UInt64 = 7
        let noise: [UInt8] = (0..<4096).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        #expect(ArticleFileParser.parse(bytes: noise, path: "x.bin").warnings.map(\.reason) == ["binary file; skipped"])
    }
}

extension TextDecoding {
    static func decodeUTF8OrWindows1252Bytes(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { decodeUTF8OrWindows1252($0) }
    }
}
