import Foundation

/// Reads a feed document of any supported dialect from its bytes.
public enum FeedParser {
    /// Parses `data`, calling `onItem` with each item as it is read (with the feed as known so
    /// far), so memory stays bounded however many items the feed claims. The returned feed has
    /// no items; its title, dialect and problems are complete.
    public static func parse(_ data: [UInt8], url: URL? = nil, contentType: String? = nil,
                              onItem: (FeedItem, Feed) -> Void) -> Feed {
        let (utf8, encodingProblem) = FeedTextDecoding.utf8(data, httpCharset: charset(contentType))
        var feed: Feed
        if looksLikeJSON(utf8) {
            feed = JSONFeedReader.read(utf8, feedURL: url, onItem: onItem)
        } else {
            let cleaned = XMLPreflight.clean(utf8)
            feed = withoutActuallyEscaping(onItem) { callback in
                let reader = XMLFeedReader(feedURL: url, onItem: callback)
                reader.read(cleaned.bytes)
                var feed = reader.feed
                feed.problems.insert(contentsOf: cleaned.problems, at: 0)
                return feed
            }
        }
        if let encodingProblem { feed.problems.insert(encodingProblem, at: 0) }
        if utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            feed.problems = [FeedProblem(reason: "empty document")]
        }
        return feed
    }

    /// The whole feed with its items (for tests and small documents).
    public static func parse(_ data: [UInt8], url: URL? = nil, contentType: String? = nil) -> Feed {
        var items: [FeedItem] = []
        var feed = parse(data, url: url, contentType: contentType) { item, _ in items.append(item) }
        feed.items = items
        return feed
    }

    /// `charset=…` from a Content-Type header.
    public static func charset(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        for part in contentType.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            }
        }
        return nil
    }

    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        for byte in bytes.prefix(512) {
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
            return byte == UInt8(ascii: "{")
        }
        return false
    }
}
