/// One file format Gazette reads: whether a file is in it, and how to read it.
///
/// The formats are tried in the order of `ArticleFormats.all`; the first that claims a file
/// parses it. A new format is one new type in that list.
protocol ArticleFormat: Sendable {
    /// A short name, for tests and documentation.
    static var name: String { get }
    /// Whether this format reads `file`; looks at as little of it as it can.
    static func claims(_ file: ArticleFileInput) -> Bool
    /// Reads every article of `file`; problems are warnings, never failures.
    static func parse(_ file: ArticleFileInput) -> ParsedFile
}

/// A file as the formats see it: its path, its bytes as read, and its text decoded.
struct ArticleFileInput {
    let path: String
    /// The bytes as read (any encoding, any line ends): what mail formats decode themselves.
    let raw: UnsafeBufferPointer<UInt8>
    /// The text decoded (UTF-8 repaired, BOMs and UTF-16 handled, CR/CRLF made LF).
    let text: TextBuffer
    /// Whether `raw` is well-formed UTF-8 (known without a second scan on the common path).
    let rawIsUTF8: Bool
}

/// The registry: every format, in the order they are tried (README, "Detection order").
enum ArticleFormats {
    static let all: [any ArticleFormat.Type] = [
        MboxFormat.self,          // *.mbox, or a first line `From ADDRESS DATE`
        MimeMessageFormat.self,   // a header block with MIME fields (or 8-bit text), Maildir messages
        HeaderBlockFormat.self,   // a file that begins with a header block: canonical, mail, news
        WireSGMLFormat.self,      // <REUTERS …> or <DOC> records: Reuters-21578, TIPSTER/TREC wire
        DumpFormat.self,          // a title line followed by a dateline near the top
        PlainTextFormat.self,     // anything else: the first non-empty line is the title
    ]

    /// The first format that claims `file`.
    static func format(of file: ArticleFileInput) -> any ArticleFormat.Type {
        all.first { $0.claims(file) } ?? PlainTextFormat.self
    }
}

/// Canonical files, mail and news articles: a header block, a blank line, the body.
enum HeaderBlockFormat: ArticleFormat {
    static let name = "header block"

    static func claims(_ file: ArticleFileInput) -> Bool {
        let text = file.text
        guard let first = text.lines.prefix(64).firstIndex(where: { !text.isBlank($0) }) else { return false }
        return CanonicalFormat.hasHeaderBlock(text, from: CanonicalFormat.headerStart(text, from: first))
    }

    static func parse(_ file: ArticleFileInput) -> ParsedFile { CanonicalFormat.parse(file.text, path: file.path) }
}

/// A file with no header block and no dump shape: one article, titled by its first line.
enum PlainTextFormat: ArticleFormat {
    static let name = "plain text"

    static func claims(_ file: ArticleFileInput) -> Bool { true }

    static func parse(_ file: ArticleFileInput) -> ParsedFile { CanonicalFormat.parse(file.text, path: file.path) }
}
