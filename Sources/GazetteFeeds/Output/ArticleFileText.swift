import Foundation

/// One feed item as a canonical article file: where it goes and what it says.
public struct ArticleFileText: Sendable, Equatable {
    /// Relative to the feed's folder: `YYYY/MM/YYYY-MM-DD-slug.txt`.
    public var relativePath: String
    public var text: String
    /// The identity written in the `Guid` header (the item's GUID/id, else its link).
    public var identity: String

    /// Writes `item` for the subscription's feed. `fallbackDate` files an undated item (the first
    /// time it was seen); `subscriptionTags` join the item's own categories in `Tags`; `identity`,
    /// when given, replaces the item's own (items of one feed that share a GUID).
    public init(item: FeedItem, feedTitle: String, feedURL: String, subscriptionTags: [String], fallbackDate: FeedDate,
                identity givenIdentity: String? = nil) {
        let date = item.date ?? fallbackDate
        identity = Self.headerValue(givenIdentity ?? item.identity, limit: 2000)
        var body: String
        if let html = item.contentHTML ?? (item.contentText == nil && item.summaryText == nil ? item.summaryHTML : nil) {
            body = HTMLText.text(html, base: item.baseURL)
        } else if let plain = item.contentText ?? item.summaryText {
            body = Self.plainBody(plain)
        } else {
            body = ""
        }
        var title = Self.headerValue(item.title, limit: 1000)
        if title.isEmpty {
            let firstLine = body.split(separator: "\n").first.map(String.init) ?? ""
            title = Self.headerValue(firstLine, limit: 80)
            if title.isEmpty { title = "(untitled)" }
        }
        var lines = ["Title: \(title)", "Date: \(date.iso8601)"]
        let authors = item.authors.map { Self.headerValue($0, limit: 200) }.filter { !$0.isEmpty }
        if !authors.isEmpty { lines.append("Author: " + authors.joined(separator: ", ")) }
        if let link = item.link.map({ Self.headerValue($0, limit: 2000) }), !link.isEmpty { lines.append("Link: \(link)") }
        var seen = Set<String>()
        var tags: [String] = []
        for raw in item.categories + subscriptionTags {
            // A comma inside a category would split it into two tags.
            let tag = Self.headerValue(raw.replacingOccurrences(of: ",", with: " "), limit: 100)
            if !tag.isEmpty, seen.insert(tag.lowercased()).inserted { tags.append(tag) }
            if tags.count == 50 { break }
        }
        if !tags.isEmpty { lines.append("Tags: " + tags.joined(separator: ", ")) }
        let category = Self.headerValue(feedTitle, limit: 200)
        if !category.isEmpty { lines.append("Category: \(category)") }
        lines.append("Feed: " + Self.headerValue(feedURL, limit: 2000))
        lines.append("Guid: \(identity)")
        for enclosure in item.enclosures.prefix(10) {
            let url = Self.headerValue(enclosure.url, limit: 2000)
            guard !url.isEmpty else { continue }
            let type = enclosure.type.map { Self.headerValue($0, limit: 60) } ?? ""
            lines.append("Enclosure: " + url + (type.isEmpty ? "" : " (\(type))"))
        }
        if let updated = item.updated, item.published != nil, updated != item.published {
            lines.append("Updated: \(updated.iso8601)")
        }
        text = lines.joined(separator: "\n") + "\n\n" + (body.isEmpty ? "" : body + "\n")
        let slug = SafeFileName.slug(item.title, fallback: "item-" + SafeFileName.shortHash(identity))
        let year = date.isoDay.prefix(4), month = date.isoDay.dropFirst(5).prefix(2)
        relativePath = "\(year)/\(month)/\(date.isoDay)-\(slug).txt"
    }

    /// One line: controls dropped, whitespace collapsed, cut at `limit` characters.
    static func headerValue(_ text: String, limit: Int) -> String {
        let collapsed = HTMLText.collapse(String(text.prefix(limit * 2)))
        return collapsed.count > limit ? String(collapsed.prefix(limit - 1)) + "…" : collapsed
    }

    /// Plain content: lines kept, controls dropped, runs of blank lines made one.
    static func plainBody(_ text: String) -> String {
        var out: [String] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(String.UnicodeScalarView(raw.unicodeScalars.filter { !HTMLText.isControl($0) || $0 == "\t" }))
                .replacingOccurrences(of: "\t", with: "    ")
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if let last = out.last, !last.isEmpty { out.append("") }
            } else {
                out.append(String(line.reversed().drop { $0 == " " }.reversed()))
            }
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }
}
