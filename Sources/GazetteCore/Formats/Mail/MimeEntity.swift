/// A MIME entity (a whole message or one part of a multipart): its header fields and its body bytes.
struct MimeEntity {
    /// Header fields in order, names as written, values unfolded (still raw: no RFC 2047 decoding).
    var fields: [(name: String, value: String)]
    /// The header block's lines as written, for a message's canonical text.
    var headerLines: [ArraySlice<UInt8>]
    var body: ArraySlice<UInt8>
    /// 1-based line of the first body line within the message.
    var bodyLine: Int

    /// Splits `bytes` (LF line ends) at the first empty line; `firstLine` is the line of `bytes[0]`.
    /// Lines before the first non-header line count as headers only when they look like fields.
    init(_ bytes: ArraySlice<UInt8>, firstLine: Int) {
        fields = []
        headerLines = []
        var index = bytes.startIndex
        var line = firstLine
        while index < bytes.endIndex {
            let end = bytes[index...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let text = bytes[index..<end]
            if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                index = min(end + 1, bytes.endIndex)
                line += 1
                break
            }
            let isContinuation = text.first == 0x20 || text.first == 0x09
            if isContinuation, !fields.isEmpty {
                fields[fields.count - 1].value += " " + Self.headerText(text).trimmingASCIISpaces()
            } else if let colon = text.firstIndex(of: 0x3A), colon > text.startIndex,
                text[text.startIndex..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
                let name = String(decoding: text[text.startIndex..<colon], as: UTF8.self)
                fields.append((name, String(Self.headerText(text[(colon + 1)...]).trimmingASCIISpaces())))
            } else {
                break  // not a header: the body starts here (no blank line after the headers)
            }
            headerLines.append(text)
            index = min(end + 1, bytes.endIndex)
            line += 1
        }
        body = bytes[index...]
        bodyLine = line
    }

    /// A raw header's bytes as text: UTF-8 when valid, else Windows-1252 (8-bit headers exist).
    static func headerText(_ bytes: ArraySlice<UInt8>) -> String { Charset.decodeUnlabelled(bytes) }

    /// The value of the first field named `name` (any case).
    func field(_ name: String) -> String? {
        fields.first { $0.name.lowercased() == name }?.value
    }

    /// `Content-Type`: lower-cased `type/subtype` (default `text/plain`) and its parameters.
    var contentType: (type: String, parameters: [String: String]) {
        guard let value = field("content-type") else { return ("text/plain", [:]) }
        let (main, parameters) = Self.parameters(value)
        return (main.isEmpty || !main.contains("/") ? "text/plain" : main.lowercased(), parameters)
    }

    /// `Content-Transfer-Encoding`, lower-cased; `7bit` when absent.
    var transferEncoding: String { field("content-transfer-encoding")?.lowercased().trimmingASCIISpaces().description ?? "7bit" }

    /// A name for the entity as an attachment: `filename`, else `name`, else nil.
    var fileName: String? {
        let disposition = field("content-disposition").map { Self.parameters($0).1 } ?? [:]
        let name = disposition["filename"] ?? contentType.parameters["name"]
        // One line in the attachment list, whatever RFC 2231's percent escapes held.
        return name.map { String(EncodedWords.decode($0).text.map { $0 == "\r" || $0 == "\n" || $0 == "\r\n" ? " " : $0 }) }
    }

    /// True when `Content-Disposition` says `attachment`.
    var isAttachment: Bool {
        field("content-disposition").map { Self.parameters($0).0.lowercased() == "attachment" } ?? false
    }

    /// `value; key=val; key="quoted val"` → the main value and lower-cased keys (RFC 2231
    /// `key*=charset''text` decoded as far as the charset is known).
    static func parameters(_ value: String) -> (String, [String: String]) {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for character in value {
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        let main = String(parts.removeFirst().trimmingASCIISpaces())
        var parameters: [String: String] = [:]
        var sections: [String: [(number: Int, encoded: Bool, raw: String)]] = [:]
        for part in parts {
            guard let equals = part.firstIndex(of: "=") else { continue }
            var key = part[..<equals].trimmingASCIISpaces().lowercased()
            var raw = String(part[part.index(after: equals)...].trimmingASCIISpaces())
            if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") { raw = String(raw.dropFirst().dropLast()) }
            let encoded = key.hasSuffix("*")
            if encoded { key.removeLast() }
            // RFC 2231 continuations: `name*0="long "`, `name*1*=%E2%80%A6`, joined below.
            if let star = key.lastIndex(of: "*"), let number = Int(key[key.index(after: star)...]), number < 1000 {
                sections[String(key[..<star]), default: []].append((number, encoded, raw))
                continue
            }
            if encoded {
                let pieces = raw.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    let bytes = percentDecoded(String(pieces[2]))
                    raw = Charset.decode(bytes, charset: String(pieces[0])) ?? Charset.decodeUnlabelled(bytes)
                }
            }
            parameters[key] = raw
        }
        for (key, parts) in sections {
            var bytes: [UInt8] = []
            var charset: String?
            for part in parts.sorted(by: { $0.number < $1.number }) {
                var text = Substring(part.raw)
                if part.encoded {
                    if part.number == 0 {
                        // The first encoded section names the charset and language: `utf-8'en'…`.
                        let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                        if pieces.count == 3 {
                            charset = String(pieces[0])
                            text = pieces[2]
                        }
                    }
                    bytes += percentDecoded(String(text))
                } else {
                    bytes += Array(text.utf8)
                }
            }
            parameters[key] = charset.flatMap { Charset.decode(bytes, charset: $0) } ?? Charset.decodeUnlabelled(bytes)
        }
        return (main, parameters)
    }

    private static func percentDecoded(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count, let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                out.append(value)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}
