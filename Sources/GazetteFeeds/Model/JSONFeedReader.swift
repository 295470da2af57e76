import Foundation

/// Reads JSON Feed 1.0 and 1.1 (`https://jsonfeed.org/version/1.1`).
enum JSONFeedReader {
    static func read(_ bytes: [UInt8], feedURL: URL?, onItem: (FeedItem, Feed) -> Void) -> Feed {
        var feed = Feed()
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            feed.problems.append(FeedProblem(reason: "not valid JSON (\(describe(error)))"))
            return feed
        }
        guard let root = object as? [String: Any] else {
            feed.problems.append(FeedProblem(reason: "JSON Feed: the top level is not an object"))
            return feed
        }
        let version = root["version"] as? String ?? ""
        feed.dialect = version.hasSuffix("/1") ? .jsonFeed10 : .jsonFeed11
        feed.title = HTMLText.collapse(root["title"] as? String ?? "")
        feed.link = root["home_page_url"] as? String
        let base = (root["home_page_url"] as? String).flatMap { URL(string: $0) } ?? feedURL
        let feedAuthors = authors(root)
        guard let items = root["items"] as? [Any] else {
            feed.problems.append(FeedProblem(reason: "JSON Feed: no \"items\" array"))
            return feed
        }
        for (index, raw) in items.enumerated() {
            guard let entry = raw as? [String: Any] else {
                feed.problems.append(FeedProblem(reason: "JSON Feed: item \(index + 1) is not an object; skipped"))
                continue
            }
            var item = FeedItem()
            item.baseURL = base
            item.guid = string(entry["id"])
            item.title = HTMLText.collapse(entry["title"] as? String ?? "")
            if let url = entry["url"] as? String { item.link = URL(string: url, relativeTo: base)?.absoluteString ?? url }
            if item.link == nil, let external = entry["external_url"] as? String { item.link = external }
            if let text = entry["date_published"] as? String { let date = FeedDateParser.parse(text, of: &item); item.published = date }
            if let text = entry["date_modified"] as? String { let date = FeedDateParser.parse(text, of: &item); item.updated = date }
            item.authors = authors(entry)
            if item.authors.isEmpty { item.authors = feedAuthors }
            item.categories = (entry["tags"] as? [Any] ?? []).compactMap { $0 as? String }
            item.contentHTML = entry["content_html"] as? String
            item.contentText = entry["content_text"] as? String
            item.summaryHTML = (entry["summary"] as? String).map(XMLFeedReader.escape)
            if let image = entry["image"] as? String { item.enclosures.append(Enclosure(url: image, type: "image")) }
            for case let attachment as [String: Any] in entry["attachments"] as? [Any] ?? [] {
                if let url = attachment["url"] as? String {
                    item.enclosures.append(Enclosure(url: url, type: attachment["mime_type"] as? String,
                                                     title: attachment["title"] as? String))
                }
            }
            onItem(item, feed)
        }
        return feed
    }

    /// 1.1's `authors` array, else 1.0's `author` object.
    private static func authors(_ object: [String: Any]) -> [String] {
        var names: [String] = []
        for case let author as [String: Any] in object["authors"] as? [Any] ?? [] {
            if let name = author["name"] as? String, !name.isEmpty { names.append(name) }
        }
        if names.isEmpty, let author = object["author"] as? [String: Any], let name = author["name"] as? String, !name.isEmpty {
            names.append(name)
        }
        return names
    }

    /// Ids are strings in the spec; numbers are seen in the wild.
    private static func string(_ value: Any?) -> String? {
        if let text = value as? String { return text.isEmpty ? nil : text }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }

    private static func describe(_ error: Error) -> String {
        let info = (error as NSError).userInfo
        return (info[NSDebugDescriptionErrorKey] as? String).map { String($0.prefix(120)) } ?? "syntax error"
    }
}
