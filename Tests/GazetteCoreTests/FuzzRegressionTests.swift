import Testing
@testable import GazetteCore

/// Inputs that crashed a fuzz target (Fuzz/run.sh) once; each must now give an ordinary answer.
@Suite struct FuzzRegressionTests {
    static let store = ArticleStore(articles: [
        Article(title: "Ciphers on postcards", tags: ["ciphers"], paragraphs: ["Dots under stamps."],
                source: SourceLocation(path: "a.txt", line: 1)),
        Article(title: "Harbour pilots", paragraphs: ["A strike at dawn."], source: SourceLocation(path: "b.txt", line: 1)),
    ])

    /// fuzz-query: deep nesting overflowed the stack (stack-overflow under ASan at ~100k levels).
    /// Arguments are (case name, expected error column); the text is built from the name.
    static let deepInputs: [String: String] = [
        "parentheses": String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000),
        "minus signs": String(repeating: "-", count: 100_000) + "a",
        "NOTs": String(repeating: "NOT ", count: 50_000) + "a",
        "mixed": String(repeating: "(-", count: 40_000) + "a" + String(repeating: ")", count: 40_000),
    ]

    @Test(arguments: [("parentheses", 65), ("minus signs", 65), ("NOTs", 257), ("mixed", 65)])
    func deeplyNestedQueryIsAnErrorNotACrash(_ name: String, column: Int) throws {
        let text = try #require(Self.deepInputs[name])
        do {
            _ = try Query.parse(text)
            Issue.record("\(name): a query nested tens of thousands deep must be refused")
        } catch {
            #expect(error.message == "nested too deeply (more than 64 levels)")
            #expect(error.column == column, "\(name)")  // the 65th opening '(' , '-' or NOT
        }
    }

    /// fuzz-file: a byte-order mark followed by U+FEFF decoded to text that, as UTF-8, began
    /// with a BOM again: the byte path saw one character, the decode path an empty file.
    @Test(arguments: [[0xFE, 0xFF, 0xFE, 0xFF], [0xFF, 0xFE, 0xFF, 0xFE], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]] as [[UInt8]])
    func aDoubledByteOrderMarkIsNoContent(bytes: [UInt8]) {
        #expect(TextDecoding.decode(bytes) == "")
        let direct = ArticleFileParser.parse(bytes: bytes, path: "raw.txt")
        let decoded = ArticleFileParser.parse(text: TextDecoding.decode(bytes), path: "raw.txt")
        #expect(direct.warnings.map(\.reason) == ["empty file"])
        #expect(decoded.warnings == direct.warnings)
    }

    @Test func nestingUpToTheLimitStillWorks() throws {
        let nested = try Query.parse(String(repeating: "(", count: 64) + "cipher*" + String(repeating: ")", count: 64))
        #expect(Self.store.evaluate(nested).indices == [0])
        let negated = try Query.parse(String(repeating: "-", count: 63) + "cipher*")  // odd: NOT cipher*
        #expect(Self.store.evaluate(negated).indices == [1])
    }

    /// fuzz-query: a value starting with a combining mark (U+0329) fused with the opening quote
    /// into one Character, so `tag:"̩T (y…"` was an "unbalanced quote". Input bytes as found.
    @Test func quoteFollowedByACombiningMarkStillOpensAPhrase() throws {
        let found: [UInt8] = [0xCC, 0xA9, 0x54, 0x20, 0x28, 0x79, 0x31, 0x39, 0x05, 0x63, 0x61, 0x74, 0x65, 0x67, 0x6F, 0x64, 0x67, 0x65]
        let value = String(decoding: found, as: UTF8.self)
        let query = try Query.parse(QuerySyntax.term("tag", value))
        #expect(query.root == .facet(.tag, value.lowercased()))
    }

    /// Marks fused to syntax from either side; the last case is the second find: U+0600 (a prepended
    /// mark) at the end of the value fused with the closing quote.
    @Test(arguments: ["\u{301}x", "a\"\u{301}b", "(\u{301}", "\\\u{301}", "-\u{301}", ":\u{301}z", "x)\u{20DD}", "\u{301}",
                       "e\u{600}", "(\u{600}", "cNO.s.\u{0}\nar:(yut:(ygaz:(yOT e\u{600}"])
    func valuesWithSyntaxFusedToAMarkRoundTrip(_ value: String) throws {
        for field in ["tag", "category"] {
            let query = try Query.parse(QuerySyntax.term(field, value))
            #expect(query.root == .facet(field == "tag" ? .tag : .category, value.lowercased()), "\(value.debugDescription)")
        }
    }

    @Test func errorColumnsCountTheTextsOwnCharacters() {
        // `"` + U+0301 is one character of the text (split in two by the lexer): the last quote is column 5, not 6.
        #expect(throws: QueryError(column: 5, message: "unbalanced quote")) { try Query.parse("\"\u{301}\"x \"") }
        #expect(throws: QueryError(column: 3, message: "unbalanced quote")) { try Query.parse("é \"\u{301}") }
    }

    /// fuzz-mail: a message with no headers took its title from the decoded body, and its line was
    /// counted in the canonical text made from it (two lines of header padding past the file's end).
    @Test func mailArticleLinesStayInsideTheFile() {
        let input = Array("From a@x.org Mon Jan  \u{0}From a@x.org3 00:00:00 2001\n!\u{0}Sujjec Mon Jat".utf8)
        let parsed = ArticleFileParser.parse(bytes: input, path: "box.mbox")
        #expect(parsed.articles.map(\.source.line) == [2])
        #expect(parsed.articles.map(\.title) == ["!\u{0}Sujjec Mon Jat"])
    }

    /// fuzz-mail: an encoded word decoding to a carriage return put a CR into a forwarded
    /// message's summary, and so into the body.
    @Test func encodedLineBreaksStayOutOfHeadersAndBodies() {
        #expect(EncodedWords.decode("=?utf-8?b?YQ1iCmM=?=").text == "a b c")
        let mail = "Subject: F\nContent-Type: message/rfc822\n\nFrom: x\nSubject: =?utf-8?b?YQ1iCmM=?=\n\nbody\n"
        let parsed = ArticleFileParser.parse(bytes: Array(mail.utf8), path: "m.txt")
        #expect(parsed.articles.map(\.body) == ["Forwarded message:\n\nFrom: x\n\nSubject: a b c\n\nbody"])
    }
}
