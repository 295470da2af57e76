/// What makes two article files the same article, in order of trust: the Message-ID, else the
/// feed and GUID of a fetched feed item, else the Link, else the title, day, author and a
/// digest of the body.
///
/// This is the reference definition (plain `String` work); `ArticleID.fast(of:)` computes the
/// same id on bytes while loading, and the tests hold one to the other.
public enum ArticleIdentity: Sendable, Hashable {
    /// A normalised Message-ID (no angle brackets, domain lower-cased).
    case messageID(String)
    /// A fetched feed item: its feed's site (the host of its `Feed` URL, lower-cased, without
    /// `www.`) and its GUID (`Guid`, as written). Items of one feed often share a link (a
    /// podcast's episodes all link to the show's page), never a GUID; the same GUID on two sites
    /// is not trusted to be one item; a feed that moves within its site (http to https, a
    /// permanent redirect to `/feed/`) keeps its items' ids.
    case feedItem(feed: String, guid: String)
    /// A normalised URL (scheme and host lower-cased, default port and fragment dropped).
    case link(String)
    /// Title and author lower-cased with whitespace collapsed, the ISO day (or `undated`), and
    /// a 64-bit FNV-1a digest of the body with whitespace collapsed.
    case content(title: String, day: String, author: String, bodyDigest: UInt64)

    /// The identity of `article`.
    public init(of article: Article) {
        self.init(of: article, bodyDigest: IdentityText.bodyDigest)
    }

    /// The identity of `article`, its body digested by `ArticleID.fastBodyDigest` (the same value,
    /// held to the definition by the tests): the loader's dedupe asks for it on every duplicate.
    static func fast(of article: Article) -> ArticleIdentity {
        ArticleIdentity(of: article, bodyDigest: ArticleID.fastBodyDigest)
    }

    private init(of article: Article, bodyDigest: ([UInt8]) -> UInt64) {
        if let id = article.messageID, !id.isEmpty {
            self = .messageID(id)
        } else if let item = article.feedItem {
            self = .feedItem(feed: item.feed, guid: item.guid)
        } else if let link = article.link.flatMap(IdentityText.normalisedLink), !link.isEmpty {
            self = .link(link)
        } else {
            self = .content(
                title: IdentityText.collapsedLowercase(article.title), day: article.date?.isoDay ?? "undated",
                author: IdentityText.collapsedLowercase(article.author ?? ""),
                bodyDigest: bodyDigest(article.bodyUTF8))
        }
    }

    /// The text hashed into the article's id.
    public var key: String {
        switch self {
        case .messageID(let id): "m:" + id
        case .feedItem(let feed, let guid): "g:" + feed + "\n" + guid
        case .link(let link): "l:" + link
        case .content(let title, let day, let author, let digest):
            "t:" + title + "\n" + day + "\n" + author + "\n" + IdentityText.hex16(digest)
        }
    }

    /// What the identity rests on, as `check` names it.
    public var basis: String {
        switch self {
        case .messageID: "Message-ID"
        case .feedItem: "feed and Guid"
        case .link: "Link"
        case .content: "title, date, author and body"
        }
    }

    /// True when two files sharing this identity may still hold different text (a conflict).
    public var canConflict: Bool {
        switch self {
        case .messageID, .feedItem, .link: true
        case .content: false
        }
    }
}

/// The normalisations identity rests on.
public enum IdentityText {
    /// Lower-cased, runs of Unicode whitespace collapsed to one space, trimmed.
    static func collapsedLowercase(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out += " " }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// A 64-bit digest of the body with runs of ASCII whitespace collapsed to one space and
    /// trimmed: the same text wrapped or spaced differently has the same digest. The collapsed
    /// bytes are taken eight at a time (big-endian, the last word short) and mixed by
    /// `digestMix`, then the length: a multiply per word, not per byte, since every body of
    /// a large archive goes through it while loading.
    public static func bodyDigest(_ body: [UInt8]) -> UInt64 {
        var collapsed: [UInt8] = []
        var pendingSpace = false
        for byte in body {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !collapsed.isEmpty
                continue
            }
            if pendingSpace { collapsed.append(0x20) }
            pendingSpace = false
            collapsed.append(byte)
        }
        var hash = ArticleID.fnvOffset
        var start = 0
        while start < collapsed.count {
            let word = collapsed[start..<min(start + 8, collapsed.count)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            digestMix(&hash, word)
            start += 8
        }
        digestMix(&hash, UInt64(collapsed.count))
        return hash
    }

    @inline(__always)
    static func digestMix(_ hash: inout UInt64, _ word: UInt64) {
        hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 29
    }

    /// A Message-ID (or an id in `References`) normalised: the first `<…>` if any, else the
    /// trimmed text; the domain after the last `@` lower-cased. Nil when nothing is left.
    public static func normalisedMessageID(_ raw: String) -> String? {
        var text = Substring(raw)
        if let open = text.firstIndex(of: "<") {
            let rest = text[text.index(after: open)...]
            text = rest.firstIndex(of: ">").map { rest[..<$0] } ?? rest
        }
        let trimmed = text.trimmingASCIISpaces()
        guard !trimmed.isEmpty, !trimmed.contains(where: { $0 == " " || $0 == "\t" }) else { return nil }
        guard let at = trimmed.lastIndex(of: "@") else { return String(trimmed) }
        return String(trimmed[..<at]) + "@" + trimmed[trimmed.index(after: at)...].lowercased()
    }

    /// Every `<…>` id in a `References` or `In-Reply-To` value, normalised, in order.
    public static func messageIDs(in value: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            if let id = normalisedMessageID(String(rest[open...close])) { ids.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        return ids
    }

    /// A URL normalised for identity: trimmed; scheme and host lower-cased; `:80` (http) and
    /// `:443` (https) dropped; the fragment dropped; an empty path becomes `/`. Text that is not
    /// `scheme://…` is only trimmed and loses its fragment. Nil when nothing is left.
    public static func normalisedLink(_ raw: String) -> String? {
        // On bytes: every file with a Link goes through here while loading. Every cut is at an
        // ASCII byte, so the pieces stay valid UTF-8.
        var bytes = Array(raw.utf8)[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        if let hash = bytes.firstIndex(of: 0x23) { bytes = bytes[..<hash] }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        guard !bytes.isEmpty else { return nil }
        guard let colon = bytes.firstIndex(of: 0x3A), bytes[colon...].starts(with: [0x3A, 0x2F, 0x2F]) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let scheme = bytes[..<colon].map(TextBuffer.lowerASCII)
        let rest = bytes[(colon + 3)...]
        let authorityEnd = rest.firstIndex { $0 == 0x2F || $0 == 0x3F } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var userInfo: ArraySlice<UInt8> = []
        if let at = authority.lastIndex(of: 0x40) {
            userInfo = authority[...at]
            authority = authority[(at + 1)...]
        }
        var host = authority.map(TextBuffer.lowerASCII)
        if (scheme.elementsEqual("http".utf8) && host.ends(with: ":80")) || (scheme.elementsEqual("https".utf8) && host.ends(with: ":443")) {
            host.removeSubrange(host.lastIndex(of: 0x3A)!...)
        }
        var out = scheme + Array("://".utf8) + Array(userInfo) + host
        let path = rest[authorityEnd...]
        if path.first != 0x2F { out.append(0x2F) }
        out += path
        return String(decoding: out, as: UTF8.self)
    }

    static func hex16(_ value: UInt64) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension Array where Element == UInt8 {
    /// Whether the bytes end with `suffix` (ASCII).
    fileprivate func ends(with suffix: String) -> Bool {
        let tail = Array(suffix.utf8)
        return count >= tail.count && self[(count - tail.count)...].elementsEqual(tail)
    }
}

extension ArticleIdentity {
    /// The id a fetched feed item had before items were identified by their feed and GUID (by
    /// its link, else its content); nil for every other article. The reader's state kept under
    /// that id is carried over to the item's id once (`ReaderStateSession`).
    public static func formerFeedItemID(of article: Article) -> ArticleID? {
        guard article.messageID?.isEmpty ?? true, article.feedItem != nil else { return nil }
        if let link = article.link.flatMap(IdentityText.normalisedLink), !link.isEmpty {
            return ArticleID(identityKey: ArticleIdentity.link(link).key)
        }
        return ArticleID(identityKey: ArticleIdentity.content(
            title: IdentityText.collapsedLowercase(article.title), day: article.date?.isoDay ?? "undated",
            author: IdentityText.collapsedLowercase(article.author ?? ""),
            bodyDigest: IdentityText.bodyDigest(article.bodyUTF8)).key)
    }
}

extension Article {
    /// The `Feed` and `Guid` headers of an item `gazette fetch` wrote (both present and not
    /// empty; names in any case): the item's identity.
    var feedItem: (feed: String, guid: String)? {
        var feed: String?, guid: String?
        for header in extraHeaders where header.name.utf8.count == 4 {
            if feed == nil, header.name.caseInsensitiveCompare("Feed") == .orderedSame {
                feed = header.value.trimmingCharacters(in: .whitespaces)
            } else if guid == nil, header.name.caseInsensitiveCompare("Guid") == .orderedSame {
                guid = header.value.trimmingCharacters(in: .whitespaces)
            }
        }
        guard let feed, let guid, !feed.isEmpty, !guid.isEmpty else { return nil }
        return (Self.site(ofFeed: feed), guid)
    }

    /// The host of a feed URL, lower-cased, without userinfo, port and a leading `www.`; the
    /// text itself when it holds no `scheme://`.
    static func site(ofFeed url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        var host = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if !host.hasPrefix("["), let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        var lower = host.lowercased()
        if lower.hasPrefix("www.") { lower.removeFirst(4) }
        return lower.isEmpty ? url : lower
    }
}
