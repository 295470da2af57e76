/// Writes a `SyntheticArticle` as bytes in either format, appending to a reused buffer.
struct ArticleRenderer: Sendable {
    let facets: FacetVocabulary
    /// Canonical bodies are wrapped to this many columns (Unicode scalars).
    static let wrapWidth = 78

    // MARK: Canonical

    func appendCanonical(_ article: SyntheticArticle, to out: inout [UInt8]) {
        out += Self.titleHeader; out += article.title; out.append(0x0A)
        out += Self.dateHeader; out += Array(canonicalDate(article).utf8); out.append(0x0A)
        appendLine("Author: " + facets.authors[article.author], to: &out)
        appendLine("Category: " + facets.categories[article.category], to: &out)
        appendLine("Tags: " + article.tags.map { facets.tags[$0] }.joined(separator: ", "), to: &out)
        if article.hasCommentsHeader { appendLine("Comments: \(article.comments)", to: &out) }
        if let link = article.link { appendLine("Link: " + link, to: &out) }
        for paragraph in article.paragraphs {
            out.append(0x0A)
            Self.appendWrapped(paragraph, width: Self.wrapWidth, to: &out)
            out.append(0x0A)
        }
    }

    private func canonicalDate(_ article: SyntheticArticle) -> String {
        let day = article.day
        let seconds = article.secondOfDay
        let time = "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        switch article.dateStyle {
        case .isoDay: return day.iso
        case .isoInstant: return "\(day.iso)T\(time)Z"
        case .monthDayYear: return day.monthDayYear
        case .rfc2822: return "\(day.rfc2822Day) \(time) +0000"
        }
    }

    /// Appends `paragraph` (single-spaced text) with spaces turned into line breaks at `width`.
    static func appendWrapped(_ paragraph: [UInt8], width: Int, to out: inout [UInt8]) {
        var column = 0
        var index = 0
        let count = paragraph.count
        while index < count {
            var end = index
            var wordWidth = 0
            while end < count && paragraph[end] != 0x20 {
                if paragraph[end] & 0xC0 != 0x80 { wordWidth += 1 }
                end += 1
            }
            if column > 0 {
                if column + 1 + wordWidth > width {
                    out.append(0x0A)
                    column = 0
                } else {
                    out.append(0x20)
                    column += 1
                }
            }
            out += paragraph[index..<end]
            column += wordWidth
            index = end + 1
        }
    }

    // MARK: Dump

    func appendDumpPost(_ article: SyntheticArticle, to out: inout [UInt8]) {
        out += article.title; out.append(0x0A)
        var dateline = article.day.monthDayYear
        if article.datelineHasAuthor { dateline += " by " + facets.authors[article.author] }
        switch article.comments {
        case 0: dateline += " Leave a comment"
        case 1: dateline += " 1 Comment"
        default: dateline += " \(article.comments) Comments"
        }
        appendLine(dateline, to: &out)
        for paragraph in article.paragraphs {
            out += paragraph; out.append(0x0A)
        }
        appendLine("► Author: \(facets.authors[article.author]) | Date: \(article.day.dayMonthYear) | Permalink",
                   to: &out)
        if article.teasersBeforeFiledLine { appendTeasers(article, to: &out) }
        let category = "Filed under " + facets.categories[article.category]
        let tags = "Tagged with " + article.tags.map { facets.tags[$0] }.joined(separator: ", ")
        switch article.filedLine {
        case .categoryAndTags: appendLine(category + " " + tags, to: &out)
        case .categoryOnly: appendLine(category, to: &out)
        case .tagsOnly: appendLine(tags, to: &out)
        case .absent: break
        }
        if !article.teasersBeforeFiledLine { appendTeasers(article, to: &out) }
        out += repeatElement(0x0A, count: article.blankLinesAfter)
    }

    private func appendTeasers(_ article: SyntheticArticle, to out: inout [UInt8]) {
        for teaser in article.teasers {
            out += teaser; out.append(0x0A)
        }
    }

    private func appendLine(_ line: String, to out: inout [UInt8]) {
        out += line.utf8
        out.append(0x0A)
    }

    private static let titleHeader = Array("Title: ".utf8), dateHeader = Array("Date: ".utf8)
}
