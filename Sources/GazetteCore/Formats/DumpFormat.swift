/// The scraped blog dump: many posts per file, each a title line, a dateline, one paragraph
/// per line, a `► Author: … | Date: … | Permalink` footer, then tags and teasers of other posts.
public enum DumpFormat {
    /// Whether `text` has the dump's shape: a title line followed by a dateline near the top,
    /// and no canonical header on its first line. Looks at the first lines only.
    public static func looksLikeDump(_ text: String) -> Bool {
        TextBuffer.with(text, maxLines: 64) { looksLikeDump($0) }
    }

    static func looksLikeDump(_ text: TextBuffer) -> Bool {
        let lines = text.lines.prefix(64)
        guard let first = lines.firstIndex(where: { !text.isBlank($0) }) else { return false }
        // A file that begins with a header block is a mail or news article, whatever its body holds.
        if let parts = text.headerParts(lines[first]), text.isFamiliarHeader(parts.name) { return false }
        if CanonicalFormat.hasHeaderBlock(text, from: first) { return false }
        var index = first + 1
        while index < lines.count {
            if text.dateline(lines[index]) != nil, !text.isBlank(lines[index - 1]),
                text.dateline(lines[index - 1]) == nil, text.footer(lines[index - 1]) == nil
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// Parses every post of a dump; malformed parts become `path:line` warnings.
    public static func parse(_ text: String, path: String) -> ParsedFile {
        TextBuffer.with(text) { parse($0, path: path) }
    }

    /// Where a region of the file starts: a post (title line + dateline) or a dateline with no title.
    struct Boundary {
        var start: Int
        var dateline: Int
        var parsed: Dateline
        var titled: Bool
    }

    static func parse(_ text: TextBuffer, path: String) -> ParsedFile {
        let lines = text.lines
        var result = ParsedFile()
        var boundaries: [Boundary] = []
        var previousWasDateline = false
        for index in lines.indices {
            guard let dateline = text.dateline(lines[index]) else {
                previousWasDateline = false
                continue
            }
            let titled = index > 0 && !previousWasDateline && !text.isBlank(lines[index - 1])
                && text.footer(lines[index - 1]) == nil
            boundaries.append(Boundary(start: titled ? index - 1 : index, dateline: index, parsed: dateline, titled: titled))
            previousWasDateline = true
        }
        boundaries = withoutQuotedDatelines(text, boundaries)
        warnAboutPreamble(text, upTo: boundaries.first?.start ?? lines.count, path: path, into: &result.warnings)
        for (number, boundary) in boundaries.enumerated() {
            let end = number + 1 < boundaries.count ? boundaries[number + 1].start : lines.count
            guard boundary.titled else {
                result.warnings.append(LoadWarning(path: path, line: boundary.dateline + 1,
                                                   reason: "dateline with no title; post skipped"))
                continue
            }
            let article = post(text, boundary, end: end, path: path, warnings: &result.warnings)
            result.articles.append(article)
        }
        return result
    }

    /// Drops a boundary that is a date quoted inside a post (a letter's `To the Authority` /
    /// `January 5, 1962`): the post before it has no footer of its own yet, and the footer after
    /// it carries the earlier post's date, not this one's.
    static func withoutQuotedDatelines(_ text: TextBuffer, _ boundaries: [Boundary]) -> [Boundary] {
        guard boundaries.count > 1 else { return boundaries }
        let lines = text.lines
        var kept: [Boundary] = []
        for (number, boundary) in boundaries.enumerated() {
            guard let previous = kept.last, previous.titled, let previousDate = previous.parsed.date else {
                kept.append(boundary)
                continue
            }
            let end = number + 1 < boundaries.count ? boundaries[number + 1].start : lines.count
            let footerBefore = (previous.dateline + 1..<boundary.start).contains { text.footer(lines[$0]) != nil }
            let footerAfter = (boundary.dateline + 1..<end).lazy.compactMap { text.footer(lines[$0]) }.first
            if !footerBefore, let dateText = footerAfter?.dateText, let footerDate = DateParser.parse(dateText),
               footerDate.isoDay == previousDate.isoDay, footerDate.isoDay != boundary.parsed.date?.isoDay {
                continue
            }
            kept.append(boundary)
        }
        return kept
    }

    /// Lines before the first post belong to nothing: a footer there is reported as such,
    /// other text once.
    static func warnAboutPreamble(_ text: TextBuffer, upTo end: Int, path: String, into warnings: inout [LoadWarning]) {
        var reportedText = false
        for index in 0..<end where !text.isBlank(text.lines[index]) {
            if text.footer(text.lines[index]) != nil {
                warnings.append(LoadWarning(path: path, line: index + 1, reason: "footer with no dateline"))
            } else if !reportedText {
                reportedText = true
                warnings.append(LoadWarning(path: path, line: index + 1, reason: "text outside any post ignored"))
            }
        }
    }

    static func post(_ text: TextBuffer, _ boundary: Boundary, end: Int, path: String,
                     warnings: inout [LoadWarning]) -> Article {
        let lines = text.lines
        let dateline = boundary.parsed
        var article = Article(
            id: ArticleID(value: 0), title: text.trimmedString(lines[boundary.start]), date: dateline.date, author: dateline.author,
            comments: dateline.comments, source: SourceLocation(path: path, line: boundary.start + 1))
        if dateline.date == nil {
            warnings.append(LoadWarning(path: path, line: boundary.dateline + 1,
                                        reason: "unparseable date \(CanonicalFormat.quoted(dateline.dateText))"))
        }
        let regionStart = boundary.dateline + 1
        var footerLine: Int?, footer: DumpFooter?
        var filedLine: Int?
        for index in regionStart..<end {
            if let found = text.footer(lines[index]) {
                footerLine = index
                footer = found
                break
            }
            if filedLine == nil, text.filedUnder(lines[index]) != nil { filedLine = index }
        }
        let bodyEnd = footerLine ?? filedLine ?? end
        article.bodyUTF8 = text.bodyOfLines(regionStart..<bodyEnd)
        article.leadInLength = LeadIn.length(ofFirstParagraphIn: article.bodyUTF8)
        if let footer, let footerLine {
            crossCheck(footer, line: footerLine, into: &article, path: path, warnings: &warnings)
        }

        var tags = CaselessList(), categories = CaselessList()
        let trailerStart = footerLine.map { $0 + 1 } ?? bodyEnd
        for index in trailerStart..<end where !text.isBlank(lines[index]) {
            let line = lines[index]
            if let filed = text.filedUnder(line) {
                if filed.category == nil, filed.tags.isEmpty {
                    warnings.append(LoadWarning(path: path, line: index + 1, reason: "\"Filed under\" with nothing after it"))
                }
                if let category = filed.category { categories.append(category) }
                for tag in filed.tags { tags.append(tag) }
            } else if text.footer(line) != nil {
                warnings.append(LoadWarning(path: path, line: index + 1, reason: "second footer in one post ignored"))
            } else {
                article.related.append(text.trimmedString(line))
            }
        }
        article.tags = tags.items
        article.categories = categories.items
        article.id = ArticleID.fast(of: article)
        return article
    }

    /// Author from the footer when the dateline had none; the footer's date must agree with the dateline's.
    static func crossCheck(_ footer: DumpFooter, line: Int, into article: inout Article, path: String,
                           warnings: inout [LoadWarning]) {
        if article.author == nil { article.author = footer.author }
        guard let dateText = footer.dateText else { return }
        guard let footerDate = DateParser.parse(dateText) else {
            warnings.append(LoadWarning(path: path, line: line + 1,
                                        reason: "unparseable footer date \(CanonicalFormat.quoted(dateText))"))
            return
        }
        guard let date = article.date else {
            article.date = footerDate
            return
        }
        if date.isoDay != footerDate.isoDay {
            warnings.append(LoadWarning(path: path, line: line + 1,
                                        reason: "footer date \(footerDate.isoDay) does not match the dateline's \(date.isoDay)"))
        }
    }
}

extension DumpFormat: ArticleFormat {
    static let name = "blog dump"

    static func claims(_ file: ArticleFileInput) -> Bool { looksLikeDump(file.text) }

    static func parse(_ file: ArticleFileInput) -> ParsedFile { parse(file.text, path: file.path) }
}
