/// A forgiving HTML tokenizer: text, start and end tags with attributes; comments, doctypes and
/// processing instructions are skipped; the content of `script`/`style`-like elements is skipped
/// whole. Works on UTF-8 bytes; never fails.
struct HTMLTokenizer {
    enum Token {
        /// Text as written: UTF-8 with its character references still in it.
        case text(ArraySlice<UInt8>)
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
    }

    /// Elements whose content is not text (nothing inside them is shown).
    static let rawText: Set<String> = ["script", "style", "iframe", "noscript", "template", "textarea", "xmp", "noembed", "noframes", "title"]

    private let bytes: [UInt8]
    private var i = 0

    init(_ html: String) { bytes = Array(html.utf8) }

    mutating func next() -> Token? {
        let n = bytes.count
        guard i < n else { return nil }
        if bytes[i] == UInt8(ascii: "<"), i + 1 < n {
            let c = bytes[i + 1]
            if c == UInt8(ascii: "!") || c == UInt8(ascii: "?") {
                skipMarkupDeclaration()
                return next()
            }
            if c == UInt8(ascii: "/") || isLetter(c) {
                if let token = tag() { return token }
            }
        }
        // Text up to the next `<` that could start markup.
        let start = i
        i += 1
        while i < n {
            if bytes[i] == UInt8(ascii: "<"), i + 1 < n,
               isLetter(bytes[i + 1]) || bytes[i + 1] == UInt8(ascii: "/") || bytes[i + 1] == UInt8(ascii: "!") || bytes[i + 1] == UInt8(ascii: "?") {
                break
            }
            i += 1
        }
        return .text(bytes[start..<i])
    }

    private mutating func skipMarkupDeclaration() {
        if match("<!--") {
            i = find("-->", from: i + 4).map { $0 + 3 } ?? bytes.count
        } else if match("<![CDATA[") {
            i = find("]]>", from: i + 9).map { $0 + 3 } ?? bytes.count
        } else {
            i = find(">", from: i).map { $0 + 1 } ?? bytes.count
        }
    }

    private mutating func tag() -> Token? {
        let n = bytes.count
        let save = i
        i += 1
        let closing = bytes[i] == UInt8(ascii: "/")
        if closing { i += 1 }
        let nameStart = i
        while i < n, isNameByte(bytes[i]) { i += 1 }
        guard i > nameStart else { i = save; return nil }
        let name = lowercased(bytes[nameStart..<i])
        var attributes: [String: String] = [:]
        var selfClosing = false
        while i < n, bytes[i] != UInt8(ascii: ">") {
            let b = bytes[i]
            if isSpace(b) { i += 1; continue }
            if b == UInt8(ascii: "/") { selfClosing = true; i += 1; continue }
            let keyStart = i
            while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") || i == keyStart {
                i += 1
            }
            let key = lowercased(bytes[keyStart..<i])
            while i < n, isSpace(bytes[i]) { i += 1 }
            var value = ""
            if i < n, bytes[i] == UInt8(ascii: "=") {
                i += 1
                while i < n, isSpace(bytes[i]) { i += 1 }
                if i < n, bytes[i] == 0x22 || bytes[i] == 0x27 {
                    let quote = bytes[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < n, bytes[i] != quote { i += 1 }
                    value = String(decoding: bytes[valueStart..<min(i, n)], as: UTF8.self)
                    if i < n { i += 1 }
                } else {
                    let valueStart = i
                    while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
                }
                value = HTMLText.decodeEntities(value)
            }
            if attributes[key] == nil, attributes.count < 64 { attributes[key] = value }
            selfClosing = false
        }
        if i < n { i += 1 }
        if closing { return .end(name: name) }
        if HTMLTokenizer.rawText.contains(name), !selfClosing {
            // Skip to the matching end tag; its content never becomes text.
            let closer = Array("</\(name)".utf8)
            var k = i
            while k < n {
                if bytes[k] == UInt8(ascii: "<"), k + closer.count <= n,
                   zip(bytes[k..<(k + closer.count)], closer).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) { break }
                k += 1
            }
            i = find(">", from: k).map { $0 + 1 } ?? n
            return .start(name: name, attributes: attributes, selfClosing: true)
        }
        return .start(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    private func match(_ text: StaticString) -> Bool {
        text.withUTF8Buffer { p in
            guard i + p.count <= bytes.count else { return false }
            for k in 0..<p.count where bytes[i + k] | 0x20 != p[k] | 0x20 { return false }
            return true
        }
    }

    private func find(_ text: StaticString, from start: Int) -> Int? {
        text.withUTF8Buffer { p in
            var k = start
            while k + p.count <= bytes.count {
                if bytes[k] == p[0] {
                    var same = true
                    for j in 1..<p.count where bytes[k + j] != p[j] { same = false; break }
                    if same { return k }
                }
                k += 1
            }
            return nil
        }
    }

    /// ASCII letters lower-cased (tag and attribute names; `String.lowercased` is Unicode-aware and slow).
    private func lowercased(_ slice: ArraySlice<UInt8>) -> String {
        // Names are ASCII name bytes (see `isNameByte`), so the copy is valid UTF-8 as it stands;
        // most are short enough for a String's inline storage: no allocation at all.
        String(unsafeUninitializedCapacity: slice.count) { buffer in
            for (offset, byte) in slice.enumerated() { buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            return slice.count
        }
    }

    private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x3A || b == 0x5F }
    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
}
