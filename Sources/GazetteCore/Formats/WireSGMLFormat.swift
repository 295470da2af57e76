/// Wire archives kept as SGML: Reuters-21578 (`reut2-000.sgm`: `<REUTERS …>` records holding
/// `<DATE>`, `<TOPICS><D>…</D></TOPICS>`, `<TITLE>`, `<DATELINE>`, `<BODY>`) and the TIPSTER/TREC
/// collections (`<DOC>` records with `<DOCNO>`, `<HEAD>` or `<HL>`, `<BYLINE>`, `<DATELINE>`,
/// `<TEXT>`: AP, WSJ and others; LDC Gigaword's `<DOC id="…" type="…">` with `<HEADLINE>` and
/// `<P>` paragraphs). Many stories per file, each a record.
///
/// Records are found by their tags only; the markup is never validated (the real files are
/// not valid SGML: `&#3;` end-of-story marks, stray `<`); tag names match in any case, as in
/// SGML. A record without its closing tag runs to the next record or the end of the file,
/// with a warning.
enum WireSGMLFormat: ArticleFormat {
    static let name = "SGML wire archive"

    static func claims(_ file: ArticleFileInput) -> Bool {
        let text = file.text
        guard let first = text.lines.prefix(64).first(where: { !text.isBlank($0) }) else { return false }
        let line = text.trimmed(first)
        // `<DOC>`, or Gigaword's `<DOC id="…" type="story" >`.
        return text.hasPrefix(line, "<REUTERS", caseInsensitive: true) || text.hasPrefix(line, "<DOC>", caseInsensitive: true)
            || text.hasPrefix(line, "<DOC ", caseInsensitive: true) || text.hasPrefix(line, "<!DOCTYPE lewis", caseInsensitive: true)
    }

    static func parse(_ file: ArticleFileInput) -> ParsedFile {
        let bytes = Array(file.text.bytes)
        var result = ParsedFile()
        var lines = LineCounter(bytes)
        var cursor = 0
        while let (start, kind) = nextRecord(in: bytes, from: cursor) {
            // The record starts inside its opening tag, where its attributes are.
            let contentStart = start + 1 + kind.name.count
            let next = nextRecord(in: bytes, from: contentStart)?.start ?? bytes.count
            let end: Int
            if let close = SGMLText.find(kind.close, in: bytes, from: contentStart, before: next) {
                end = close
                cursor = close + kind.close.count
            } else {
                end = next
                cursor = next
                result.warnings.append(LoadWarning(path: file.path, line: lines.line(at: start),
                                                   reason: "no closing \(String(decoding: kind.close, as: UTF8.self)); the story runs to the next one"))
            }
            let record = SGMLRecord(bytes: bytes, range: contentStart..<end)
            let line = lines.line(at: start)
            guard let article = kind == .reuters ? reuters(record, path: file.path, line: line) : tipster(record, path: file.path, line: line) else {
                result.warnings.append(LoadWarning(path: file.path, line: line, reason: "story with neither title nor text; skipped"))
                continue
            }
            if article.date == nil, let dateText = record.text("DATE") ?? record.text("DD") {
                result.warnings.append(LoadWarning(path: file.path, line: line, reason: "unparseable date \(CanonicalFormat.quoted(dateText))"))
            }
            result.articles.append(article)
        }
        if result.articles.isEmpty && result.warnings.isEmpty {
            result.warnings.append(LoadWarning(path: file.path, line: 1, reason: "no <REUTERS> or <DOC> story in an SGML wire file"))
        }
        return result
    }

    private enum Kind {
        case reuters, doc

        var name: [UInt8] { Array((self == .reuters ? "REUTERS" : "DOC").utf8) }
        var close: [UInt8] { Array((self == .reuters ? "</REUTERS>" : "</DOC>").utf8) }
    }

    /// The next record's opening tag at or after `from` (`<REUTERS …>`, `<DOC>`, `<DOC id=…>`,
    /// in any case): one pass over the bytes, whichever kind comes first.
    private static func nextRecord(in bytes: [UInt8], from: Int) -> (start: Int, kind: Kind)? {
        SGMLText.findOpening([Kind.reuters.name, Kind.doc.name], in: bytes, from: from, before: bytes.count)
            .map { ($0.offset, $0.which == 0 ? .reuters : .doc) }
    }

    /// A Reuters-21578 record: TOPICS are categories; PLACES, PEOPLE, ORGS and EXCHANGES tags.
    private static func reuters(_ record: SGMLRecord, path: String, line: Int) -> Article? {
        let headline = record.text("TITLE")
        // Briefs and unprocessed stories have no BODY: their text is what TEXT holds besides the
        // title (briefs put "******" before it).
        let text = record.text("BODY", keepingLines: true) ?? record.text("TEXT", keepingLines: true, dropping: ["TITLE", "DATELINE"])
        let body = text.map(withoutSignOff).map { String($0.drop(while: { $0 == "*" || $0.isWhitespace })) } ?? ""
        let dateline = record.text("DATELINE")
        guard let title = headline ?? firstLine(of: body) else { return nil }
        var tags = CaselessList(), categories = CaselessList()
        for topic in record.list("TOPICS") { categories.append(topic) }
        for element in ["PLACES", "PEOPLE", "ORGS", "EXCHANGES"] {
            for value in record.list(element) { tags.append(value) }
        }
        var headers: [HeaderField] = []
        if let id = record.attribute("NEWID") { headers.append(HeaderField(name: "Reuters-NewID", value: id)) }
        return article(title: title, dateText: record.text("DATE"), byline: record.text("AUTHOR"), dateline: dateline,
                       body: body, tags: tags.items, categories: categories.items, headers: headers, path: path, line: line)
    }

    /// A TIPSTER/TREC or Gigaword record: the date from DATE or DD, else the document number
    /// (`AP880212-0001`, Gigaword's `id="AFP_ENG_19940512.0004"`).
    private static func tipster(_ record: SGMLRecord, path: String, line: Int) -> Article? {
        // Lead paragraphs (WSJ's LP, SJMN's LEADPARA) open the story, before the text.
        let body = ["LP", "LEADPARA", "TEXT"].compactMap { record.allText($0).map(separatingIndentedLines) }.joined(separator: "\n\n")
        // FBIS titles its stories in `<H3> <TI> … </TI></H3>`.
        let headline = (record.text("HEAD") ?? record.text("HL") ?? record.text("HEADLINE")).map(joiningHeadlineLines) ?? record.text("TI")
        guard let title = headline ?? firstLine(of: body) else { return nil }
        let number = record.text("DOCNO") ?? record.attribute("ID")
        // DATE (LA Times: `January 1, 1989, Sunday, Home Edition`), DD, FBIS's DATE1, SJMN's
        // PUBDATE (`910101`), else the document number.
        var dateText: String?
        for element in ["DATE", "DD", "DATE1", "PUBDATE"] {
            if let text = record.text(element), let readable = readableDate(text) {
                dateText = readable
                break
            }
        }
        if dateText == nil { dateText = number.flatMap(dayFromDocumentNumber) }
        var headers: [HeaderField] = []
        if let number { headers.append(HeaderField(name: "DocNo", value: number)) }
        // WSJ's SO is the source (`WALL STREET JOURNAL (J), PAGE A1`), never the author.
        if let source = record.text("SO") { headers.append(HeaderField(name: "Source", value: source)) }
        // Gigaword's story type (`story`, `multi`, `advis`, `other`) is a category: advisories
        // can then be hidden in one step.
        let categories = record.attribute("TYPE").map { [$0] } ?? []
        return article(title: title, dateText: dateText, byline: record.text("BYLINE") ?? record.text("AUTHOR"),
                       dateline: record.text("DATELINE"), body: body, tags: [], categories: categories, headers: headers,
                       path: path, line: line)
    }

    private static func article(title: String, dateText: String?, byline: String?, dateline: String?, body: String,
                                tags: [String], categories: [String], headers: [HeaderField], path: String, line: Int) -> Article {
        var text = body
        if let dateline, !dateline.isEmpty {
            // The dateline opens the story, as it is printed: "CHICAGO, March 2 - Grain …".
            let lead = text.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" })
            let indent = text[..<lead.startIndex].split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
            let mark = dateline.hasSuffix("-") || dateline.hasSuffix("—") ? "" : " -"
            text = String(indent) + dateline + mark + " " + String(lead)
        } else if let firstText = text.firstIndex(where: { $0 != " " && $0 != "\n" && $0 != "\t" }) {
            // Blank lines before the story (`<TEXT>` on a line of its own) are not the body; the
            // first line keeps its indent.
            if let newline = text[..<firstText].lastIndex(of: "\n") { text.removeSubrange(...newline) }
        }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        var article = Article(id: ArticleID(value: 0), title: title, date: dateText.flatMap(DateParser.parse),
                              author: byline.map(withoutBy), categories: categories, tags: tags, extraHeaders: headers,
                              source: SourceLocation(path: path, line: line))
        article.bodyUTF8 = Array(text.utf8)
        article.leadInLength = LeadIn.length(ofFirstParagraphIn: article.bodyUTF8)
        article.id = ArticleID.fast(of: article)
        return article
    }

    /// `By JANE DOE, Associated Press Writer` → `JANE DOE, Associated Press Writer`.
    private static func withoutBy(_ byline: String) -> String {
        let lower = byline.lowercased()
        return lower.hasPrefix("by ") ? String(byline.dropFirst(3).trimmingASCIISpaces()) : byline
    }

    /// The body without Reuters' closing "Reuter" line.
    private static func withoutSignOff(_ body: String) -> String {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        while let last = lines.last, last.trimmingASCIISpaces().isEmpty { lines.removeLast() }
        if let last = lines.last, last.trimmingASCIISpaces().lowercased() == "reuter" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private static func firstLine(of body: String) -> String? {
        body.split(separator: "\n").lazy.map { $0.trimmingASCIISpaces() }.first { !$0.isEmpty }.map(String.init)
    }

    /// TREC text whose every line is indented: each line is a paragraph (AP indents a
    /// paragraph's first line and writes the rest flush left, so a text of one-line paragraphs
    /// has no flush-left line, and the body's own rules would join them or keep them as
    /// written). They are separated by blank lines and lose their indent; rows with column gaps
    /// (tables) stay together as written. Left alone when a line is flush left, or when a line
    /// before the last ends no sentence (indented prose wrapped over lines).
    static func separatingIndentedLines(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var lines: [(start: Int, text: Int, end: Int)] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
            var first = start, end = index
            while first < end, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
            while end > first, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            if first < end {
                if first == start { return text }
                lines.append((start, first, end))
            }
            start = index + 1
        }
        func isRow(_ line: (start: Int, text: Int, end: Int)) -> Bool {
            var index = line.text
            while index < line.end {
                if bytes[index] == 0x09 { return true }
                if bytes[index] == 0x20, bytes[index + 1] == 0x20 {
                    // Two spaces after a full stop are typewriter spacing, more are a column gap.
                    let afterSentence = ".!?:".utf8.contains(bytes[index - 1]) && bytes[index + 2] != 0x20
                    if !afterSentence { return true }
                }
                index += 1
            }
            return false
        }
        func endsSentence(_ line: (start: Int, text: Int, end: Int)) -> Bool {
            var end = line.end
            while end > line.text + 1, "'\")".utf8.contains(bytes[end - 1]) { end -= 1 }
            return ".!?:".utf8.contains(bytes[end - 1])
        }
        var rows: [Bool] = []
        rows.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            let row = isRow(line)
            if !row, index < lines.count - 1, !endsSentence(line) { return text }
            rows.append(row)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + lines.count)
        for (index, line) in lines.enumerated() {
            if index > 0 { out += rows[index] && rows[index - 1] ? [0x0A] : [0x0A, 0x0A] }
            out += bytes[(rows[index] ? line.start : line.text)..<line.end]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// WSJ's headline lines, marked by `@` (`Heard on the Street: @ Bank Shares Slip`), as one
    /// title: after a colon the next line follows with a space, else after a dash; rule lines
    /// (`----`) are dropped.
    static func joiningHeadlineLines(_ headline: String) -> String {
        guard headline.contains("@") else { return headline }
        var title = ""
        for part in headline.split(separator: "@") {
            let line = part.trimmingASCIISpaces()
            guard line.contains(where: { $0 != "-" }) else { continue }
            if !title.isEmpty { title += title.hasSuffix(":") ? " " : " — " }
            title += line
        }
        return title.isEmpty ? headline : title
    }

    /// A date element's text as `DateParser` reads it: as written, the YYMMDD of SJMN's
    /// `910101`, or the date leading a longer text (`January 1, 1989, Sunday, Home Edition`).
    static func readableDate(_ text: String) -> String? {
        if DateParser.parse(text) != nil { return text }
        let utf8 = Array(text.utf8)
        if utf8.count == 6 || utf8.count == 8, utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) {
            let digits = String(decoding: utf8, as: UTF8.self)
            return dayFromDocumentNumber(digits).flatMap { DateParser.parse($0) != nil ? $0 : nil }
        }
        // Cut at each comma, longest first: a handful of tries on a short text.
        var end = text.endIndex
        while let comma = text[..<end].lastIndex(of: ",") {
            let lead = String(text[..<comma])
            if DateParser.parse(lead) != nil { return lead }
            end = comma
        }
        return nil
    }

    /// `AP880212-0001` → `1988-02-12`: letters, then YYMMDD (the LA Times writes MMDDYY:
    /// `LA010189-0001` is 1989-01-01); Gigaword's
    /// `AFP_ENG_19940512.0004` → `1994-05-12`: letters and underscores, then YYYYMMDD.
    static func dayFromDocumentNumber(_ number: String) -> String? {
        let rest = number.drop(while: { $0.isLetter || $0 == "_" })
        let digits = Array(rest.prefix(while: { $0.isASCII && $0.isNumber }))
        if digits.count == 8 {
            return "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))"
        }
        guard digits.count >= 6 else { return nil }
        let monthFirst = number.hasPrefix("LA") || number.hasPrefix("la")
        let (yearDigits, month, day) = monthFirst ? (digits[4..<6], digits[0..<2], digits[2..<4]) : (digits[0..<2], digits[2..<4], digits[4..<6])
        guard let yy = Int(String(yearDigits)) else { return nil }
        let year = yy < 50 ? 2000 + yy : 1900 + yy
        return "\(year)-\(String(month))-\(String(day))"
    }
}

/// Line numbers of byte offsets, counted forward as records are met.
private struct LineCounter {
    let bytes: [UInt8]
    var offset = 0
    var line = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func line(at target: Int) -> Int {
        if target < offset { (offset, line) = (0, 1) }
        while offset < target {
            if bytes[offset] == 0x0A { line += 1 }
            offset += 1
        }
        return line
    }
}
