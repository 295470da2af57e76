import Foundation

/// The dialect a feed document was written in.
public enum FeedDialect: String, Sendable, Codable {
    case rss090 = "RSS 0.9x", rss10 = "RSS 1.0", rss20 = "RSS 2.0"
    case atom03 = "Atom 0.3", atom10 = "Atom 1.0"
    case jsonFeed10 = "JSON Feed 1.0", jsonFeed11 = "JSON Feed 1.1"
    case unknown = "unknown"
}

/// A problem met while reading a feed, at a 1-based line and column when known.
public struct FeedProblem: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var reason: String

    public init(line: Int = 0, column: Int = 0, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String { line > 0 ? "\(line):\(column): \(reason)" : reason }
}

/// A feed as read: its own metadata and its items, in document order.
public struct Feed: Sendable {
    public var dialect: FeedDialect = .unknown
    public var title: String = ""
    public var link: String?
    public var items: [FeedItem] = []
    /// Set when the document was not well-formed (read as far as possible) or had dropped parts.
    public var problems: [FeedProblem] = []
    /// The document ended inside an item (a cut-off download): that item was not handed on, and
    /// the document is not the whole feed.
    public var truncated = false

    public init() {}
}

/// One item (RSS) or entry (Atom, JSON Feed).
public struct FeedItem: Sendable, Hashable {
    /// The GUID / id as written, if the feed gave one.
    public var guid: String?
    public var title: String = ""
    /// Absolute when it could be resolved against `xml:base` or the feed's URL.
    public var link: String?
    public var published: FeedDate?
    public var updated: FeedDate?
    public var authors: [String] = []
    public var categories: [String] = []
    /// The richest content given (content:encoded / Atom content / content_html), as HTML.
    public var contentHTML: String?
    /// Plain text content (Atom type="text", JSON Feed content_text).
    public var contentText: String?
    /// Summary / description, as HTML (RSS plain text is escaped into it).
    public var summaryHTML: String?
    /// A plain-text summary (Atom's default `type="text"`), lines kept; set instead of `summaryHTML`.
    public var summaryText: String?
    /// The first date the item gave that could not be read, as written (the fetch warns when the
    /// item ends up undated because of it).
    public var unreadableDate: String?
    /// Enclosures and media (podcast audio, images): URL and MIME type.
    public var enclosures: [Enclosure] = []
    /// The base URL relative links in this item's HTML resolve against.
    public var baseURL: URL?

    public init() {}

    /// The identity that survives re-fetching: the GUID / id, else the link, else title + date.
    public var identity: String {
        if let guid, !guid.isEmpty { return guid }
        if let link, !link.isEmpty { return link }
        return "title:" + title + "|" + (date?.iso8601 ?? "")
    }

    /// The date shown and filed under: published, else updated.
    public var date: FeedDate? { published ?? updated }
}

/// An enclosure or media object.
public struct Enclosure: Sendable, Hashable {
    public var url: String
    public var type: String?
    public var title: String?

    public init(url: String, type: String? = nil, title: String? = nil) {
        self.url = url
        self.type = type
        self.title = title
    }
}
