import Foundation

/// Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through libxml2's SAX2 parser (`LibXMLSAX`), handing
/// each item over as soon as it closes, so a feed of a million items never holds more than one.
final class XMLFeedReader: XMLEventHandler {
    enum Namespace {
        static var atom10: String { "http://www.w3.org/2005/Atom" }
        static var atom03: String { "http://purl.org/atom/ns#" }
        static var rdf: String { "http://www.w3.org/1999/02/22-rdf-syntax-ns#" }
        static var dc: String { "http://purl.org/dc/elements/1.1/" }
        static var content: String { "http://purl.org/rss/1.0/modules/content/" }
        static var media: String { "http://search.yahoo.com/mrss/" }
        static var itunes: String { "http://www.itunes.com/dtds/podcast-1.0.dtd" }
        static var xhtml: String { "http://www.w3.org/1999/xhtml" }
    }

    private struct Open {
        var namespace: String
        var name: String
        var attributes: [String: String]
        var base: URL?
        /// True when an `xml:base` on this element or an ancestor set `base`.
        var explicitBase: Bool
    }

    private(set) var feed = Feed()
    private let onItem: (FeedItem, Feed) -> Void
    // The parse state below is touched several times per SAX callback; the run-time exclusivity
    // check on each access of a class's property (swift_beginAccess) was ~5% of the parse. Only
    // this class's own methods touch them, one callback at a time, and none passes one inout
    // while another method reads it (the item goes inout to methods that never read `item`).
    @exclusivity(unchecked) private var stack: [Open] = []
    /// The element's character data since the last tag, as UTF-8 (a `String` is made only for
    /// the elements that are kept).
    @exclusivity(unchecked) private var text: [UInt8] = []
    @exclusivity(unchecked) private var item: FeedItem?
    @exclusivity(unchecked) private var itemDepth = -1
    /// Depth of an Atom `type="xhtml"` content/summary being copied as markup, or -1.
    @exclusivity(unchecked) private var xhtmlDepth = -1
    @exclusivity(unchecked) private var itemCount = 0
    /// Items closed by the parser's recovery rather than by their end tag.
    private var unfinishedItems = 0
    /// Atom's feed-level authors, inherited by entries without their own (those after them: items
    /// are handed on as they close).
    private var feedAuthors: [String] = []
    @exclusivity(unchecked) private var itemHasExplicitBase = false
    private let feedURL: URL?
    private var firstError: FeedProblem?

    init(feedURL: URL?, onItem: @escaping (FeedItem, Feed) -> Void) {
        self.feedURL = feedURL
        self.onItem = onItem
    }

    /// Parses the cleaned UTF-8 bytes; problems found go into `feed.problems`.
    func read(_ bytes: [UInt8]) {
        LibXMLSAX.parse(bytes, handler: self)
        if let firstError { feed.problems.append(firstError) }
        // An item whose end tag never came (a cut-off download, the size cap) is half an item:
        // written, it would stay beside the whole one the next fetch brings.
        if item != nil { unfinishedItems += 1 }
        if unfinishedItems > 0 {
            feed.truncated = true
            feed.problems.append(FeedProblem(reason: "truncated: the document ended inside an item; "
                + (unfinishedItems == 1 ? "that item was" : "\(unfinishedItems) unfinished items were") + " not written"))
        }
    }

    // MARK: XMLEventHandler

    func startElement(name: String, namespace: String, attributes: [String: String]) {
        var base = stack.last?.base ?? feedURL
        var explicitBase = stack.last?.explicitBase ?? false
        if let xmlBase = attributes["xml:base"] ?? attributes["base"], !xmlBase.isEmpty {
            base = URL(string: xmlBase, relativeTo: base)?.absoluteURL ?? base
            explicitBase = true
        }
        if xhtmlDepth >= 0 {
            text.append(UInt8(ascii: "<"))
            text.append(contentsOf: name.utf8)
            for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
                text.append(contentsOf: " \(key)=\"".utf8)
                XMLFeedReader.appendEscaped(value.utf8, to: &text)
                text.append(UInt8(ascii: "\""))
            }
            text.append(UInt8(ascii: ">"))
            stack.append(Open(namespace: namespace, name: name, attributes: attributes, base: base, explicitBase: explicitBase))
            return
        }
        stack.append(Open(namespace: namespace, name: name, attributes: attributes, base: base, explicitBase: explicitBase))
        let depth = stack.count - 1
        if depth == 0 { detectDialect(name, namespace, attributes) }
        if item == nil, name == "item" || name == "entry", !isExtension(namespace) {
            var fresh = FeedItem()
            fresh.baseURL = base
            itemHasExplicitBase = explicitBase
            if let about = attributes["rdf:about"] ?? attributes["about"] { fresh.guid = about }
            item = fresh
            itemDepth = depth
        } else if item != nil, depth == itemDepth + 1 {
            startItemChild(name, namespace, attributes, base: base, into: &item!)
        } else if item != nil, depth == itemDepth + 2, name == "thumbnail", namespace == Namespace.media,
                  stack[depth - 1].name == "group", let url = attributes["url"] {
            // <media:group><media:thumbnail> (YouTube's channel feeds).
            item!.enclosures.append(Enclosure(url: resolve(url, base) ?? url, type: "image"))
        } else if item == nil, name == "link", isAtom(namespace), stack.count >= 2 {
            let rel = attributes["rel"] ?? "alternate"
            if rel == "alternate", feed.link == nil, let href = attributes["href"] { feed.link = resolve(href, base) }
        }
        if (name == "content" || name == "summary"), isAtom(namespace), attributes["type"] == "xhtml", item != nil {
            xhtmlDepth = depth
        }
        text.removeAll(keepingCapacity: true)
    }

    func endElement(_ tag: XMLEndTag) {
        guard let open = stack.popLast() else { return }
        let depth = stack.count
        if xhtmlDepth >= 0, depth > xhtmlDepth {
            text.append(contentsOf: "</\(open.name)>".utf8)
            return
        }
        if depth == xhtmlDepth { xhtmlDepth = -1 }
        if item != nil {
            if depth == itemDepth {
                let done = item!
                item = nil
                itemDepth = -1
                if tag.isWritten { finish(done) } else { unfinishedItems += 1 }
            } else {
                // Changed in place: a copy of the item per element was a tenth of the parse.
                endItemElement(open, depth: depth, into: &item!)
            }
        } else {
            endFeedElement(open, depth: depth)
        }
        text.removeAll(keepingCapacity: true)
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if xhtmlDepth >= 0 { XMLFeedReader.appendEscaped(bytes, to: &text) } else { text.append(contentsOf: bytes) }
    }

    func problem(line: Int, column: Int, code: Int) {
        if firstError == nil {
            firstError = FeedProblem(line: line, column: column,
                                     reason: "not well-formed XML (\(XMLFeedReader.describe(code: code))); read as far as possible")
        }
    }

    /// The text since the last tag without surrounding ASCII whitespace.
    private var value: String {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        guard let first = text.firstIndex(where: { !isSpace($0) }) else { return "" }
        var end = text.endIndex
        while end > first, isSpace(text[end - 1]) { end -= 1 }
        return String(decoding: text[first..<end], as: UTF8.self)
    }

    // MARK: Elements

    private func detectDialect(_ name: String, _ namespace: String, _ attributes: [String: String]) {
        switch (name, namespace) {
        case ("rss", _):
            feed.dialect = (attributes["version"] ?? "2.0").hasPrefix("0.9") ? .rss090 : .rss20
        case ("RDF", _):
            feed.dialect = .rss10
        case ("feed", Namespace.atom03):
            feed.dialect = .atom03
        case ("feed", _):
            feed.dialect = .atom10
        default:
            feed.problems.append(FeedProblem(line: 1, column: 1, reason: "not a feed (root element <\(name.prefix(40))>)"))
        }
    }

    private func startItemChild(_ name: String, _ namespace: String, _ attributes: [String: String], base: URL?,
                                into current: inout FeedItem) {
        switch (name, namespace) {
        case ("link", _) where isAtom(namespace):
            let rel = attributes["rel"] ?? "alternate"
            if let href = attributes["href"] {
                if rel == "alternate", current.link == nil { current.link = resolve(href, base) }
                if rel == "enclosure" { current.enclosures.append(Enclosure(url: resolve(href, base) ?? href, type: attributes["type"])) }
            }
        case ("category", _) where isAtom(namespace):
            if let term = attributes["label"] ?? attributes["term"], !term.isEmpty { current.categories.append(term) }
        case ("enclosure", _), ("content", Namespace.media):
            if let url = attributes["url"] {
                current.enclosures.append(Enclosure(url: resolve(url, base) ?? url, type: attributes["type"] ?? attributes["medium"]))
            }
        case ("thumbnail", Namespace.media), ("image", Namespace.itunes):
            if let url = attributes["url"] ?? attributes["href"] {
                current.enclosures.append(Enclosure(url: resolve(url, base) ?? url, type: "image"))
            }
        case ("content", _) where isAtom(namespace):
            if let src = attributes["src"] { current.link = current.link ?? resolve(src, base) }
        default:
            break
        }
    }

    private func endItemElement(_ open: Open, depth: Int, into current: inout FeedItem) {
        let value = self.value
        let parent = stack.last
        // Atom's <author><name>; ignore everything inside an Atom <source>.
        if depth == itemDepth + 2, let parent, parent.name == "author" || parent.name == "contributor", open.name == "name" {
            if parent.name == "author", !value.isEmpty { current.authors.append(value) }
            return
        }
        guard depth == itemDepth + 1 else {
            if open.namespace == Namespace.media, open.name == "title", !value.isEmpty, current.title.isEmpty { current.title = value }
            // <media:group><media:description> (YouTube's channel feeds): the body when nothing else is.
            if depth == itemDepth + 2, open.namespace == Namespace.media, open.name == "description", parent?.name == "group" {
                XMLFeedReader.mediaDescription(value, open, into: &current)
            }
            return
        }
        let atom = isAtom(open.namespace)
        switch (open.name, open.namespace) {
        case ("title", _) where atom:
            current.title = open.attributes["type"] == "html" || open.attributes["mode"] == "escaped"
                ? HTMLText.inline(value) : value
        case ("title", Namespace.dc):
            if current.title.isEmpty { current.title = value }
        case ("title", ""), ("title", "http://purl.org/rss/1.0/"), ("title", "http://my.netscape.com/rdf/simple/0.9/"):
            current.title = HTMLText.title(value)
        case ("link", _) where !atom && open.namespace != Namespace.media:
            if !value.isEmpty { current.link = resolve(value, open.base) }
        case ("guid", _), ("id", Namespace.atom10), ("id", Namespace.atom03):
            if !value.isEmpty { current.guid = value }
            if open.name == "guid", open.attributes["isPermaLink"] != "false", current.link == nil, value.hasPrefix("http") {
                current.link = value
            }
        case ("pubDate", _), ("date", Namespace.dc), ("published", _), ("issued", _), ("created", _):
            if current.published == nil { let date = FeedDateParser.parse(value, of: &current); current.published = date }
        case ("updated", _), ("modified", _):
            if current.updated == nil { let date = FeedDateParser.parse(value, of: &current); current.updated = date }
        case ("author", _) where !atom:
            if !value.isEmpty { current.authors.append(XMLFeedReader.authorName(value)) }
        case ("creator", Namespace.dc), ("author", Namespace.itunes):
            if !value.isEmpty, current.authors.isEmpty { current.authors.append(value) }
        case ("category", _) where !atom:
            if !value.isEmpty { current.categories.append(HTMLText.decodeEntities(value)) }
        case ("subject", Namespace.dc), ("keywords", Namespace.itunes):
            for part in value.split(separator: open.name == "keywords" ? "," : ";") {
                let tag = part.trimmedASCII
                if !tag.isEmpty { current.categories.append(tag) }
            }
        case ("encoded", Namespace.content):
            if !value.isEmpty { current.contentHTML = value }
        case ("content", _) where atom:
            let type = open.attributes["type"] ?? "text"
            if type == "text" || type == "text/plain" {
                current.contentText = value
            } else if !value.isEmpty {
                current.contentHTML = value
            }
        case ("description", ""), ("description", "http://purl.org/rss/1.0/"), ("summary", _), ("summary", Namespace.itunes):
            guard (current.summaryHTML == nil && current.summaryText == nil) || open.namespace != Namespace.itunes else { return }
            let type = open.attributes["type"] ?? (atom ? "text" : "html")
            guard !value.isEmpty else { return }
            if atom, type == "text" || type == "text/plain" {
                // Plain text like <content type="text">: its line breaks are part of it.
                current.summaryText = value
                current.summaryHTML = nil
            } else {
                current.summaryHTML = type == "text" ? XMLFeedReader.escape(value) : value
                current.summaryText = nil
            }
        case ("description", Namespace.media):
            XMLFeedReader.mediaDescription(value, open, into: &current)
        default:
            break
        }
    }

    private func endFeedElement(_ open: Open, depth: Int) {
        // Atom's feed-level <author><name>: the author of every entry that names none.
        if depth == 2, open.name == "name", isAtom(open.namespace), stack.last?.name == "author" {
            let name = HTMLText.collapse(value)
            if !name.isEmpty { feedAuthors.append(name) }
            return
        }
        guard depth == 1 || (depth == 2 && stack.last?.name == "channel") else { return }
        let value = self.value
        switch open.name {
        case "title" where feed.title.isEmpty && !isExtension(open.namespace):
            let html = open.attributes["type"] == "html" || open.attributes["mode"] == "escaped"
            feed.title = isAtom(open.namespace) && html ? HTMLText.inline(value)
                : isAtom(open.namespace) ? HTMLText.collapse(value) : HTMLText.title(value)
        case "link" where feed.link == nil && !isAtom(open.namespace) && !value.isEmpty:
            feed.link = resolve(value, open.base)
        case "author" where open.namespace == Namespace.itunes, "creator" where open.namespace == Namespace.dc:
            // A podcast's or a one-writer blog's channel-level author, for items that name none
            // (not `managingEditor`, an editor's address rather than who wrote each item).
            let name = HTMLText.collapse(value)
            if feedAuthors.isEmpty, !name.isEmpty { feedAuthors = [name] }
        default:
            break
        }
    }

    private func finish(_ done: FeedItem) {
        var done = done
        // One line each, whatever the element held (a text title may span lines).
        done.title = HTMLText.collapse(done.title)
        done.authors = done.authors.map(HTMLText.collapse).filter { !$0.isEmpty }
        done.categories = done.categories.map(HTMLText.collapse).filter { !$0.isEmpty }
        // Without xml:base, relative links in an item's HTML mean its own page, not the feed's URL.
        if !itemHasExplicitBase, let link = done.link, let page = URL(string: link), page.scheme != nil {
            done.baseURL = page
        }
        if done.authors.isEmpty, !feedAuthors.isEmpty { done.authors = feedAuthors }
        if done.authors.count > 1 {
            var seen = Set<String>()
            done.authors = done.authors.filter { seen.insert($0).inserted }
        }
        itemCount += 1
        onItem(done, feed)
    }

    // MARK: Helpers

    private func isAtom(_ namespace: String) -> Bool { namespace == Namespace.atom10 || namespace == Namespace.atom03 }

    private static let extensions: Set<String> = [Namespace.dc, Namespace.content, Namespace.media, Namespace.itunes]

    private func isExtension(_ namespace: String) -> Bool { !namespace.isEmpty && Self.extensions.contains(namespace) }

    private func resolve(_ link: String, _ base: URL?) -> String? {
        let trimmed = link.trimmedASCII
        guard !trimmed.isEmpty else { return nil }
        guard let url = URL(string: trimmed, relativeTo: base) else { return trimmed }
        return url.absoluteString
    }

    /// A `<media:description>` as the summary when the item has none: plain text (lines kept)
    /// unless it says `type="html"`.
    private static func mediaDescription(_ value: String, _ open: Open, into current: inout FeedItem) {
        guard current.summaryHTML == nil, current.summaryText == nil, !value.isEmpty else { return }
        if open.attributes["type"] == "html" { current.summaryHTML = value } else { current.summaryText = value }
    }

    /// RSS's `author` is an e-mail address, often `jane@example.org (Jane Doe)`: the name is kept.
    static func authorName(_ value: String) -> String {
        if let open = value.firstIndex(of: "("), let close = value.lastIndex(of: ")"), open < close {
            let name = value[value.index(after: open)..<close].trimmedASCII
            if !name.isEmpty { return name }
        }
        return value
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text.utf8, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `bytes` with `&`, `<`, `>` and `"` written as references.
    static func appendEscaped<Bytes: Sequence<UInt8>>(_ bytes: Bytes, to out: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B]) // &amp;
            case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B]) // &lt;
            case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B]) // &gt;
            case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) // &quot;
            default: out.append(byte)
            }
        }
    }

    /// libxml2's error codes in words (the commonest in broken feeds).
    static func describe(code: Int) -> String {
        let names: [Int: String] = [
            4: "empty document", 5: "document ended early", 9: "invalid character", 23: "'>' expected",
            26: "undefined entity", 38: "bad attribute", 39: "attribute without value", 41: "unescaped '<' in attribute",
            57: "bad processing instruction", 64: "bad XML declaration", 68: "bad name", 73: "'>' expected",
            76: "mismatched end tag", 77: "end tag missing", 85: "missing end tag", 89: "entity amplification refused",
        ]
        return names[code].map { "\($0), code \(code)" } ?? "code \(code)"
    }
}
