import Testing
@testable import GazetteCore

/// The snapshot carries every field of `Article`, exactly.
@Suite struct ArticleCodecTests {
    static let full: Article = {
        var article = Article(
            id: ArticleID(value: 0xABCD_EF01_2345), title: "Zürich — 東京 \u{1F575}", date: ArticleDate(year: 1956, month: 4, day: 22, instant: -432_000_000),
            author: "Anna Müller", categories: ["Europe", "Cold War"], tags: ["CIA", "cia", ""], comments: 42,
            link: "https://example.org/a?b=c", extraHeaders: [HeaderField(name: "X-Source", value: "wire"), HeaderField(name: "Empty", value: "")],
            paragraphs: ["First paragraph.", "Second, with\ta tab."], leadInLength: 6, related: ["Other post", "Another"],
            source: SourceLocation(path: "Data/dumps/a b.txt", line: 1234))
        article.comments = -1
        return article
    }()

    static func roundTrip(_ article: Article) -> Article? {
        var out = ByteWriter()
        ArticleCodec.encode(article, into: &out)
        return out.bytes.withUnsafeBytes { ArticleCodec.decode($0) }
    }

    static func encoded(_ article: Article) -> [UInt8] {
        var out = ByteWriter()
        ArticleCodec.encode(article, into: &out)
        return out.bytes
    }

    /// When `Article` gains a stored property, this fails until `ArticleCodec` carries it (and the
    /// snapshot format version is bumped): the merge of a new field is then a local change.
    @Test func codecListsEveryStoredPropertyOfArticle() {
        let labels = Mirror(reflecting: Self.full).children.compactMap(\.label)
        #expect(labels == ArticleCodec.fieldNames)
    }

    @Test func everyFieldSurvivesARoundTrip() throws {
        let decoded = try #require(Self.roundTrip(Self.full))
        let original = Mirror(reflecting: Self.full).children.map { "\($0.label!)=\(String(reflecting: $0.value))" }
        let copy = Mirror(reflecting: decoded).children.map { "\($0.label!)=\(String(reflecting: $0.value))" }
        #expect(copy == original)
        #expect(decoded.paragraphs == ["First paragraph.", "Second, with\ta tab."])
        #expect(decoded.date?.instant == -432_000_000)
    }

    @Test func absentValuesAndUnsplittableParagraphsSurvive() throws {
        var bare = Article(title: "", source: SourceLocation(path: "", line: 0))
        #expect(Self.encoded(try #require(Self.roundTrip(bare))) == Self.encoded(bare))
        bare.paragraphs = ["line one\nstill one", "two"]
        let decoded = try #require(Self.roundTrip(bare))
        #expect(decoded.paragraphs == ["line one\nstill one", "two"])
        #expect(decoded.date == nil && decoded.author == nil && decoded.comments == nil && decoded.link == nil)
    }

    @Test func anyTruncationOrTrailingByteIsRejected() {
        let bytes = Self.encoded(Self.full)
        for length in 0..<bytes.count {
            #expect(bytes[0..<length].withUnsafeBytes { ArticleCodec.decode($0) } == nil, "length \(length)")
        }
        #expect((bytes + [0]).withUnsafeBytes { ArticleCodec.decode($0) } == nil)
    }
}
