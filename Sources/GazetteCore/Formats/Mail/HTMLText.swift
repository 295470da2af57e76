import Foundation

/// A small, safe HTML-to-text conversion for HTML-only mail: tags stripped, entities decoded,
/// block elements made paragraphs or lines, `script`/`style`/`head` dropped, `pre` kept as is.
enum HTMLText {
    static func text(_ html: String) -> String {
        var out = ""
        var scalars = Array(html.unicodeScalars)[...]
        var preDepth = 0
        var pendingSpace = false
        func newline(_ count: Int) {
            // Never more than `count` newlines in a row, none at the start.
            pendingSpace = false
            while out.last == " " { out.removeLast() }
            guard !out.isEmpty else { return }
            let have = out.reversed().prefix { $0 == "\n" }.count
            if have < count { out += String(repeating: "\n", count: count - have) }
        }
        func append(_ text: String) {
            for character in text {
                if preDepth == 0, character.isWhitespace {
                    pendingSpace = !(out.isEmpty || out.last == "\n")
                    continue
                }
                if pendingSpace { out += " " }
                pendingSpace = false
                out.append(character)
            }
        }
        while let first = scalars.first {
            if first == "<" {
                guard let close = scalars.firstIndex(of: ">") else { break }
                let tag = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
                scalars = scalars[scalars.index(after: close)...]
                if tag.hasPrefix("!--") {
                    // A comment may contain ">": skip to "-->".
                    if !tag.hasSuffix("--") {
                        let rest = String(String.UnicodeScalarView(scalars))
                        if let end = rest.range(of: "-->") {
                            scalars = Array(rest[end.upperBound...].unicodeScalars)[...]
                        } else {
                            scalars = []
                        }
                    }
                    continue
                }
                let closing = tag.hasPrefix("/")
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                switch name {
                case "script", "style", "head", "title":
                    // Their content is not text (and a script may hold "<"): jump past the closing tag.
                    if !closing && !tag.hasSuffix("/") {
                        let rest = String(String.UnicodeScalarView(scalars))
                        if let end = rest.range(of: "</" + name, options: .caseInsensitive),
                           let close = rest[end.upperBound...].firstIndex(of: ">") {
                            scalars = Array(rest[rest.index(after: close)...].unicodeScalars)[...]
                        } else {
                            scalars = []
                        }
                    }
                case "br":
                    newline(1)
                case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "hr",
                     "section", "article", "header", "footer", "dl":
                    newline(2)
                case "pre":
                    newline(2)
                    preDepth = max(0, preDepth + (closing ? -1 : 1))
                case "li":
                    if !closing {
                        newline(1)
                        out += "- "
                    }
                case "tr", "dt", "dd":
                    newline(1)
                case "td", "th":
                    if !closing { pendingSpace = true }
                default:
                    break
                }
                continue
            }
            let end = scalars.firstIndex(of: "<") ?? scalars.endIndex
            let run = String(String.UnicodeScalarView(scalars[..<end]))
            scalars = scalars[end...]
            append(decodeEntities(run))
        }
        while out.last == "\n" || out.last == " " { out.removeLast() }
        return out
    }

    /// `&amp;`, `&#233;`, `&#xE9;` and the common named entities; anything else stays as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(scalarText)
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst()).flatMap(scalarText)
            } else {
                replacement = named[String(name)]
            }
            if let replacement {
                out += replacement
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    /// A scalar as text; controls (the terminal's business) and invalid values become U+FFFD.
    private static func scalarText(_ value: UInt32) -> String? {
        guard let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        if value < 0x20 && value != 0x09 && value != 0x0A { return "\u{FFFD}" }
        return String(scalar)
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "mdash": "—", "ndash": "–",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "copy": "©", "reg": "®", "trade": "™", "eacute": "é", "egrave": "è", "agrave": "à", "uuml": "ü", "ouml": "ö",
        "auml": "ä", "szlig": "ß", "ccedil": "ç", "euro": "€", "pound": "£", "deg": "°", "middot": "·", "bull": "•",
    ]
}
