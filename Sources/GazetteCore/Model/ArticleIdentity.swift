/// What makes two article files the same article, in order of trust: the Message-ID, else the
/// Link, else the title, day, author and a digest of the body.
///
/// This is the reference definition (plain `String` work); `ArticleID.fast(of:)` computes the
/// same id on bytes while loading, and the tests hold one to the other.
public enum ArticleIdentity: Sendable, Hashable {
    /// A normalised Message-ID (no angle brackets, domain lower-cased).
    case messageID(String)
    /// A normalised URL (scheme and host lower-cased, default port and fragment dropped).
    case link(String)
    /// Title and author lower-cased with whitespace collapsed, the ISO day (or `undated`), and
    /// a 64-bit FNV-1a digest of the body with whitespace collapsed.
    case content(title: String, day: String, author: String, bodyDigest: UInt64)

    /// The identity of `article`.
    public init(of article: Article) {
        if let id = article.messageID, !id.isEmpty {
            self = .messageID(id)
        } else if let link = article.link.flatMap(IdentityText.normalisedLink), !link.isEmpty {
            self = .link(link)
        } else {
            self = .content(
                title: IdentityText.collapsedLowercase(article.title), day: article.date?.isoDay ?? "undated",
                author: IdentityText.collapsedLowercase(article.author ?? ""),
                bodyDigest: IdentityText.bodyDigest(article.bodyUTF8))
        }
    }

    /// The text hashed into the article's id.
    public var key: String {
        switch self {
        case .messageID(let id): "m:" + id
        case .link(let link): "l:" + link
        case .content(let title, let day, let author, let digest):
            "t:" + title + "\n" + day + "\n" + author + "\n" + IdentityText.hex16(digest)
        }
    }

    /// What the identity rests on, as `check` names it.
    public var basis: String {
        switch self {
        case .messageID: "Message-ID"
        case .link: "Link"
        case .content: "title, date, author and body"
        }
    }

    /// True when two files sharing this identity may still hold different text (a conflict).
    public var canConflict: Bool {
        switch self {
        case .messageID, .link: true
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

    /// FNV-1a of the body with runs of ASCII whitespace collapsed to one space and trimmed: the
    /// same text wrapped or spaced differently has the same digest.
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
        return ArticleID.fnv1a(collapsed)
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
        var text = String(raw.trimmingASCIISpaces())
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        guard !text.isEmpty else { return nil }
        guard let schemeEnd = text.range(of: "://") else { return text }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = String(rest[..<authorityEnd])
        var path = String(rest[authorityEnd...])
        var userInfo = ""
        if let at = authority.lastIndex(of: "@") {
            userInfo = String(authority[...at])
            authority = String(authority[authority.index(after: at)...])
        }
        authority = authority.lowercased()
        if (scheme == "http" && authority.hasSuffix(":80")) || (scheme == "https" && authority.hasSuffix(":443")) {
            authority = String(authority[..<authority.lastIndex(of: ":")!])
        }
        if path.isEmpty || path.first == "?" { path = "/" + path }
        return scheme + "://" + userInfo + authority + path
    }

    static func hex16(_ value: UInt64) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
