/// The special lines of the blog-dump shape: dateline, footer, `Filed under … Tagged with …`.
struct Dateline {
    var dateText: String
    var date: ArticleDate?
    var author: String?
    var comments: Int?
}

struct DumpFooter {
    var author: String?
    var dateText: String?
}

struct FiledUnder {
    var category: String?
    var tags: [String]
}

extension TextBuffer {
    /// `March 28, 2022 Leave a comment` / `January 21, 2025 by NAME 1 Comment` / `N Comments`;
    /// the author and comment parts are optional. The date is checked later (Feb 30 → undated).
    func dateline(_ line: Range<Int>) -> Dateline? {
        let range = trimmed(line)
        var index = range.lowerBound
        let end = range.upperBound
        // Cheap rejection first: every line of a dump goes through here.
        guard index < end, Self.isLetter(bytes[index]) else { return nil }
        while index < end, Self.isLetter(bytes[index]) { index += 1 }
        guard index - range.lowerBound <= 9, index - range.lowerBound >= 3, startsLikeMonth(range.lowerBound),
            DateNames.month(lowercasedName(range.lowerBound..<index)) != nil
        else {
            return nil
        }
        if index < end, bytes[index] == 0x2E { index += 1 }
        guard skipSpaces(&index, end), digits(&index, end, 1...2), index < end, bytes[index] == 0x2C else { return nil }
        index += 1
        guard skipSpaces(&index, end), digits(&index, end, 4...4) else { return nil }
        guard index == end || Self.isSpace(bytes[index]) else { return nil }
        var dateline = Dateline(dateText: string(range.lowerBound..<index))
        dateline.date = DateParser.parse(dateline.dateText)
        var rest = trimmed(index..<end)
        if let start = suffix(rest, "leave a comment") ?? suffix(rest, "no comments") {
            dateline.comments = 0
            rest = trimmed(rest.lowerBound..<start)
        } else if let start = suffix(rest, "comments") ?? suffix(rest, "comment") {
            var digitsStart = start
            while digitsStart > rest.lowerBound, Self.isSpace(bytes[digitsStart - 1]) { digitsStart -= 1 }
            let digitsEnd = digitsStart
            while digitsStart > rest.lowerBound, bytes[digitsStart - 1] >= 0x30, bytes[digitsStart - 1] <= 0x39 {
                digitsStart -= 1
            }
            guard digitsStart < digitsEnd, digitsEnd - digitsStart <= 9,
                digitsStart == rest.lowerBound || Self.isSpace(bytes[digitsStart - 1])
            else { return nil }
            dateline.comments = Int(string(digitsStart..<digitsEnd))
            rest = trimmed(rest.lowerBound..<digitsStart)
        }
        if rest.isEmpty { return dateline }
        guard hasPrefix(rest, "by ", caseInsensitive: true) else { return nil }
        let author = trimmedString((rest.lowerBound + 3)..<rest.upperBound)
        dateline.author = author.isEmpty ? nil : author
        return dateline
    }

    /// `► Author: NAME | Date: 28 March 2022 | Permalink` (the `►` or a `| Date:` part is required).
    func footer(_ line: Range<Int>) -> DumpFooter? {
        var range = trimmed(line)
        let marked = hasPrefix(range, "►")
        if marked { range = trimmed((range.lowerBound + "►".utf8.count)..<range.upperBound) }
        guard hasPrefix(range, "Author:") || (marked && hasPrefix(range, "Date:")) else { return nil }
        guard marked || find("| Date:", in: range) != nil else { return nil }
        var footer = DumpFooter()
        let value = UnsafeBufferPointer(rebasing: bytes[range])
        // `|`-separated parts, split and trimmed on bytes as tag lists are (same result as
        // splitting `Character`s); a label counts when its ":" is a `Character` by itself.
        TagList.forEachItem(value, separator: 0x7C) { item in
            func rest(after label: StaticString) -> String?? {
                let length = label.utf8CodeUnitCount
                guard item.count >= length, (0..<length).allSatisfy({ item[$0] == label.utf8Start[$0] }) else { return nil }
                if item.count > length, item[length] >= 0x80 {
                    var end = length + 1
                    while end < item.count, item[end] & 0xC0 == 0x80 { end += 1 }
                    guard TagList.breaks(item[(length - 1)..<length], item[length..<end]) else { return nil }
                }
                // Trimmed as `Character`s: a space after a prepended mark is not a space of its own.
                let rest = String(decoding: item[length...], as: UTF8.self).trimmingASCIISpaces()
                return .some(rest.isEmpty ? nil : String(rest))
            }
            if let name = rest(after: "Author:") {
                if let name { footer.author = name }
            } else if let date = rest(after: "Date:") {
                if let date { footer.dateText = date }
            }
        }
        return footer
    }

    /// `Filed under CATEGORY Tagged with TAG, TAG` (either part may be missing). The category keeps its commas.
    func filedUnder(_ line: Range<Int>) -> FiledUnder? {
        let range = trimmed(line)
        let filed = "Filed under", tagged = "Tagged with"
        var result = FiledUnder(category: nil, tags: [])
        var tagsStart: Int?
        if hasPrefix(range, filed), wordEnds(range.lowerBound + filed.utf8.count, range) {
            let categoryStart = range.lowerBound + filed.utf8.count
            if let taggedAt = find(tagged, in: categoryStart..<range.upperBound),
                taggedAt == categoryStart || Self.isSpace(bytes[taggedAt - 1]),
                wordEnds(taggedAt + tagged.utf8.count, range)
            {
                tagsStart = taggedAt + tagged.utf8.count
                let category = trimmedString(categoryStart..<taggedAt)
                result.category = category.isEmpty ? nil : category
            } else {
                let category = trimmedString(categoryStart..<range.upperBound)
                result.category = category.isEmpty ? nil : category
            }
        } else if hasPrefix(range, tagged), wordEnds(range.lowerBound + tagged.utf8.count, range) {
            tagsStart = range.lowerBound + tagged.utf8.count
        } else {
            return nil
        }
        if let start = tagsStart { result.tags = TagList.split(string(start..<range.upperBound)) }
        return result
    }

    /// Whether the three letters at `start` begin a month name (every name and abbreviation
    /// starts with its three-letter form): rejects most lines without making a `String`.
    private func startsLikeMonth(_ start: Int) -> Bool {
        let key = UInt32(Self.lowerASCII(bytes[start])) << 16 | UInt32(Self.lowerASCII(bytes[start + 1])) << 8
            | UInt32(Self.lowerASCII(bytes[start + 2]))
        return Self.monthPrefixes.contains(key)
    }

    private static let monthPrefixes: [UInt32] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { name in name.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }

    private func wordEnds(_ index: Int, _ range: Range<Int>) -> Bool {
        index == range.upperBound || Self.isSpace(bytes[index])
    }

    private func skipSpaces(_ index: inout Int, _ end: Int) -> Bool {
        let start = index
        while index < end, Self.isSpace(bytes[index]) { index += 1 }
        return index > start
    }

    private func digits(_ index: inout Int, _ end: Int, _ allowed: ClosedRange<Int>) -> Bool {
        let start = index
        while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        return allowed.contains(index - start)
    }

    /// Start of `suffix` (ASCII, case-insensitive) at the end of `range`, if it is a whole word there.
    private func suffix(_ range: Range<Int>, _ suffix: String) -> Int? {
        let length = suffix.utf8.count
        guard range.count >= length else { return nil }
        let start = range.upperBound - length
        guard hasPrefix(start..<range.upperBound, suffix, caseInsensitive: true) else { return nil }
        guard start == range.lowerBound || Self.isSpace(bytes[start - 1]) else { return nil }
        return start
    }
}
