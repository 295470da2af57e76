/// Plain-text digests (RFC 1153): the RISKS Forum, Info-Mac, and every Mailman list's
/// "Digest, Vol 12, Issue 3" — one file or mail holding many messages. A preamble (often a
/// table of contents), then messages each opened by a line of hyphens (30; 70 after the
/// preamble), a blank line and a header block; a trailer (`End of … Digest`) after the last.
///
/// A digest is split into one article per message, so a reader sees the posts, not the bundle.
enum Digest {
    /// The line ranges of the messages in `body` (each from its first header line to the line
    /// before the next separator), or nil when `body` is not a digest: at least two messages
    /// are needed, each opened by a separator and a header block that names a mail field.
    static func messages(_ text: TextBuffer, in body: Range<Int>) -> [Range<Int>]? {
        let lines = text.lines
        guard body.count >= 8 else { return nil }
        // Most bodies have no line of hyphens at all: one byte per line decides.
        guard body.contains(where: { text.bytes[lines[$0]].first == UInt8(ascii: "-") && isSeparator(text, lines[$0]) }) else { return nil }
        var starts: [(separator: Int, header: Int)] = []
        var separators: [Int] = []
        var index = body.lowerBound
        while index < body.upperBound {
            // A separator follows a blank line (or opens the body) and is followed by one.
            if isSeparator(text, lines[index]),
               index == body.lowerBound || text.isBlank(lines[index - 1]),
               index + 1 < body.upperBound, text.isBlank(lines[index + 1]) {
                separators.append(index)
                if let header = messageHeader(text, under: index, in: body) {
                    starts.append((index, header))
                    index = header
                    continue
                }
            }
            index += 1
        }
        guard starts.count >= 2 else { return nil }
        // A message runs to the separator of the next message (a rule inside it is its own);
        // the last to the last separator (the trailer and the list's footer follow it).
        let last = separators.last!
        return starts.indices.map { index in
            let start = starts[index]
            if index + 1 < starts.count { return start.header..<starts[index + 1].separator }
            return start.header..<(last > start.header ? last : body.upperBound)
        }
    }

    /// Whether the text says it is a digest — "digest" in its title, its preamble (before the
    /// first message) or its trailer (after the last) — and is not a reply to one: a reply
    /// quoting a digest without `>` marks is a post with quoted mail in it, not the digest.
    static func isDigest(_ text: TextBuffer, messages: [Range<Int>], body: Range<Int>, container: Article) -> Bool {
        if container.inReplyTo != nil || !container.references.isEmpty { return false }
        let title = container.title.lowercased()
        if title.hasPrefix("re:") || title.hasPrefix("re ") || title.hasPrefix("fwd:") || title.hasPrefix("fw:") { return false }
        if title.contains("digest") { return true }
        let word = Array("digest".utf8)
        func mentions(_ lines: Range<Int>) -> Bool {
            lines.contains { index in
                let bytes = text.bytes[text.lines[index]]
                guard bytes.count >= word.count else { return false }
                var at = bytes.startIndex
                while at + word.count <= bytes.endIndex {
                    if (0..<word.count).allSatisfy({ TextBuffer.lowerASCII(bytes[at + $0]) == word[$0] }) { return true }
                    at += 1
                }
                return false
            }
        }
        guard let first = messages.first, let last = messages.last else { return false }
        return mentions(body.lowerBound..<first.lowerBound) || mentions(last.upperBound..<body.upperBound)
    }

    /// The messages of a LISTSERV notebook (`SWIFT-L.LOG9901`, a list's monthly archive): the
    /// body opens with a line of `=` (73 of them) and a header block right under it, and every
    /// message after is opened the same way. nil for any other body.
    static func notebookMessages(_ text: TextBuffer, in body: Range<Int>) -> [Range<Int>]? {
        let lines = text.lines
        guard let first = body.first(where: { !text.isBlank(lines[$0]) }), isRule(text, lines[first], of: UInt8(ascii: "=")),
              first + 1 < body.upperBound, opensMessage(text, at: first + 1, limit: body.upperBound) else { return nil }
        var starts: [(separator: Int, header: Int)] = []
        var index = first
        while index < body.upperBound {
            if text.bytes[lines[index]].first == UInt8(ascii: "="), isRule(text, lines[index], of: UInt8(ascii: "=")),
               let header = messageHeader(text, under: index, in: body) {
                starts.append((index, header))
                index = header
                continue
            }
            index += 1
        }
        return starts.indices.map { index in
            starts[index].header..<(index + 1 < starts.count ? starts[index + 1].separator : body.upperBound)
        }
    }

    /// The first line of the header block that opens a message under the rule at `line`
    /// (blank lines between them skipped), or nil when no message opens there.
    private static func messageHeader(_ text: TextBuffer, under line: Int, in body: Range<Int>) -> Int? {
        var header = line + 1
        while header < body.upperBound, text.isBlank(text.lines[header]) { header += 1 }
        return header < body.upperBound && opensMessage(text, at: header, limit: body.upperBound) ? header : nil
    }

    /// A line of 40 to 100 of `mark` and nothing else (trailing blanks aside).
    static func isRule(_ text: TextBuffer, _ line: Range<Int>, of mark: UInt8) -> Bool {
        let content = text.trimmed(line)
        guard content.lowerBound == line.lowerBound, (40...100).contains(content.count) else { return false }
        return text.bytes[content].allSatisfy { $0 == mark }
    }

    /// A line of 27 to 80 hyphens and nothing else (trailing blanks aside).
    static func isSeparator(_ text: TextBuffer, _ line: Range<Int>) -> Bool {
        let content = text.trimmed(line)
        guard content.lowerBound == line.lowerBound, (27...80).contains(content.count) else { return false }
        return text.bytes[content].allSatisfy { $0 == UInt8(ascii: "-") }
    }

    /// A header block starts at `line`: two fields or more before its first blank line, a
    /// From, Date or Subject among them.
    private static func opensMessage(_ text: TextBuffer, at line: Int, limit: Int) -> Bool {
        guard text.headerParts(text.lines[line]) != nil else { return false }
        var index = line
        var fields = 0, mailFields = 0
        while index < limit, index - line < 64 {
            let range = text.lines[index]
            if text.isBlank(range) { break }
            if let parts = text.headerParts(range) {
                fields += 1
                let name = text.bytes[parts.name].map(TextBuffer.lowerASCII)
                if name.elementsEqual("from".utf8) || name.elementsEqual("date".utf8) || name.elementsEqual("subject".utf8) {
                    mailFields += 1
                }
            } else if !TextBuffer.isSpace(text.bytes[range.lowerBound]) {
                return false
            }
            index += 1
        }
        return fields >= 2 && mailFields >= 1
    }

    /// One article per message of the digest `container` (already read from the digest's own
    /// headers): a message without a date takes the digest's, and each names its digest in a
    /// `Digest` header. Lines and warnings are those of the whole text.
    static func parse(_ text: TextBuffer, messages: [Range<Int>], container: Article, path: String,
                      warnings: [LoadWarning]) -> ParsedFile {
        var result = ParsedFile(warnings: warnings)
        let digestName = container.title.isEmpty ? nil : container.title
        for message in messages {
            var parsed = CanonicalFormat.parse(text.slice(lines: message), path: path, splitsDigests: false)
            for index in parsed.articles.indices {
                var article = parsed.articles[index]
                article.source.line += message.lowerBound
                adopt(&article, digest: digestName, date: container.date)
                result.articles.append(article)
            }
            for index in parsed.warnings.indices where parsed.warnings[index].location.line > 0 {
                parsed.warnings[index].location.line += message.lowerBound
            }
            result.warnings += parsed.warnings
        }
        result.warnings.sort { $0.location.line < $1.location.line }
        return result
    }

    /// A message taken out of its digest: the digest's date when it has none, a `Digest`
    /// header naming it, and its id again (a content id depends on the date).
    static func adopt(_ article: inout Article, digest name: String?, date: ArticleDate?) {
        if article.date == nil, let date { article.date = date }
        if let name, !name.isEmpty { article.extraHeaders.append(HeaderField(name: "Digest", value: name)) }
        article.id = ArticleID.fast(of: article)
    }
}

extension TextBuffer {
    /// The lines `range` as a text of their own (line 1 is `range.lowerBound + 1` here).
    func slice(lines range: Range<Int>) -> TextBuffer {
        guard let first = range.first else { return TextBuffer(UnsafeBufferPointer(rebasing: bytes[0..<0]), lines: []) }
        let start = lines[first].lowerBound, end = lines[range.upperBound - 1].upperBound
        return TextBuffer(UnsafeBufferPointer(rebasing: bytes[start..<end]),
                          lines: lines[range].map { ($0.lowerBound - start)..<($0.upperBound - start) })
    }
}
