/// The one-article-per-file format: a mail-like header block, a blank line, the body.
public enum CanonicalFormat {
    /// Parses one canonical (or header-less) article file; problems become warnings, never failures.
    public static func parse(_ text: String, path: String) -> ParsedFile {
        TextBuffer.with(text) { parse($0, path: path) }
    }

    /// A header as written: name, value (continuation lines folded in) and 1-based line.
    struct RawHeader {
        var name: String
        var value: String
        var line: Int
    }

    static func parse(_ text: TextBuffer, path: String) -> ParsedFile {
        let lines = text.lines
        guard let first = lines.firstIndex(where: { !text.isBlank($0) }) else {
            return ParsedFile(warnings: [LoadWarning(path: path, line: 1, reason: "empty file")])
        }
        var warnings: [LoadWarning] = []
        var headers: [RawHeader] = []
        var bodyStart = first
        if hasHeaderBlock(text, from: first) {
            var index = first
            while index < lines.count {
                let line = lines[index]
                if text.isBlank(line) {
                    index += 1
                    break
                }
                if TextBuffer.isSpace(text.bytes[line.lowerBound]), !headers.isEmpty {
                    let more = text.trimmedString(line)
                    headers[headers.count - 1].value += headers[headers.count - 1].value.isEmpty ? more : " " + more
                } else if let parts = text.headerParts(line) {
                    headers.append(RawHeader(name: text.string(parts.name), value: text.string(parts.value), line: index + 1))
                } else {
                    warnings.append(LoadWarning(path: path, line: index + 1, reason: "missing blank line after the headers"))
                    break
                }
                index += 1
            }
            bodyStart = index
        }

        var article = Article(id: ArticleID(value: 0), title: "", source: SourceLocation(path: path, line: first + 1))
        apply(headers, to: &article, path: path, warnings: &warnings)

        var bodyLines = bodyStart..<lines.count
        if article.title.isEmpty {
            // No title header (or no headers at all): the first non-empty line is the title.
            guard let titleLine = bodyLines.first(where: { !text.isBlank(lines[$0]) }) else {
                warnings.append(LoadWarning(path: path, line: first + 1, reason: "no title and no body; article skipped"))
                return ParsedFile(warnings: warnings)
            }
            article.title = text.trimmedString(lines[titleLine])
            bodyLines = (titleLine + 1)..<lines.count
        }
        article.paragraphs = text.paragraphs(bodyLines)
        article.id = ArticleID.fast(title: article.title, date: article.date)
        return ParsedFile(articles: [article], warnings: warnings)
    }

    /// A header block needs a `Name: value` first line, and a name the formats know somewhere in
    /// the block — so a header-less article titled `Breaking: spies` is not taken for headers.
    static func hasHeaderBlock(_ text: TextBuffer, from first: Int) -> Bool {
        guard text.headerParts(text.lines[first]) != nil else { return false }
        var index = first
        while index < text.lines.count, index - first < 256 {
            let line = text.lines[index]
            if text.isBlank(line) { break }
            if let parts = text.headerParts(line) {
                if text.isFamiliarHeader(parts.name) { return true }
            } else if !TextBuffer.isSpace(text.bytes[line.lowerBound]) {
                break
            }
            index += 1
        }
        return false
    }

    /// Interprets headers (aliases folded); the first of a single-valued header wins, later ones
    /// and unknown ones are kept as extra headers.
    static func apply(_ headers: [RawHeader], to article: inout Article, path: String, warnings: inout [LoadWarning]) {
        var seenTags = Set<String>(), seenCategories = Set<String>()
        var hasDate = false, hasComments = false
        for header in headers {
            let value = header.value
            var keep = false
            switch HeaderRole(lowercasedName: header.name.lowercased()) {
            case .title:
                if article.title.isEmpty { article.title = value } else { keep = true }
            case .date:
                if hasDate {
                    keep = true
                } else if !value.isEmpty {
                    hasDate = true
                    article.date = DateParser.parse(value)
                    if article.date == nil {
                        warnings.append(LoadWarning(path: path, line: header.line, reason: "unparseable date \(quoted(value))"))
                    }
                }
            case .author:
                if article.author == nil, !value.isEmpty { article.author = value } else { keep = !value.isEmpty }
            case .tags:
                TagList.appendUnique(TagList.split(value), to: &article.tags, seen: &seenTags)
            case .category:
                if !value.isEmpty { TagList.appendUnique([value], to: &article.categories, seen: &seenCategories) }
            case .categories:
                TagList.appendUnique(TagList.split(value), to: &article.categories, seen: &seenCategories)
            case .comments:
                if hasComments || value.isEmpty {
                    keep = !value.isEmpty
                } else if let count = Int(value), count >= 0 {
                    hasComments = true
                    article.comments = count
                } else {
                    hasComments = true
                    warnings.append(LoadWarning(path: path, line: header.line, reason: "invalid comment count \(quoted(value))"))
                }
            case .link:
                if article.link == nil, !value.isEmpty { article.link = value } else { keep = !value.isEmpty }
            case nil:
                keep = true
            }
            if keep { article.extraHeaders.append(HeaderField(name: header.name, value: value)) }
        }
    }

    /// A value quoted for a warning, cut short so a hostile 10 MB line stays a one-line warning.
    static func quoted(_ value: String) -> String {
        let limit = 60
        guard value.utf8.count > limit else { return "\"\(value)\"" }
        return "\"\(value.prefix(limit))…\""
    }
}
