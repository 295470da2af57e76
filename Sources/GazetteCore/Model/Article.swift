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
    /// Stable short id derived from the normalised title and date.
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
    /// Headers the format does not interpret, in file order.
    public var extraHeaders: [HeaderField]
    /// The body as UTF-8: the paragraphs separated by `\n`, empty when there is none. One buffer
    /// per article instead of a `String` per paragraph (a third of the memory, no per-paragraph
    /// allocation while loading); searching and indexing read it directly.
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
        paragraphs: [String] = [],
        leadInLength: Int = 0,
        related: [String] = [],
        source: SourceLocation
    ) {
        self.id = id ?? ArticleID(title: title, date: date)
        self.title = title
        self.date = date
        self.author = author
        self.categories = categories
        self.tags = tags
        self.comments = comments
        self.link = link
        self.extraHeaders = extraHeaders
        self.bodyUTF8 = []
        self.unsplittableParagraphs = nil
        self.leadInLength = leadInLength
        self.related = related
        self.source = source
        if !paragraphs.isEmpty { self.paragraphs = paragraphs }
    }
}

extension Article {
    /// Body paragraphs, each one logical line of text (lines of a paragraph already joined).
    /// Made from `bodyUTF8` on each read: use `bodyUTF8` in loops over many articles.
    public var paragraphs: [String] {
        get {
            if let unsplittableParagraphs { return unsplittableParagraphs }
            guard !bodyUTF8.isEmpty else { return [] }
            return bodyUTF8.split(separator: 0x0A, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
        }
        set {
            bodyUTF8 = Array(newValue.joined(separator: "\n").utf8)
            let exact = !(newValue.count == 1 && newValue[0].isEmpty) && !newValue.contains { $0.utf8.contains(0x0A) }
            unsplittableParagraphs = exact ? nil : newValue
        }
    }

    /// The whole body as text, paragraphs separated by `\n`.
    public var body: String { String(decoding: bodyUTF8, as: UTF8.self) }

    /// Number of paragraphs, without making their strings.
    public var paragraphCount: Int {
        if let unsplittableParagraphs { return unsplittableParagraphs.count }
        guard !bodyUTF8.isEmpty else { return 0 }
        return bodyUTF8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
