import Foundation

/// Turns an item's HTML into the plain text of a canonical article body.
///
/// Paragraphs are separated by blank lines (one line each; the reader wraps them); `br` breaks a
/// line; headings are paragraphs; list items are `- ` / `1. ` lines (nested ones indented by two
/// spaces); blockquotes are `> ` lines (`> > ` nested); `pre` is kept line for line, indented by
/// four spaces; small tables are aligned in columns, others one row per line with ` | `; images
/// are `[image: alt]`; links are numbered references `text [1]` listed at the end. Script, style,
/// iframe, form and similar content is dropped, entities are decoded, whitespace is collapsed,
/// and no control character survives.
public enum HTMLText {
    /// The body text of `html`; relative link targets resolve against `base`.
    public static func text(_ html: String, base: URL? = nil) -> String {
        var renderer = HTMLRenderer(base: base)
        var tokenizer = HTMLTokenizer(html)
        var count = 0
        while let token = tokenizer.next() {
            renderer.consume(token)
            count += 1
        }
        return renderer.finish()
    }

    /// One line of text from a fragment of HTML (titles with markup): tags dropped, entities
    /// decoded, whitespace collapsed.
    public static func inline(_ html: String) -> String {
        var tokenizer = HTMLTokenizer(html)
        var out = ""
        while let token = tokenizer.next() {
            if case .text(let raw) = token { out += decodeEntities(String(decoding: raw, as: UTF8.self)) }
            if case .start(let name, let attributes, _) = token, name == "img", let alt = attributes["alt"], !alt.isEmpty {
                out += alt
            }
            // A line break or a block's edge between two words is a space on one line.
            if case .start(let name, _, _) = token, name == "br" || name == "p" || name == "div" || name == "li" { out += " " }
        }
        return collapse(out)
    }

    /// An RSS title: plain text by the specification, with its character references decoded
    /// (feeds escape `&` once more than XML needs) — unless it holds inline markup
    /// (`&lt;b&gt;Breaking&lt;/b&gt;`, a CDATA `<em>`), which is then read as HTML, as feed
    /// readers read it, instead of showing the tags. Only closing tags of inline elements and
    /// `<br>` count, so a title about `<div>` or `a < b > c` stays as written.
    public static func title(_ value: String) -> String {
        looksLikeInlineMarkup(value) ? inline(value) : collapse(decodeEntities(value))
    }

    static func looksLikeInlineMarkup(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return false }
        let lower = text.lowercased()
        if lower.contains("<br>") || lower.contains("<br/>") || lower.contains("<br />") { return true }
        return inlineElements.contains { lower.contains("</\($0)>") }
    }

    private static let inlineElements = ["b", "i", "u", "s", "em", "strong", "a", "span", "font", "sup", "sub", "code",
                                         "small", "big", "cite", "q", "strike", "del", "ins", "mark", "abbr", "tt"]

    /// `text` with HTML character references decoded (unknown ones kept as written, references to
    /// controls and non-characters dropped).
    public static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var input = text
        return input.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                guard byte == UInt8(ascii: "&") else { out.append(byte); i += 1; continue }
                var k = i + 1
                while k < n, k - i <= 33, bytes[k] != UInt8(ascii: ";"), bytes[k] != UInt8(ascii: "&"), bytes[k] > 0x20 { k += 1 }
                if k < n, bytes[k] == UInt8(ascii: ";"), k > i + 1,
                   let scalar = HTMLEntities.scalar(forReference: Substring(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<k]), as: UTF8.self)) {
                    out.append(contentsOf: UTF8.encode(scalar)!)
                    i = k + 1
                } else if k < n, bytes[k] == UInt8(ascii: ";"), k > i + 1,
                          HTMLEntities.isNeverText(Substring(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<k]), as: UTF8.self)) {
                    i = k + 1
                } else if let (scalar, length) = legacyReference(Substring(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<min(n, i + 8)]), as: UTF8.self)) {
                    // `&amp` / `&copy` without `;`, as browsers accept for a few names.
                    out.append(contentsOf: UTF8.encode(scalar)!)
                    i += 1 + length
                } else {
                    out.append(byte)
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func legacyReference(_ text: Substring) -> (Unicode.Scalar, Int)? {
        for name in ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"] where text.hasPrefix(name) {
            let next = text.dropFirst(name.count).first
            if next == nil || !(next!.isLetter || next!.isNumber) {
                return (HTMLEntities.scalar(forReference: Substring(name))!, name.count)
            }
        }
        return nil
    }

    /// Whitespace runs become one space, controls are dropped, ends trimmed.
    public static func collapse(_ text: String) -> String {
        if isAlreadyCollapsed(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isCollapsible(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if isControl(scalar) { continue }
            if pendingSpace { out += " "; pendingSpace = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// True for the common case of text with nothing to do: single spaces between words, no
    /// ends to trim, only ASCII printable bytes and multi-byte sequences that cannot be spaces or
    /// controls (lead bytes 0xC2, 0xE2, 0xE3, 0xEF may be, and send the text the slow way).
    static func isAlreadyCollapsed(_ text: String) -> Bool {
        var previousSpace = true
        for byte in text.utf8 {
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
                continue
            }
            if byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xE3 || byte == 0xEF { return false }
            previousSpace = false
        }
        return !previousSpace || text.isEmpty
    }

    static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0xA0, 0x2028, 0x2029, 0x3000, 0x2000...0x200A, 0x202F, 0x205F: return true
        default: return false
        }
    }

    /// C0 and C1 controls, DEL, and the bidirectional overrides/isolates that could reorder a line.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0xFFF9...0xFFFB: return true
        default: return false
        }
    }
}
