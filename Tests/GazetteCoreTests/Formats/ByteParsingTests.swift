import Testing
@testable import GazetteCore

/// The byte-level fast paths of the loader give exactly what their `String`/`Character`
/// definitions give, on tricky text (combining marks beside separators, prepended marks,
/// case mappings that change length, Unicode whitespace, invalid UTF-8).
@Suite struct ByteParsingTests {
    /// Small deterministic generator (the tests must not depend on a seed from the clock).
    struct Mix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Pieces chosen to hit every special case of the byte paths.
    static let pieces: [String] = [
        "a", "B", "Z", "tag", "Kelvin", "x-y", " ", "  ", "\t", ",", ", ", " ,", "\u{301}", "\u{600}", "\u{200D}",
        "é", "É", "e\u{301}", "Σ", "ΣΑΣ", "İ", "ß", "\u{212A}", "\u{37E}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}",
        "日本", "👩‍👩‍👧", "🇯🇵", "ǅ", "ﬀ", "\u{1F}", "1", "—", "-", ":", "WASHINGTON", "THE", "US",
    ]

    static func randomText(_ mix: inout Mix, pieces count: Int) -> String {
        var text = ""
        for _ in 0..<count { text += pieces[mix.next(pieces.count)] }
        return text
    }

    @Test func tagSplitMatchesTheCharacterDefinition() {
        var mix = Mix(state: 1)
        for _ in 0..<4000 {
            let text = Self.randomText(&mix, pieces: mix.next(9))
            #expect(TagList.split(text) == TagList.splitByCharacters(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func caselessListMatchesALowercasedSet() {
        var mix = Mix(state: 2)
        for _ in 0..<1500 {
            var list = CaselessList()
            var expected: [String] = []
            var seen = Set<String>()
            for _ in 0..<mix.next(40) {
                let item = Self.randomText(&mix, pieces: 1 + mix.next(2))
                list.append(item)
                if seen.insert(item.lowercased()).inserted { expected.append(item) }
            }
            #expect(list.items == expected)
        }
    }

    @Test func fastArticleIDMatchesTheDefinition() {
        var mix = Mix(state: 3)
        let dates: [ArticleDate?] = [
            nil, ArticleDate(year: 2001, month: 2, day: 3, instant: 0), ArticleDate(year: 12, month: 1, day: 1, instant: 0),
            ArticleDate(year: 12_345, month: 10, day: 31, instant: 0), ArticleDate(year: -5, month: 1, day: 1, instant: 0),
        ]
        let bodies = ["", "One.", "  indented\n\tline  \n\nnext", "\n\n", "é\u{A0}x\u{0B}y"]
        let links: [String?] = [nil, nil, nil, "", "HTTPS://Example.ORG:443/a#frag", "   "]
        let ids: [String?] = [nil, nil, nil, "<A.B@Example.COM>", "", "  "]
        for _ in 0..<3000 {
            let title = Self.randomText(&mix, pieces: mix.next(10))
            let author = mix.next(3) == 0 ? nil : Self.randomText(&mix, pieces: mix.next(4))
            var article = Article(
                title: title, date: dates[mix.next(dates.count)], author: author, link: links[mix.next(links.count)],
                source: SourceLocation(path: "p", line: 1))
            article.messageID = ids[mix.next(ids.count)].flatMap(IdentityText.normalisedMessageID)
            article.bodyUTF8 = Array((bodies[mix.next(bodies.count)] + Self.randomText(&mix, pieces: mix.next(4))).utf8)
            let reference = ArticleID(identityKey: ArticleIdentity(of: article).key)
            #expect(ArticleID.fast(of: article) == reference, "\(Array(title.unicodeScalars)) \(String(describing: author))")
            #expect(ArticleID.fastBodyDigest(article.bodyUTF8) == IdentityText.bodyDigest(article.bodyUTF8))
            #expect(ArticleIdentity.fast(of: article) == ArticleIdentity(of: article))
        }
    }

    @Test func wordAtATimeBodyDigestMatchesTheDefinition() {
        var mix = Mix(state: 5)
        let pieces: [[UInt8]] = [Array("a".utf8), Array("Bletchley".utf8), Array("12345678".utf8), [0x20], [0x20, 0x20],
                                 [0x0A], [0x09], [0x0B, 0x0C, 0x0D], [0x01], [0x7F], Array("é€".utf8), [0xFF], [0x21]]
        for _ in 0..<3000 {
            var body: [UInt8] = []
            for _ in 0..<mix.next(120) { body += pieces[mix.next(pieces.count)] }
            #expect(ArticleID.fastBodyDigest(body) == IdentityText.bodyDigest(body), "\(body)")
        }
        #expect(ArticleID.fastBodyDigest(Array("one two".utf8)) == ArticleID.fastBodyDigest(Array("  one\n\ttwo \n".utf8)))
        #expect(ArticleID.fastBodyDigest(Array("one two".utf8)) != ArticleID.fastBodyDigest(Array("onetwo".utf8)))
    }

    @Test func bodyDigestOfProseMatchesTheDefinitionAtEveryAlignment() {
        // Prose takes the sixteen-byte steps: long runs of words and single spaces, broken now
        // and then by a line end, a paragraph break, a double space or a tab at any offset.
        var mix = Mix(state: 6)
        let words = ["the", "Bletchley", "codebreakers", "a", "1943", "été", "—", "x.", "Enigma,"]
        let gaps: [[UInt8]] = [[0x20], [0x20], [0x20], [0x20], [0x0A], [0x0A, 0x0A], [0x20, 0x20], [0x09], [0x20, 0x0A], [0x0B]]
        for _ in 0..<2000 {
            var body: [UInt8] = Array(repeating: 0x20, count: mix.next(3))
            for _ in 0..<mix.next(80) {
                body += Array(words[mix.next(words.count)].utf8)
                body += gaps[mix.next(gaps.count)]
            }
            if mix.next(2) == 0, !body.isEmpty { body.removeLast() }
            #expect(ArticleID.fastBodyDigest(body) == IdentityText.bodyDigest(body), "\(body)")
        }
    }

    @Test func byteLeadInMatchesTheCharacterDefinition() {
        var mix = Mix(state: 4)
        for _ in 0..<4000 {
            let paragraph = Self.randomText(&mix, pieces: mix.next(8))
            guard !paragraph.utf8.contains(0x0A) else { continue }
            #expect(LeadIn.length(ofFirstParagraphIn: Array(paragraph.utf8)) == LeadIn.length(of: paragraph),
                    "\(Array(paragraph.unicodeScalars))")
        }
        #expect(LeadIn.length(ofFirstParagraphIn: Array("THE PRESIDENT OF MEXICO has said\nNEXT ONE".utf8)) == 23)
    }

    @Test func oneScanValidatesAndSplitsLikeTheStandardLibrary() {
        var mix = Mix(state: 5)
        let bytePool: [UInt8] = [0x0A, 0x20, 0x41, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xA0, 0x9F, 0xEF, 0xF0,
                                 0x90, 0xF4, 0x8F, 0xF5, 0xFF, 0x00]
        for round in 0..<6000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = Array(Self.randomText(&mix, pieces: mix.next(30)).utf8)
                if !bytes.isEmpty, round % 4 == 0 { bytes[mix.next(bytes.count)] = bytePool[mix.next(bytePool.count)] }
            } else {
                bytes = (0..<mix.next(24)).map { _ in bytePool[mix.next(bytePool.count)] }
            }
            let isValid = String(validating: bytes, as: UTF8.self) != nil
            let scanned = bytes.withUnsafeBufferPointer { UTF8Scan.validatedLines($0) }
            #expect((scanned != nil) == isValid, "\(bytes)")
            if let scanned {
                let lines = bytes.withUnsafeBufferPointer { TextBuffer($0).lines }
                #expect(scanned == lines, "\(bytes)")
            }
        }
    }

    @Test func paragraphsSurviveTheOneBufferBody() {
        let cases: [[String]] = [[], ["One."], ["One.", "Two é."], ["a\nb"], [""], ["", "x"], ["x", ""], [" padded "]]
        for paragraphs in cases {
            let article = Article(title: "T", paragraphs: paragraphs, source: SourceLocation(path: "p", line: 1))
            #expect(article.paragraphs == paragraphs)
            #expect(article.paragraphCount == paragraphs.count)
        }
        var article = Article(title: "T", source: SourceLocation(path: "p", line: 1))
        article.paragraphs = ["First.", "Second."]
        #expect(article.body == "First.\n\nSecond.")
        #expect(article.bodyUTF8 == Array("First.\n\nSecond.".utf8))
    }

    /// The footer as it was read before the byte path: split `Character`s at "|", trim, labels.
    static func referenceFooter(_ text: String) -> (String?, String?) {
        var author: String?, date: String?
        for part in text.split(separator: "|") {
            let item = part.trimmingASCIISpaces()
            if item.hasPrefix("Author:") {
                let name = item.dropFirst("Author:".count).trimmingASCIISpaces()
                if !name.isEmpty { author = String(name) }
            } else if item.hasPrefix("Date:") {
                let value = item.dropFirst("Date:".count).trimmingASCIISpaces()
                if !value.isEmpty { date = String(value) }
            }
        }
        return (author, date)
    }

    @Test func footerPartsMatchTheCharacterDefinition() {
        var mix = Mix(state: 6)
        let labels = ["Author:", "Date:", "| ", " | Date:", "|", "Author:\u{301}", "Date:\u{600}", " Permalink"]
        for _ in 0..<3000 {
            var line = "► Author:"
            for _ in 0..<(1 + mix.next(5)) {
                line += mix.next(2) == 0 ? labels[mix.next(labels.count)] : Self.randomText(&mix, pieces: mix.next(3))
            }
            let (footer, text) = TextBuffer.with(line) { buffer in
                // The footer's text as `footer` cuts it: trimmed line, marker, trimmed again (bytes).
                let trimmed = buffer.trimmed(buffer.trimmed(buffer.lines[0]).lowerBound + "►".utf8.count..<buffer.lines[0].upperBound)
                return (buffer.footer(buffer.lines[0]), buffer.string(trimmed))
            }
            guard let footer else { continue }
            let expected = Self.referenceFooter(text)
            #expect(footer.author == expected.0 && footer.dateText == expected.1, "\(Array(line.unicodeScalars))")
        }
    }
}
