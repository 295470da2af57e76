import Foundation

/// Where an article (or a problem) was found: a file and a 1-based line.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    public var description: String { "\(path):\(line)" }
}

/// A header the formats do not interpret, kept as written (shown in the reader, present in JSON).
public struct HeaderField: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A calendar date as written in the article, with an optional time for finer sorting.
///
/// The day is the one written (no time-zone shift); `instant` is seconds since 1970 UTC
/// and orders articles (midnight UTC when no time was given).
public struct ArticleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var instant: Int64

    public init(year: Int, month: Int, day: Int, instant: Int64) {
        self.year = year
        self.month = month
        self.day = day
        self.instant = instant
    }

    /// `YYYY-MM-DD`.
    public var isoDay: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { isoDay }

    public static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
        if lhs.instant != rhs.instant { return lhs.instant < rhs.instant }
        return (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// One article, as parsed from either format. Immutable once loaded.
public struct Article: Sendable {
    /// Stable short id derived from the article's identity (`ArticleIdentity`).
    public var id: ArticleID
    public var title: String
    public var date: ArticleDate?
    public var author: String?
    /// Several are allowed (`Categories:` is comma-separated); the dump gives one.
    public var categories: [String]
    /// As written in this article (trimmed, de-duplicated case-insensitively).
    public var tags: [String]
    public var comments: Int?
    public var link: String?
    /// Headers the format does not interpret, in file order (routing headers such as `Path`,
    /// `Message-ID` and `References` included: what is shown is the reader's choice).
    public var extraHeaders: [HeaderField]
    /// The normalised `Message-ID` (no angle brackets, domain lower-cased), if the file has one.
    public var messageID: String?
    /// The normalised id of the message this one answers (`In-Reply-To`), if any.
    public var inReplyTo: String?
    /// The normalised ids of `References`, oldest first.
    public var references: [String]
    /// The body as UTF-8, its source lines as written separated by `\n`: CR/CRLF normalised,
    /// trailing whitespace of each line trimmed (indentation and tabs kept), whitespace-only
    /// lines empty, leading and trailing blank lines dropped; an empty line separates paragraphs.
    /// Empty when there is no body. One buffer per article instead of a `String` per paragraph
    /// (a third of the memory, no per-paragraph allocation while loading); searching and
    /// indexing read it directly.
    public internal(set) var bodyUTF8: [UInt8]
    /// Paragraphs given through `paragraphs` that `bodyUTF8` cannot carry exactly (one containing
    /// `\n`, or a single empty one); nil for every parsed article.
    var unsplittableParagraphs: [String]?
    /// Length in `Character`s of the capitalised lead-in at the start of `paragraphs[0]`; 0 = none.
    public var leadInLength: Int
    /// The blog dump's teasers of other posts, in order.
    public var related: [String]
    /// The file and line where the article starts.
    public var source: SourceLocation

    public init(
        id: ArticleID? = nil,
        title: String,
        date: ArticleDate? = nil,
        author: String? = nil,
        categories: [String] = [],
        tags: [String] = [],
        comments: Int? = nil,
        link: String? = nil,
        extraHeaders: [HeaderField] = [],
        messageID: String? = nil,
        inReplyTo: String? = nil,
        references: [String] = [],
        paragraphs: [String] = [],
        leadInLength: Int = 0,
        related: [String] = [],
        source: SourceLocation
    ) {
        self.id = ArticleID(value: 0)
        self.title = title
        self.date = date
        self.author = author
        self.categories = categories
        self.tags = tags
        self.comments = comments
        self.link = link
        self.extraHeaders = extraHeaders
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.bodyUTF8 = []
        self.unsplittableParagraphs = nil
        self.leadInLength = leadInLength
        self.related = related
        self.source = source
        if !paragraphs.isEmpty { self.paragraphs = paragraphs }
        self.id = id ?? ArticleID(identityKey: ArticleIdentity(of: self).key)
    }
}

extension Article {
    /// Body paragraphs, each one logical line of text: runs of non-empty body lines, each line
    /// trimmed and joined to the next by one space. Made from `bodyUTF8` on each read: use
    /// `bodyUTF8` in loops over many articles. Setting it writes the paragraphs separated by
    /// empty lines.
    public var paragraphs: [String] {
        get {
            if let unsplittableParagraphs { return unsplittableParagraphs }
            var result: [String] = []
            Self.forEachParagraph(bodyUTF8) { lines in
                result.append(lines.map { String(decoding: $0, as: UTF8.self).trimmingASCIISpaces() }.joined(separator: " "))
            }
            return result
        }
        set {
            bodyUTF8 = Array(newValue.joined(separator: "\n\n").utf8)
            let exact = newValue.allSatisfy { !$0.isEmpty && !$0.utf8.contains(0x0A) && $0.trimmingASCIISpaces() == $0 }
            unsplittableParagraphs = exact ? nil : newValue
        }
    }

    /// The whole body as text: its source lines separated by `\n`.
    public var body: String { String(decoding: bodyUTF8, as: UTF8.self) }

    /// Number of paragraphs, without making their strings.
    public var paragraphCount: Int {
        if let unsplittableParagraphs { return unsplittableParagraphs.count }
        var count = 0
        var inParagraph = false
        var lineEmpty = true
        for byte in bodyUTF8 {
            if byte == 0x0A {
                if lineEmpty { inParagraph = false }
                lineEmpty = true
            } else if lineEmpty, byte != 0x20, byte != 0x09 {
                lineEmpty = false
                if !inParagraph { count += 1 }
                inParagraph = true
            }
        }
        return count
    }

    /// Calls `body` with the lines of each paragraph (runs of non-empty lines) of `bytes`.
    static func forEachParagraph(_ bytes: [UInt8], _ body: ([ArraySlice<UInt8>]) -> Void) {
        var lines: [ArraySlice<UInt8>] = []
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                if !lines.isEmpty { body(lines) }
                lines.removeAll(keepingCapacity: true)
            } else {
                lines.append(line)
            }
        }
        if !lines.isEmpty { body(lines) }
    }
}
