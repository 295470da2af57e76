import Foundation

/// The state of one HTML-to-text conversion: the lines written so far and the open blocks.
struct HTMLRenderer {
    private var lines: [String] = []
    /// Quote depth of each written line, so a blank line between two quoted ones stays quoted.
    private var lineDepths: [Int] = []
    /// The paragraph being collected, as UTF-8 (appending bytes is far cheaper than scalars to a String).
    private var paragraph: [UInt8] = []
    private var pendingSpace = false
    private var wantsBlank = false
    private var quoteDepth = 0
    private var lists: [(ordered: Bool, next: Int)] = []
    private var itemMarker: String?
    private var preDepth = 0
    private var pre = ""
    private var dropDepth = 0
    private var links: [String] = []
    private var linkNumbers: [String: Int] = [:]
    private var openLinks: [String?] = []
    private var tables: [TextTable] = []
    private let base: URL?

    init(base: URL?) { self.base = base }

    /// What the renderer does with an element, looked up once per tag (a `switch` over the name
    /// compared it with each string case in turn, a tenth of the conversion's time).
    private enum Kind {
        case br, block, blockquote, list, orderedList, item, pre, rule, image, link, table, row, cell, caption
        /// Dropped with everything inside (the raw-text ones are skipped by the tokenizer already).
        case dropped
        /// No content and no end tag, nothing to do.
        case void
        case other

        var isVoid: Bool { self == .br || self == .image || self == .rule || self == .void }
    }

    private static let kinds: [String: Kind] = {
        var kinds: [String: Kind] = ["br": .br, "blockquote": .blockquote, "ul": .list, "menu": .list, "ol": .orderedList,
                                     "li": .item, "pre": .pre, "listing": .pre, "plaintext": .pre, "hr": .rule, "img": .image,
                                     "a": .link, "table": .table, "tr": .row, "td": .cell, "th": .cell, "caption": .caption]
        for name in ["p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "figure", "figcaption",
                     "h1", "h2", "h3", "h4", "h5", "h6", "address", "center", "dl", "dt", "dd", "details", "summary", "hgroup"] {
            kinds[name] = .block
        }
        for name in ["form", "button", "select", "svg", "math", "object", "canvas", "audio", "video", "map", "head"] { kinds[name] = .dropped }
        for name in ["input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr", "param"] { kinds[name] = .void }
        return kinds
    }()

    mutating func consume(_ token: HTMLTokenizer.Token) {
        switch token {
        case .text(let raw):
            guard dropDepth == 0 else { return }
            if preDepth > 0 {
                pre += HTMLText.decodeEntities(String(decoding: raw, as: UTF8.self))
            } else {
                raw.withUnsafeBufferPointer { addInline($0, references: true) }
            }
        case .start(let name, let attributes, let selfClosing):
            let kind = Self.kinds[name] ?? .other
            if dropDepth > 0 {
                if kind == .dropped, !selfClosing { dropDepth += 1 }
                return
            }
            if kind == .dropped { if !selfClosing { dropDepth = 1 }; return }
            start(kind, attributes)
            if selfClosing, !kind.isVoid { end(kind) }
        case .end(let name):
            let kind = Self.kinds[name] ?? .other
            if dropDepth > 0 {
                if kind == .dropped { dropDepth -= 1 }
                return
            }
            end(kind)
        }
    }

    private mutating func start(_ kind: Kind, _ attributes: [String: String]) {
        switch kind {
        case .br:
            if preDepth > 0 { pre += "\n" } else if tables.last?.inCell == true { addInline(" ") } else { breakLine() }
        case .block:
            block()
        case .blockquote:
            block()
            quoteDepth += 1
        case .list, .orderedList:
            flushParagraph()
            if lists.isEmpty { wantsBlank = true }
            let first = Int(attributes["start"] ?? "") ?? 1
            lists.append((kind == .orderedList, first))
        case .item:
            flushParagraph()
            let depth = max(0, lists.count - 1)
            var marker = "-"
            if let last = lists.last, last.ordered {
                marker = "\(last.next)."
                lists[lists.count - 1].next += 1
            }
            itemMarker = String(repeating: "  ", count: depth) + marker + " "
        case .pre:
            block()
            preDepth += 1
        case .rule:
            block()
            emit("* * *")
            wantsBlank = true
        case .image:
            let alt = HTMLText.collapse(attributes["alt"] ?? attributes["title"] ?? "")
            addInline(alt.isEmpty ? " [image] " : " [image: \(alt)] ")
        case .link:
            openLinks.append(linkTarget(attributes["href"]))
        case .table:
            flushParagraph()
            tables.append(TextTable())
        case .row:
            if !tables.isEmpty { tables[tables.count - 1].startRow() }
        case .cell:
            if !tables.isEmpty {
                flushParagraph()
                tables[tables.count - 1].startCell()
            }
        case .caption:
            if !tables.isEmpty { flushParagraph() }
        default:
            break
        }
    }

    private mutating func end(_ kind: Kind) {
        switch kind {
        case .block:
            block()
        case .blockquote:
            block()
            quoteDepth = max(0, quoteDepth - 1)
        case .list, .orderedList:
            flushParagraph()
            if !lists.isEmpty { lists.removeLast() }
            if lists.isEmpty { wantsBlank = true }
        case .item:
            flushParagraph()
        case .pre:
            guard preDepth > 0 else { return }
            preDepth -= 1
            if preDepth == 0 { flushPre() }
        case .link:
            guard let target = openLinks.popLast() else { return }
            if let target { addInline(" [\(number(for: target))]") }
        case .cell:
            if !tables.isEmpty { tables[tables.count - 1].endCell(take()) }
        case .caption:
            if !tables.isEmpty { tables[tables.count - 1].caption = take() }
        case .table:
            guard var table = tables.popLast() else { return }
            table.endCell(take())
            if tables.isEmpty {
                block()
                emitTable(table)
            } else {
                addInline(table.render().lines.joined(separator: " "))
            }
        default:
            break
        }
    }

    mutating func finish() -> String {
        while preDepth > 0 { preDepth -= 1; if preDepth == 0 { flushPre() } }
        while let table = tables.popLast() {
            var table = table
            table.endCell(take())
            emitTable(table)
        }
        flushParagraph()
        if !links.isEmpty {
            quoteDepth = 0
            wantsBlank = true
            for (index, link) in links.enumerated() { emit("[\(index + 1)] \(link)") }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Inline text

    /// Appends text, collapsing whitespace runs to one space and dropping controls.
    private mutating func addInline(_ text: String) {
        var text = text
        text.withUTF8 { addInline($0, references: false) }
    }

    /// Appends UTF-8 text, decoding character references when `references` (tokenizer text
    /// arrives undecoded, so no intermediate String is made per run of text).
    private mutating func addInline(_ bytes: UnsafeBufferPointer<UInt8>, references: Bool) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "&"), references, let (scalar, next) = reference(bytes, at: i) {
                if let scalar {
                    var encoded: [UInt8] = []
                    encoded.append(contentsOf: UTF8.encode(scalar)!)
                    encoded.withUnsafeBufferPointer { addInline($0, references: false) }
                }
                i = next
                continue
            }
            if b > 0x20, b < 0x7F, b != 0x26 {
                // A run of printable ASCII (most text) goes over in one copy.
                var end = i + 1
                while end < n, bytes[end] > 0x20, bytes[end] < 0x7F, bytes[end] != 0x26 { end += 1 }
                if pendingSpace { paragraph.append(0x20); pendingSpace = false }
                paragraph.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                i = end
                continue
            }
            if b < 0x80 {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    if !paragraph.isEmpty { pendingSpace = true }
                } else if b >= 0x20 && b != 0x7F {
                    if pendingSpace { paragraph.append(0x20); pendingSpace = false }
                    paragraph.append(b)
                }
                i += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            let end = min(n, i + length)
            switch UTF8Class.of(bytes, i, end) {
            case .space:
                if !paragraph.isEmpty { pendingSpace = true }
            case .control:
                break
            case .text:
                if pendingSpace { paragraph.append(0x20); pendingSpace = false }
                paragraph.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
            }
            i = end
        }
    }

    /// The character reference at `start` (`&amp;`, `&#233;`, a few without `;`) and the index after
    /// it; no scalar for a reference to a control or non-character, which is dropped.
    private func reference(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar?, Int)? {
        var k = start + 1
        let n = bytes.count
        while k < n, k - start <= 33, bytes[k] != UInt8(ascii: ";"), bytes[k] != UInt8(ascii: "&"), bytes[k] > 0x20 { k += 1 }
        if k < n, bytes[k] == UInt8(ascii: ";"), k > start + 1 {
            let name = Substring(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<k]), as: UTF8.self)
            if let scalar = HTMLEntities.scalar(forReference: name) { return (scalar, k + 1) }
            if HTMLEntities.isNeverText(name) { return (nil, k + 1) }
        }
        let text = Substring(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<min(n, start + 8)]), as: UTF8.self)
        guard let (scalar, length) = HTMLText.legacyReference(text) else { return nil }
        return (scalar, start + 1 + length) // the legacy names are ASCII: characters = bytes
    }

    /// The paragraph so far, cleared (table cells and captions take their text this way).
    private mutating func take() -> String {
        defer { paragraph.removeAll(keepingCapacity: true); pendingSpace = false }
        return String(decoding: paragraph, as: UTF8.self)
    }

    private mutating func block() {
        if tables.last?.inCell == true { pendingSpace = !paragraph.isEmpty; return }
        flushParagraph()
        if lists.isEmpty { wantsBlank = true }
    }

    private mutating func breakLine() {
        if paragraph.isEmpty { return }
        emit(take())
    }

    private mutating func flushParagraph() {
        if tables.last?.inCell == true { pendingSpace = !paragraph.isEmpty; return }
        let text = take()
        if text.isEmpty { return }
        emit(text)
        if lists.isEmpty { wantsBlank = true }
    }

    private mutating func flushPre() {
        let text = pre
        pre = ""
        var kept: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for scalar in raw.unicodeScalars {
                if scalar == "\t" { line += String(repeating: " ", count: 4 - line.unicodeScalars.count % 4); continue }
                if HTMLText.isControl(scalar) { continue }
                line.unicodeScalars.append(scalar)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            // Blank lines separate paragraphs in an article file; more than one says nothing more.
            if line.isEmpty, kept.last?.isEmpty ?? true { continue }
            kept.append(line)
        }
        while kept.last?.isEmpty == true { kept.removeLast() }
        guard !kept.isEmpty else { return }
        flushParagraph()
        for line in kept { emit(line.isEmpty ? "" : "    " + line, verbatim: true) }
        wantsBlank = true
    }

    /// An aligned table is a preformatted block (indented) so its columns are kept; else rows.
    private mutating func emitTable(_ table: TextTable) {
        let (rendered, aligned) = table.render()
        for (index, line) in rendered.enumerated() {
            if aligned, index > 0 || table.caption.isEmpty {
                emit("    " + line, verbatim: true)
            } else {
                emit(line)
            }
        }
        wantsBlank = true
    }

    /// Writes one line with the quote prefix and any pending list marker.
    private mutating func emit(_ text: String, verbatim: Bool = false) {
        if wantsBlank, !lines.isEmpty {
            let depth = min(quoteDepth, lineDepths.last ?? 0)
            lines.append(depth > 0 ? Array(repeating: ">", count: depth).joined(separator: " ") : "")
            lineDepths.append(depth)
        }
        wantsBlank = false
        var line = text
        if let marker = itemMarker {
            line = marker + line
            itemMarker = nil
        } else if !lists.isEmpty, !verbatim {
            line = String(repeating: "  ", count: lists.count) + line
        }
        if quoteDepth > 0 {
            let prefix = Array(repeating: ">", count: quoteDepth).joined(separator: " ")
            line = line.isEmpty ? prefix : prefix + " " + line
        }
        lines.append(line)
        lineDepths.append(quoteDepth)
    }

    private mutating func number(for target: String) -> Int {
        if let existing = linkNumbers[target] { return existing }
        links.append(target)
        linkNumbers[target] = links.count
        return links.count
    }

    /// An absolute http(s)/mailto target worth listing; nil for fragments and scripts.
    private func linkTarget(_ href: String?) -> String? {
        guard let href = href?.trimmedASCII, !href.isEmpty, !href.hasPrefix("#") else { return nil }
        let lower = href.lowercased()
        if lower.hasPrefix("javascript:") || lower.hasPrefix("data:") || lower.hasPrefix("vbscript:") { return nil }
        let resolved = URL(string: href, relativeTo: base)?.absoluteString ?? href
        let clean = String(resolved.unicodeScalars.filter { !HTMLText.isControl($0) && !HTMLText.isCollapsible($0) })
        return clean.isEmpty ? nil : String(clean.prefix(2000))
    }
}

/// How HTML-to-text treats one non-ASCII UTF-8 sequence: the same sets as
/// `HTMLText.isCollapsible` and `HTMLText.isControl`, decided on bytes.
enum UTF8Class {
    case text, space, control

    static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UTF8Class {
        let b0 = bytes[start]
        let b1: UInt8 = end - start > 1 ? bytes[start + 1] : 0
        let b2: UInt8 = end - start > 2 ? bytes[start + 2] : 0
        switch b0 {
        case 0xC2:
            if b1 == 0xA0 { return .space } // NBSP
            if b1 >= 0x80 && b1 <= 0x9F { return .control } // C1
        case 0xE2 where b1 == 0x80:
            if b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF { return .space } // U+2000–200A, 2028, 2029, 202F
            if b2 >= 0xAA && b2 <= 0xAE { return .control } // bidi embeddings and overrides
        case 0xE2 where b1 == 0x81:
            if b2 == 0x9F { return .space } // U+205F
            if b2 >= 0xA6 && b2 <= 0xA9 { return .control } // bidi isolates
        case 0xE3 where b1 == 0x80 && b2 == 0x80:
            return .space // U+3000
        case 0xEF:
            if b1 == 0xBB && b2 == 0xBF { return .control } // U+FEFF
            if b1 == 0xBF && b2 >= 0xB9 && b2 <= 0xBB { return .control } // U+FFF9–FFFB
        default:
            break
        }
        return .text
    }
}
