/// A mail message (RFC 5322 + MIME) made readable: its header block as written, then its body
/// decoded — transfer encodings undone, charsets converted, the text part of a multipart chosen
/// (HTML-only mail turned into text), attachments listed by name and size. The result is
/// canonical text, which `CanonicalFormat` then reads like any article file.
enum MimeMessage {
    struct Rendered {
        var text: String
        /// Problems with 1-based lines of the file.
        var warnings: [(line: Int, reason: String)]
        /// Lines of `text` up to here are the message's header lines, one for one.
        var headerLineCount: Int
        /// The file line where the message's body starts (what body lines of `text` map to).
        var bodyLine: Int
        /// The messages of a `multipart/digest` (when asked to split them): each a whole
        /// message and the file line it starts on; `text` then holds the rest (contents, footer).
        var digestMessages: [(bytes: ArraySlice<UInt8>, line: Int)] = []
        /// The message's Subject and Date as written (decoded), for the messages of its digest.
        var subject: String?
        var date: String?
        /// Whether the body in `text` is the message's body line for line (one plain text part,
        /// no transfer encoding): then its lines map to the file's one for one.
        var bodyLinesMatchFile = false
    }

    /// Nesting deeper than this is not followed (a hostile message could nest without end).
    static let maxDepth = 12

    /// `bytes`: one message with LF line ends; `firstLine`: the line of `bytes[0]` in its file.
    static func render(_ bytes: ArraySlice<UInt8>, firstLine: Int = 1, splitDigests: Bool = false) -> Rendered {
        let message = MimeEntity(bytes, firstLine: firstLine)
        var writer = BodyWriter()
        writer.splitDigests = splitDigests
        writer.add(message, depth: 0)
        var text = message.headerLines.map { MimeEntity.headerText($0) }.joined(separator: "\n")
        text += "\n\n" + writer.parts.joined(separator: "\n\n")
        if !writer.attachments.isEmpty {
            // A paragraph each: the body's layout joins adjacent lines into one.
            text += "\n\n" + writer.attachments.map { "[Attachment: \($0.name), \($0.type), \(sizeText($0.size))]" }.joined(separator: "\n\n")
        }
        let type = message.contentType.type
        let charset = message.contentType.parameters["charset"]?.lowercased() ?? ""
        let plain = (type == "text/plain" || message.field("content-type") == nil)
            && !charset.hasPrefix("utf-16") && !charset.hasPrefix("utf-32") && !charset.hasPrefix("utf16")
            && ["7bit", "8bit", "binary", ""].contains(message.transferEncoding)
            && writer.parts.count == 1 && writer.attachments.isEmpty && !message.isAttachment
        return Rendered(text: text + "\n", warnings: writer.warnings, headerLineCount: message.headerLines.count,
                        bodyLine: message.bodyLine, digestMessages: writer.digestMessages,
                        subject: message.field("subject").map { EncodedWords.decode($0).text }, date: message.field("date"),
                        bodyLinesMatchFile: plain)
    }

    /// `812 bytes`, `14 KB`, `3.2 MB`.
    static func sizeText(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) byte\(bytes == 1 ? "" : "s")" }
        if bytes < 1024 * 1024 { return "\((bytes + 512) / 1024) KB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    struct Attachment {
        var name: String
        var type: String
        var size: Int
    }

    /// Walks the MIME tree, collecting the readable text parts and the attachments.
    struct BodyWriter {
        var parts: [String] = []
        var attachments: [Attachment] = []
        var warnings: [(line: Int, reason: String)] = []
        /// Whether the messages of a `multipart/digest` are set aside (`digestMessages`) rather
        /// than shown inline as forwarded messages.
        var splitDigests = false
        var digestMessages: [(bytes: ArraySlice<UInt8>, line: Int)] = []

        /// `inDigest`: a part of a `multipart/digest`, whose default type is `message/rfc822`
        /// (RFC 2046, 5.1.5): digests give their messages no part headers of their own.
        mutating func add(_ entity: MimeEntity, depth: Int, inDigest: Bool = false) {
            let (type, parameters) = inDigest && entity.field("content-type") == nil ? ("message/rfc822", [:]) : entity.contentType
            if type.hasPrefix("multipart/"), depth < MimeMessage.maxDepth {
                guard let boundary = parameters["boundary"], !boundary.isEmpty else {
                    warnings.append((entity.bodyLine, "\(type) without a boundary; its body is shown as text"))
                    addText(entity, html: false)
                    return
                }
                let children = split(entity, boundary: boundary, type: type)
                guard !children.isEmpty else {
                    addText(entity, html: false)
                    return
                }
                if type == "multipart/alternative" {
                    let best = children.first { $0.contentType.type == "text/plain" && !$0.isAttachment }
                        ?? children.first { $0.contentType.type == "text/html" && !$0.isAttachment }
                        ?? children.first { $0.contentType.type.hasPrefix("multipart/") }
                        ?? children[0]
                    add(best, depth: depth + 1)
                } else {
                    for child in children { add(child, depth: depth + 1, inDigest: type == "multipart/digest") }
                }
            } else if type == "message/rfc822", depth < MimeMessage.maxDepth, !entity.isAttachment {
                if inDigest && splitDigests {
                    digestMessages.append((entity.body, entity.bodyLine))
                    return
                }
                let inner = MimeEntity(entity.body, firstLine: entity.bodyLine)
                let summary = ["From", "Date", "Subject"].compactMap { name in
                    inner.field(name.lowercased()).map { "\(name): " + EncodedWords.decode($0).text }
                }
                // A paragraph a line, so the layout does not run them together.
                parts.append((["Forwarded message:"] + summary).joined(separator: "\n\n"))
                add(inner, depth: depth + 1)
            } else if (type.hasPrefix("text/") || type.hasPrefix("multipart/")) && !entity.isAttachment {
                addText(entity, html: type == "text/html")
            } else {
                let bytes = decodedBytes(entity)
                let name = entity.fileName ?? "unnamed"
                attachments.append(Attachment(name: name, type: type, size: bytes.count))
            }
        }

        private mutating func addText(_ entity: MimeEntity, html: Bool) {
            let bytes = decodedBytes(entity)
            let charset = entity.contentType.parameters["charset"]
            var text: String
            if let charset {
                if let decoded = Charset.decode(bytes, charset: charset) {
                    text = decoded
                } else {
                    let known = Charset.isKnown(charset)
                    warnings.append((entity.bodyLine, known
                        ? "text not valid in its charset \(charset); read as UTF-8 or Windows-1252"
                        : "unknown charset \(charset); read as UTF-8 or Windows-1252"))
                    text = Charset.decodeUnlabelled(bytes)
                }
            } else {
                text = Charset.decodeUnlabelled(bytes)
            }
            if text.utf8.contains(0x0D) {
                text = Array(text.utf8).withUnsafeBufferPointer { String(decoding: TextDecoding.withUnixNewlines($0), as: UTF8.self) }
            }
            if html { text = HTMLText.text(text) }
            if !text.allSatisfy(\.isWhitespace) { parts.append(text) }
        }

        private mutating func decodedBytes(_ entity: MimeEntity) -> [UInt8] {
            switch entity.transferEncoding {
            case "quoted-printable":
                return QuotedPrintable.decode(Array(entity.body))
            case "base64":
                let (bytes, damaged) = Base64Text.decode(Array(entity.body))
                if damaged, let (encoded, footer) = Base64Text.splitFooter(entity.body),
                   case (let decoded?, false) = Base64Text.decode(Array(encoded)) {
                    // A list server (ezmlm, some Mailman setups) appended its plain footer to a
                    // base64 body: the body decoded, the footer as written.
                    return decoded + [0x0A, 0x0A] + footer
                }
                if damaged && Base64Text.isPlainText(entity.body) {
                    warnings.append((entity.bodyLine, "labelled base64 but written as plain text; body taken as written"))
                    return Array(entity.body)
                }
                if damaged { warnings.append((entity.bodyLine, "bad base64; decoded as far as it goes")) }
                return bytes ?? []
            case "7bit", "8bit", "binary", "":
                return Array(entity.body)
            case let other:
                warnings.append((entity.bodyLine, "unknown transfer encoding \(other); body taken as written"))
                return Array(entity.body)
            }
        }

        /// The parts between `--boundary` lines; a missing closing `--boundary--` is a warning.
        private mutating func split(_ entity: MimeEntity, boundary: String, type: String) -> [MimeEntity] {
            let delimiter = Array(("--" + boundary).utf8)
            var children: [MimeEntity] = []
            var partStart: (index: Int, line: Int)?
            var closed = false
            var index = entity.body.startIndex
            var line = entity.bodyLine
            let body = entity.body
            while index < body.endIndex {
                let end = body[index...].firstIndex(of: 0x0A) ?? body.endIndex
                var text = body[index..<end]
                while let last = text.last, last == 0x20 || last == 0x09 { text = text.dropLast() }
                if text.starts(with: delimiter) {
                    let rest = text.dropFirst(delimiter.count)
                    if rest.isEmpty || rest.elementsEqual("--".utf8) {
                        if let start = partStart {
                            // The line break before a delimiter belongs to the delimiter.
                            let partEnd = max(start.index, index - 1)
                            children.append(MimeEntity(body[start.index..<partEnd], firstLine: start.line))
                        }
                        if rest.isEmpty {
                            partStart = (min(end + 1, body.endIndex), line + 1)
                        } else {
                            partStart = nil
                            closed = true
                            break
                        }
                    }
                }
                index = min(end + 1, body.endIndex)
                line += 1
            }
            if !closed {
                if let start = partStart {
                    children.append(MimeEntity(body[start.index..<body.endIndex], firstLine: start.line))
                }
                warnings.append((line, children.isEmpty
                    ? "\(type): boundary \"\(boundary)\" never found; body shown as text"
                    : "\(type): no closing boundary \"--\(boundary)--\""))
            }
            return children
        }
    }
}
