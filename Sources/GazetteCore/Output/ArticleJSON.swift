import Foundation

/// The JSON shapes of `gazette list --json`, `show --json` and `tags --json`: stable keys for scripts.
public enum ArticleJSON {
    /// One row of `list --json`.
    public struct Summary: Encodable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var date: String?
        public var author: String?
        public var categories: [String]
        public var tags: [String]
        public var comments: Int?
        public var source: String
        public var words: Int
        /// The reader's state: never-seen articles are unread.
        public var read = false
        public var starred = false
        /// Tags the reader added; `hiddenTags`: the file's tags the reader removed for themself.
        public var userTags: [String] = []
        public var hiddenTags: [String] = []

        // Absent values are written as null (not omitted): scripts can rely on every key.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(date, forKey: .date)
            try container.encode(author, forKey: .author)
            try container.encode(categories, forKey: .categories)
            try container.encode(tags, forKey: .tags)
            try container.encode(comments, forKey: .comments)
            try container.encode(source, forKey: .source)
            try container.encode(words, forKey: .words)
            try container.encode(read, forKey: .read)
            try container.encode(starred, forKey: .starred)
            try container.encode(userTags, forKey: .userTags)
            try container.encode(hiddenTags, forKey: .hiddenTags)
        }

        private enum CodingKeys: String, CodingKey {
            case id, title, date, author, categories, tags, comments, source, words, read, starred, userTags, hiddenTags
        }

        /// Fills the reader's state of article `index` from `overlay`.
        public mutating func setState(_ overlay: ReaderOverlay?, index: Int, store: ArticleStore) {
            guard let overlay, overlay.count == store.count else { return }
            read = overlay.isRead(index)
            starred = overlay.isStarred(index)
            let user = overlay.userTags(ofArticle: index)
            userTags = user.added
            let fileTags = store.tagDisplayNames(ofArticle: index)
            hiddenTags = fileTags.filter { user.hidden.contains(tagKey($0)) }
        }
    }

    /// `show --json`: the summary's keys plus the text, in one flat object.
    public struct Detail: Encodable, Sendable, Equatable {
        public var summary: Summary
        public var link: String?
        public var leadIn: String?
        /// The body's source text, lines as written separated by `\n`.
        public var body: String
        /// The body as `BodyParser` reads it.
        public var blocks: [Block]
        public var related: [String]
        public var headers: [String: String]

        private enum CodingKeys: String, CodingKey {
            case link, leadIn, body, blocks, related, headers
        }

        public func encode(to encoder: any Encoder) throws {
            try summary.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(link, forKey: .link)
            try container.encode(leadIn, forKey: .leadIn)
            try container.encode(body, forKey: .body)
            try container.encode(blocks, forKey: .blocks)
            try container.encode(related, forKey: .related)
            try container.encode(headers, forKey: .headers)
        }
    }

    /// One body block: `kind` (paragraph, attribution, preformatted, list-item, signature),
    /// `level` (quotation depth, 0 = not quoted), `text` (a verbatim block's lines joined by
    /// `\n`), `lines` (a flowing block's text as its one line), `marker` (list items, else null).
    public struct Block: Encodable, Sendable, Equatable {
        public var kind: String
        public var level: Int
        public var text: String
        public var lines: [String]
        public var marker: String?

        public init(_ block: BodyBlock) {
            kind = block.kind.rawValue
            level = block.level
            text = block.text
            lines = block.lines
            marker = block.kind == .listItem ? block.marker : nil
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(level, forKey: .level)
            try container.encode(text, forKey: .text)
            try container.encode(lines, forKey: .lines)
            try container.encode(marker, forKey: .marker)
        }

        private enum CodingKeys: String, CodingKey {
            case kind, level, text, lines, marker
        }
    }

    /// One row of `tags --json`.
    public struct FacetRow: Encodable, Sendable, Equatable {
        public var value: String
        public var count: Int

        public init(value: String, count: Int) {
            self.value = value
            self.count = count
        }
    }

    public static func summary(of article: Article, tags: [String]) -> Summary {
        Summary(
            id: article.id.description,
            title: article.title,
            date: article.date?.isoDay,
            author: article.author,
            categories: article.categories,
            tags: tags,
            comments: article.comments,
            source: article.source.description,
            words: wordCount(article.bodyUTF8)
        )
    }

    public static func detail(of article: Article, tags: [String]) -> Detail {
        var headers: [String: String] = [:]
        for field in article.extraHeaders {
            // Repeated unknown headers are rare; keep every value rather than dropping one.
            if let existing = headers[field.name] {
                headers[field.name] = existing + "\n" + field.value
            } else {
                headers[field.name] = field.value
            }
        }
        let leadIn = article.leadInLength > 0 ? article.paragraphs.first.map { String($0.prefix(article.leadInLength)) } : nil
        return Detail(
            summary: summary(of: article, tags: tags),
            link: article.link,
            leadIn: leadIn,
            body: article.body,
            blocks: BodyParser.blocks(utf8: article.bodyUTF8).map(Block.init),
            related: article.related,
            headers: headers
        )
    }

    /// Encodes a value as pretty-printed JSON with sorted keys and a trailing newline.
    ///
    /// Safe to print on a terminal: the encoder escapes C0 controls only, so the C1 controls
    /// (U+0080–U+009F: U+009B is a one-byte CSI to xterm), the bidirectional overrides and
    /// isolates, and the line and paragraph separators are written as `\uXXXX` too. They occur
    /// only inside strings, which mean the same either way.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = escapingInvisibles(try encoder.encode(value))
        data.append(0x0A)
        return data
    }

    /// `json` with each C1 control, bidirectional control and line/paragraph separator escaped.
    static func escapingInvisibles(_ json: Data) -> Data {
        let bytes = [UInt8](json)
        func escaped(at index: Int) -> (scalar: UInt32, length: Int)? {
            let lead = bytes[index]
            if lead == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                return (UInt32(bytes[index + 1]), 2)
            }
            if lead == 0xD8, index + 1 < bytes.count, bytes[index + 1] == 0x9C { return (0x061C, 2) }  // Arabic letter mark
            guard lead == 0xE2, index + 2 < bytes.count else { return nil }
            let scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            switch scalar {
            case 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return (scalar, 3)
            default: return nil
            }
        }
        guard bytes.indices.contains(where: { bytes[$0] == 0xC2 || bytes[$0] == 0xD8 || bytes[$0] == 0xE2 }) else { return json }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let hex = Array("0123456789abcdef".utf8)
        var index = 0
        while index < bytes.count {
            if let (scalar, length) = escaped(at: index) {
                out += Array("\\u".utf8) + [12, 8, 4, 0].map { hex[Int(scalar >> UInt32($0) & 0xF)] }
                index += length
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return Data(out)
    }

    /// Whitespace-separated words in the body, counted on its bytes (no String per paragraph).
    public static func wordCount(_ body: [UInt8]) -> Int {
        var count = 0
        var inWord = false
        for byte in body {
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if isSpace {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}
