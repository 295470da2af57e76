import Foundation

/// Subscriptions as OPML 2.0, the format every feed reader imports and exports.
///
/// Feeds are `<outline type="rss" xmlUrl=…>`; an outline without `xmlUrl` is a folder whose
/// `text` becomes a tag of the feeds nested in it; `category="a,b"` gives tags too (OPML 2.0's
/// comma-separated list; `/` paths contribute their last part). Gazette keeps its own folder
/// name in a `gazetteFolder` attribute, which other readers ignore.
public enum OPML {
    public struct ParseError: Error, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var reason: String
        public var description: String { "\(line):\(column): \(reason)" }
    }

    /// The subscriptions in an OPML document, duplicates (same URL) dropped.
    public static func parse(_ data: [UInt8]) throws -> [Subscription] {
        let (utf8, _) = FeedTextDecoding.utf8(data, httpCharset: nil)
        let cleaned = XMLPreflight.clean(utf8)
        let reader = OutlineReader()
        LibXMLSAX.parse(cleaned.bytes, handler: reader)
        if let error = reader.error { throw error }
        if !reader.sawOPML { throw ParseError(line: 1, column: 1, reason: "not an OPML document (no <opml> element)") }
        var seen = Set<String>()
        return reader.subscriptions.filter { seen.insert($0.url).inserted }
    }

    /// An OPML 2.0 document listing `subscriptions`.
    public static func render(_ subscriptions: [Subscription], title: String = "Gazette subscriptions") -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head>
                <title>\(escape(title))</title>
              </head>
              <body>

            """
        for sub in subscriptions {
            var attributes = [("type", "rss"), ("text", sub.title ?? sub.url)]
            if let title = sub.title { attributes.append(("title", title)) }
            attributes.append(("xmlUrl", sub.url))
            if let home = sub.homePage { attributes.append(("htmlUrl", home)) }
            if !sub.tags.isEmpty { attributes.append(("category", sub.tags.joined(separator: ","))) }
            attributes.append(("gazetteFolder", sub.folder))
            out += "    <outline " + attributes.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: " ") + "/>\n"
        }
        out += "  </body>\n</opml>\n"
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t", "\r": out += " "
            default:
                if HTMLText.isControl(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private final class OutlineReader: XMLEventHandler {
        var subscriptions: [Subscription] = []
        var sawOPML = false
        var error: ParseError?
        /// Folder names of the open outlines (nil for a feed outline).
        private var folders: [String?] = []
        /// Whether each open element is an outline (only those pop a folder).
        private var outlines: [Bool] = []

        func startElement(name: String, namespace: String, attributes: [String: String]) {
            if name.lowercased() == "opml" { sawOPML = true }
            outlines.append(name.lowercased() == "outline")
            guard name.lowercased() == "outline" else { return }
            let attrs = Dictionary(attributes.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let url = attrs["xmlurl"]?.trimmingCharacters(in: .whitespaces), !url.isEmpty else {
                let folder = (attrs["text"] ?? attrs["title"])?.trimmingCharacters(in: .whitespaces)
                folders.append(folder?.isEmpty == false ? folder : nil)
                return
            }
            folders.append(nil)
            var tags = folders.compactMap { $0 }
            for part in (attrs["category"] ?? "").split(separator: ",") {
                let last = part.split(separator: "/").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                if !last.isEmpty, !tags.contains(where: { $0.lowercased() == last.lowercased() }) { tags.append(last) }
            }
            let title = (attrs["title"] ?? attrs["text"]).map(HTMLText.collapse).flatMap { $0.isEmpty || $0 == url ? nil : $0 }
            let folder = attrs["gazettefolder"].map { SafeFileName.slug($0, fallback: "") }.flatMap { $0.isEmpty ? nil : $0 }
            subscriptions.append(Subscription(url: url, title: title, tags: tags, folder: folder, homePage: attrs["htmlurl"]))
        }

        func endElement(_ tag: XMLEndTag) {
            if outlines.popLast() == true, !folders.isEmpty { folders.removeLast() }
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}

        func problem(line: Int, column: Int, code: Int) {
            if error == nil, subscriptions.isEmpty {
                error = ParseError(line: line, column: column, reason: "not well-formed XML (\(XMLFeedReader.describe(code: code)))")
            }
        }
    }
}
