/// The one-article-per-file format: a mail-like header block, a blank line, the body.
public enum CanonicalFormat {
    /// Parses one canonical (or header-less) article file; problems become warnings, never failures.
    public static func parse(_ text: String, path: String) -> ParsedFile {
        TextBuffer.with(text) { parse($0, path: path) }
    }

    /// A header as written: name and value ranges, 1-based line, and the value with its
    /// continuation lines folded in (only when it has some).
    struct RawHeader {
        var name: Range<Int>
        var value: Range<Int>
        var folded: [UInt8]?
        var line: Int

        /// Runs `body` over the value's bytes.
        func withValue<R>(_ text: TextBuffer, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            if let folded { return folded.withUnsafeBufferPointer(body) }
            return body(UnsafeBufferPointer(rebasing: text.bytes[value]))
        }
    }

    /// `splitsDigests`: false for a digest's own messages (a digest inside one is shown as
    /// written, so hostile nesting cannot recurse without end).
    static func parse(_ text: TextBuffer, path: String, splitsDigests: Bool = true) -> ParsedFile {
        let lines = text.lines
        guard let firstText = lines.firstIndex(where: { !text.isBlank($0) }) else {
            return ParsedFile(warnings: [LoadWarning(path: path, line: 1, reason: "empty file")])
        }
        var warnings: [LoadWarning] = []
        var headers: [RawHeader] = []
        var bodyStart = firstText
        let first = headerStart(text, from: firstText)
        if hasHeaderBlock(text, from: first) {
            var index = first
            while index < lines.count {
                let line = lines[index]
                if text.isBlank(line) {
                    index += 1
                    break
                }
                if TextBuffer.isSpace(text.bytes[line.lowerBound]), !headers.isEmpty {
                    let last = headers.count - 1
                    var folded = headers[last].folded ?? Array(text.bytes[headers[last].value])
                    if !folded.isEmpty { folded.append(0x20) }
                    folded.append(contentsOf: text.bytes[text.trimmed(line)])
                    headers[last].folded = folded
                } else if let parts = text.headerParts(line) {
                    headers.append(RawHeader(name: parts.name, value: parts.value, line: index + 1))
                } else {
                    warnings.append(LoadWarning(path: path, line: index + 1, reason: "missing blank line after the headers"))
                    break
                }
                index += 1
            }
            bodyStart = index
        }

        var article = Article(id: ArticleID(value: 0), title: "", source: SourceLocation(path: path, line: first + 1))
        apply(headers, text, to: &article, path: path, warnings: &warnings)

        var bodyLines = bodyStart..<lines.count
        // A digest (RFC 1153, Mailman's plain digests) is its messages, one article each; the
        // digest is named by its Subject, else by the first line of its preamble.
        if splitsDigests, headers.isEmpty, let messages = Digest.notebookMessages(text, in: bodyLines) {
            // A LISTSERV notebook: its messages, nothing else (no title, no digest name).
            return Digest.parse(text, messages: messages, container: article, path: path, warnings: warnings)
        }
        if splitsDigests, let messages = Digest.messages(text, in: bodyLines),
           Digest.isDigest(text, messages: messages, body: bodyLines, container: article) {
            if article.title.isEmpty, let name = (bodyStart..<messages[0].lowerBound).first(where: { !text.isBlank(lines[$0]) }) {
                article.title = text.trimmedString(lines[name]).split(separator: " ").joined(separator: " ")
            }
            return Digest.parse(text, messages: messages, container: article, path: path, warnings: warnings)
        }
        if article.title.isEmpty {
            // No title header (or no headers at all): the first non-empty line is the title.
            guard let titleLine = bodyLines.first(where: { !text.isBlank(lines[$0]) }) else {
                warnings.append(LoadWarning(path: path, line: first + 1, reason: "no title and no body; article skipped"))
                return ParsedFile(warnings: warnings)
            }
            article.title = text.trimmedString(lines[titleLine])
            // A message whose Subject is there but empty (a quick note, much of the Enron
            // corpus's sent mail) is named by its first line, which stays its body's too.
            let hasEmptyTitle = headers.contains { HeaderRole(name: UnsafeBufferPointer(rebasing: text.bytes[$0.name])) == .title }
            if !hasEmptyTitle { bodyLines = (titleLine + 1)..<lines.count }
        }
        article.bodyUTF8 = text.body(bodyLines)
        article.id = ArticleID.fast(of: article)
        return ParsedFile(articles: [article], warnings: warnings)
    }

    /// A header block needs a `Name: value` first line, and either a name the formats know
    /// somewhere in the block or at least three fields ended by a blank line — so a header-less
    /// article titled `Breaking: spies` is not taken for headers.
    /// Where the header block starts: `first`, or the line after it when `first` is the line rn
    /// and trn write above a saved article (`Article 4211 of comp.os.linux.misc:`).
    static func headerStart(_ text: TextBuffer, from first: Int) -> Int {
        guard first + 1 < text.lines.count, isSavedArticleLine(text, text.lines[first]),
              text.headerParts(text.lines[first + 1]) != nil else { return first }
        return first + 1
    }

    static func isSavedArticleLine(_ text: TextBuffer, _ line: Range<Int>) -> Bool {
        let bytes = text.bytes[text.trimmed(line)]
        guard bytes.starts(with: "Article ".utf8), bytes.last == UInt8(ascii: ":"), bytes.count < 200 else { return false }
        var index = bytes.startIndex + 8
        let digits = index
        while index < bytes.endIndex, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        return index > digits && bytes[index...].starts(with: " of ".utf8) && !bytes[index...].dropFirst(4).contains(0x20)
    }

    static func hasHeaderBlock(_ text: TextBuffer, from first: Int) -> Bool {
        guard text.headerParts(text.lines[first]) != nil else { return false }
        var index = first
        var fields = 0
        while index < text.lines.count, index - first < 256 {
            let line = text.lines[index]
            if text.isBlank(line) { return fields >= 3 }
            if let parts = text.headerParts(line) {
                if text.isFamiliarHeader(parts.name) { return true }
                fields += 1
            } else if !TextBuffer.isSpace(text.bytes[line.lowerBound]) {
                break
            }
            index += 1
        }
        return false
    }

    /// Interprets headers (aliases folded); the first of a single-valued header wins, later ones
    /// and unknown ones are kept as extra headers.
    static func apply(_ headers: [RawHeader], _ text: TextBuffer, to article: inout Article, path: String,
                      warnings: inout [LoadWarning]) {
        var tags = CaselessList(), categories = CaselessList()
        var hasDate = false, hasComments = false
        for header in headers {
            let keep = header.withValue(text) { value -> Bool in
                let role = HeaderRole(name: UnsafeBufferPointer(rebasing: text.bytes[header.name]))
                return interpret(role, value, line: header.line, into: &article, tags: &tags, categories: &categories,
                                 hasDate: &hasDate, hasComments: &hasComments, path: path, warnings: &warnings)
            }
            if keep {
                let value = header.withValue(text) { String(decoding: $0, as: UTF8.self) }
                article.extraHeaders.append(HeaderField(name: text.string(header.name), value: decodedWords(value, line: header.line, path: path, warnings: &warnings)))
            }
        }
        article.tags = tags.items
        article.categories = categories.items
    }

    /// Applies one header; true when it is to be kept as an extra header.
    private static func interpret(
        _ role: HeaderRole?, _ value: UnsafeBufferPointer<UInt8>, line: Int, into article: inout Article,
        tags: inout CaselessList, categories: inout CaselessList, hasDate: inout Bool, hasComments: inout Bool,
        path: String, warnings: inout [LoadWarning]
    ) -> Bool {
        func string() -> String { String(decoding: value, as: UTF8.self) }
        func text() -> String { decodedWords(string(), line: line, path: path, warnings: &warnings) }
        switch role {
        case .title:
            guard article.title.isEmpty else { return true }
            article.title = text()
        case .date:
            if hasDate { return true }
            guard !value.isEmpty else { return false }
            hasDate = true
            article.date = DateParser.parseISODay(value) ?? DateParser.parse(string())
            if article.date == nil {
                warnings.append(LoadWarning(path: path, line: line, reason: "unparseable date \(quoted(string()))"))
            }
        case .author:
            guard article.author == nil, !value.isEmpty else { return !value.isEmpty }
            article.author = text()
        case .tags:
            tags.reserve(value.reduce(1) { $0 + ($1 == 0x2C ? 1 : 0) })
            TagList.forEachItem(value) { tags.append($0) }
        case .gmailLabels:
            for label in GmailLabels.tags(value, problem: { warnings.append(LoadWarning(path: path, line: line, reason: $0)) }) {
                tags.append(label)
            }
        case .category:
            if !value.isEmpty { categories.append(value) }
        case .categories:
            TagList.forEachItem(value) { categories.append($0) }
        case .comments:
            if hasComments || value.isEmpty { return !value.isEmpty }
            // Mail's own `Comments:` field is free text (LISTSERV writes `Comments: To: LIST@…`):
            // a value of several words, or with `:` or `@`, is that, kept as written.
            if value.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x3A || $0 == 0x40 }) { return true }
            hasComments = true
            let text = string()
            if let count = Int(text), count >= 0 {
                article.comments = count
            } else {
                warnings.append(LoadWarning(path: path, line: line, reason: "invalid comment count \(quoted(text))"))
            }
        case .link:
            guard article.link == nil, !value.isEmpty else { return !value.isEmpty }
            article.link = string()
        case .messageID:
            if article.messageID == nil { article.messageID = IdentityText.normalisedMessageID(string()) }
            return true
        case .inReplyTo:
            // Some mailers write a phrase around the id; the first `<…>` is the parent.
            if article.inReplyTo == nil {
                article.inReplyTo = IdentityText.messageIDs(in: string()).first ?? IdentityText.normalisedMessageID(string())
            }
            return true
        case .references:
            article.references += IdentityText.messageIDs(in: string())
            return true
        case nil:
            return true
        }
        return false
    }

    /// `value` with RFC 2047 encoded words decoded; one that cannot be is kept and warned about.
    static func decodedWords(_ value: String, line: Int, path: String, warnings: inout [LoadWarning]) -> String {
        let (decoded, problem) = EncodedWords.decode(value)
        if let problem { warnings.append(LoadWarning(path: path, line: line, reason: problem)) }
        return decoded
    }

    /// A value quoted for a warning, cut short so a hostile 10 MB line stays a one-line warning.
    static func quoted(_ value: String) -> String {
        let limit = 60
        guard value.utf8.count > limit else { return "\"\(value)\"" }
        return "\"\(value.prefix(limit))…\""
    }
}
