/// The interpreted headers of the canonical format (aliases folded).
enum HeaderRole {
    case title, date, author, tags, category, categories, comments, link
    /// Google Takeout's `X-Gmail-Labels`: tags too, less Gmail's own state (`GmailLabels`).
    case gmailLabels
    /// Read for identity and threads, and kept as extra headers too.
    case messageID, inReplyTo, references

    /// The role of a header name (lower-cased), nil for one kept as an extra header.
    init?(lowercasedName name: String) {
        switch name {
        case "title", "subject": self = .title
        case "date": self = .date
        case "author", "from": self = .author
        case "tags", "keywords", "newsgroups": self = .tags
        case "category": self = .category
        case "categories": self = .categories
        case "comments": self = .comments
        case "link", "url": self = .link
        case "message-id": self = .messageID
        case "in-reply-to": self = .inReplyTo
        case "references": self = .references
        case "x-gmail-labels": self = .gmailLabels
        default: return nil
        }
    }

    /// The role of a header name as written (ASCII, any case), without making a `String`.
    init?(name: UnsafeBufferPointer<UInt8>) {
        @inline(__always) func isName(_ candidate: StaticString) -> Bool {
            guard candidate.utf8CodeUnitCount == name.count else { return false }
            let expected = candidate.utf8Start
            for index in 0..<name.count where TextBuffer.lowerASCII(name[index]) != expected[index] { return false }
            return true
        }
        switch name.count {
        case 3 where isName("url"): self = .link
        case 4 where isName("date"): self = .date
        case 4 where isName("tags"): self = .tags
        case 4 where isName("from"): self = .author
        case 4 where isName("link"): self = .link
        case 5 where isName("title"): self = .title
        case 6 where isName("author"): self = .author
        case 7 where isName("subject"): self = .title
        case 8 where isName("keywords"): self = .tags
        case 8 where isName("category"): self = .category
        case 8 where isName("comments"): self = .comments
        case 10 where isName("newsgroups"): self = .tags
        case 10 where isName("categories"): self = .categories
        case 10 where isName("message-id"): self = .messageID
        case 10 where isName("references"): self = .references
        case 11 where isName("in-reply-to"): self = .inReplyTo
        case 14 where isName("x-gmail-labels"): self = .gmailLabels
        default: return nil
        }
    }

    /// Other names common in mail and Usenet articles: they vouch for a header block too.
    static let familiarExtras: Set<String> = [
        "organization", "lines", "path", "summary", "reply-to", "sender", "to", "cc", "source",
        "language", "lang", "status", "slug", "id", "updated", "modified", "published", "description",
        "byline", "section", "xref", "article-i.d.", "nntp-posting-host", "followup-to", "distribution",
        "expires", "approved", "mime-version", "content-type", "content-transfer-encoding", "received",
        "return-path", "delivered-to", "envelope-to", "user-agent", "date-received", "posted",
        "relay-version", "posting-version", "originator", "nf-id", "nf-from",
    ]
}

extension TextBuffer {
    /// If `line` is `Name: value` with an RFC 5322 field name (a run of printable ASCII other
    /// than `:`, so `Article-I.D.` and `NNTP-Posting-Host` are names), the name and value ranges.
    /// A name is at most 76 bytes and must not start with `>` (a quoted line is never a header).
    func headerParts(_ line: Range<Int>) -> (name: Range<Int>, value: Range<Int>)? {
        let start = line.lowerBound
        guard start < line.upperBound, bytes[start] > 0x20, bytes[start] < 0x7F, bytes[start] != 0x3A,
            bytes[start] != 0x3E else { return nil }
        var index = start + 1
        while index < line.upperBound, index - start <= 76 {
            let byte = bytes[index]
            if byte == 0x3A {  // ":"
                return (start..<index, trimmed((index + 1)..<line.upperBound))
            }
            guard byte > 0x20, byte < 0x7F else { return nil }
            index += 1
        }
        return nil
    }
    /// The lower-cased header name.
    func lowercasedName(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]).map(Self.lowerASCII), as: UTF8.self)
    }

    /// Whether a header name is one the formats know (interpreted or commonly seen).
    func isFamiliarHeader(_ range: Range<Int>) -> Bool {
        if HeaderRole(name: UnsafeBufferPointer(rebasing: bytes[range])) != nil { return true }
        let name = lowercasedName(range)
        return HeaderRole(lowercasedName: name) != nil || HeaderRole.familiarExtras.contains(name)
            || name.hasPrefix("x-")
    }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
