/// Every field of `Article`, written and read in ONE place, field by field, for the snapshot.
///
/// A new `Article` field must be added here (and `fieldNames`, and `SnapshotFormat.version`
/// bumped); `ArticleCodecTests` fails while a field is missing.
enum ArticleCodec {
    /// The stored properties of `Article` this codec carries, in declaration order.
    static let fieldNames = [
        "id", "title", "date", "author", "categories", "tags", "comments", "link", "extraHeaders",
        "messageID", "inReplyTo", "references", "bodyUTF8", "unsplittableParagraphs", "leadInLength", "related", "source",
    ]

    static func encode(_ article: Article, into out: inout ByteWriter) {
        out.varint(article.id.value)
        out.int(article.id.isLong ? 1 : 0)
        out.string(article.title)
        out.optional(article.date) { out, date in
            out.int(date.year)
            out.int(date.month)
            out.int(date.day)
            out.int(date.instant)
        }
        out.optional(article.author) { $0.string($1) }
        out.strings(article.categories)
        out.strings(article.tags)
        out.optional(article.comments) { $0.int($1) }
        out.optional(article.link) { $0.string($1) }
        out.varint(UInt64(article.extraHeaders.count))
        for header in article.extraHeaders {
            out.string(header.name)
            out.string(header.value)
        }
        out.optional(article.messageID) { $0.string($1) }
        out.optional(article.inReplyTo) { $0.string($1) }
        out.strings(article.references)
        out.data(article.bodyUTF8)
        out.optional(article.unsplittableParagraphs) { $0.strings($1) }
        out.int(article.leadInLength)
        out.strings(article.related)
        out.string(article.source.path)
        out.int(article.source.line)
    }

    /// The article in `bytes`, or nil when they are not exactly one encoded article.
    /// Just the id of a record (its first two fields), without decoding the rest.
    static func decodeID(_ bytes: UnsafeRawBufferPointer) -> ArticleID? {
        var input = ByteReader(bytes)
        guard let id = input.varint(), let longID: Int = input.int() else { return nil }
        return longID == 0 ? ArticleID(value: id) : ArticleID(longHash: id)
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> Article? {
        var input = ByteReader(bytes)
        guard let head = readHead(&input), let (comments, link, headers, thread) = readMiddle(&input),
              let body = input.data(),
              let unsplittable = input.optional({ $0.strings() }),
              let leadInLength: Int = input.int(),
              let related = input.strings(),
              let path = input.string(), let line: Int = input.int(),
              input.isAtEnd
        else { return nil }
        var article = Article(id: head.id, title: head.title, date: head.date, author: head.author, categories: head.categories,
                              tags: head.tags, comments: comments, link: link, extraHeaders: headers, messageID: thread.messageID,
                              inReplyTo: thread.inReplyTo, references: thread.references, leadInLength: leadInLength,
                              related: related, source: SourceLocation(path: path, line: line))
        article.bodyUTF8 = Array(body)
        article.unsplittableParagraphs = unsplittable
        return article
    }
}

/// The leading fields of a record, read without the body: what a refresh compares and counts
/// for an article it keeps in place (date order, title order, facet values).
struct ArticleHead {
    var id: ArticleID
    var title: String
    var date: ArticleDate?
    var author: String?
    var categories: [String]
    var tags: [String]
}

extension ArticleCodec {
    /// The head of the record in `bytes` (the fields `encode` writes first), nil when malformed.
    static func decodeHead(_ bytes: UnsafeRawBufferPointer) -> ArticleHead? {
        var input = ByteReader(bytes)
        return readHead(&input)
    }

    /// Reads id, title, date, author, categories and tags: the fields `encode` writes first, in its order.
    private static func readHead(_ input: inout ByteReader) -> ArticleHead? {
        guard let id = input.varint(), let longID: Int = input.int(), let title = input.string(),
              let date = input.optional({ input -> ArticleDate? in
                  guard let year: Int = input.int(), let month: Int = input.int(), let day: Int = input.int(),
                        let instant: Int64 = input.int() else { return nil }
                  return ArticleDate(year: year, month: month, day: day, instant: instant)
              }),
              let author = input.optional({ $0.string() }),
              let categories = input.strings(), let tags = input.strings()
        else { return nil }
        return ArticleHead(id: longID == 0 ? ArticleID(value: id) : ArticleID(longHash: id), title: title, date: date,
                           author: author, categories: categories, tags: tags)
    }

    /// The reply headers of the record in `bytes` (no body copied), nil when malformed.
    static func decodeThreadFields(_ bytes: UnsafeRawBufferPointer) -> ThreadFields? {
        var input = ByteReader(bytes)
        guard readHead(&input) != nil, let (_, _, _, thread) = readMiddle(&input) else { return nil }
        return thread
    }

    /// Reads comments, link, extra headers and the reply headers: what `encode` writes after the head.
    private static func readMiddle(_ input: inout ByteReader) -> (Int?, String?, [HeaderField], ThreadFields)? {
        guard let comments = input.optional({ input -> Int? in input.int() }),
              let link = input.optional({ $0.string() }),
              let headerCount = input.count()
        else { return nil }
        var headers: [HeaderField] = []
        headers.reserveCapacity(headerCount)
        for _ in 0..<headerCount {
            guard let name = input.string(), let value = input.string() else { return nil }
            headers.append(HeaderField(name: name, value: value))
        }
        guard let messageID = input.optional({ $0.string() }),
              let inReplyTo = input.optional({ $0.string() }),
              let references = input.strings()
        else { return nil }
        return (comments, link, headers, ThreadFields(messageID: messageID, inReplyTo: inReplyTo, references: references))
    }
}
