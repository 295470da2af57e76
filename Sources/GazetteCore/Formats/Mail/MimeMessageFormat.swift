/// One mail message per file with MIME in it (a `.eml`-like file, a Maildir message): the body
/// is decoded by `MimeMessage`, then read as a canonical article.
enum MimeMessageFormat: ArticleFormat {
    static let name = "MIME message"

    /// A file that begins with a header block holding a MIME field, or one whose bytes are not
    /// UTF-8 (8-bit mail: its charset decides, not a repair).
    static func claims(_ file: ArticleFileInput) -> Bool {
        guard HeaderBlockFormat.claims(file) else { return false }
        let text = file.text
        for line in text.lines.prefix(512) {
            if text.isBlank(line) { break }
            guard let parts = text.headerParts(line) else { continue }
            // Compared in place: this runs on every file with headers.
            for name in mimeFields where parts.name.count == name.utf8.count {
                if text.hasPrefix(parts.name, name, caseInsensitive: true) { return true }
            }
        }
        return !file.rawIsUTF8 && !TextDecoding.hasByteOrderMark(file.raw)
    }

    private static let mimeFields = ["mime-version", "content-type", "content-transfer-encoding"]

    static func parse(_ file: ArticleFileInput) -> ParsedFile {
        let bytes = MailBytes.normalised(file.raw)
        return parse(message: bytes[...], firstLine: 1, path: file.path)
    }

    /// Digests inside digests are split this deep, no deeper (then shown inline).
    static let maxDigestDepth = 3

    /// Reads one message whose first byte is on line `firstLine` of `path`.
    static func parse(message: ArraySlice<UInt8>, firstLine: Int, path: String, digestDepth: Int = 0) -> ParsedFile {
        let rendered = MimeMessage.render(message, firstLine: firstLine, splitDigests: digestDepth < maxDigestDepth)
        if !rendered.digestMessages.isEmpty {
            // A MIME digest (Mailman's, `multipart/digest`): its messages, one article each; its
            // own text (the contents, the list footer) is no article.
            var result = ParsedFile(warnings: rendered.warnings.map { LoadWarning(path: path, line: $0.line, reason: $0.reason) })
            let date = rendered.date.flatMap { DateParser.parse($0) }
            for message in rendered.digestMessages {
                var parsed = parse(message: message.bytes, firstLine: message.line, path: path, digestDepth: digestDepth + 1)
                for index in parsed.articles.indices { Digest.adopt(&parsed.articles[index], digest: rendered.subject, date: date) }
                result.articles += parsed.articles
                result.warnings += parsed.warnings
            }
            result.warnings.sort { $0.location.line < $1.location.line }
            return result
        }
        var parsed = CanonicalFormat.parse(rendered.text, path: path)
        // Header lines of the canonical text are the message's own; its body is decoded text,
        // so a line there is reported at the start of the body.
        func fileLine(_ line: Int) -> Int {
            if line <= rendered.headerLineCount { return firstLine + line - 1 }
            // Body line 1 is the text's line after the headers and a blank line (with no
            // headers at all, the text opens with two empty lines).
            guard rendered.bodyLinesMatchFile else { return rendered.bodyLine }
            let bodyStart = rendered.headerLineCount > 0 ? rendered.headerLineCount + 2 : 3
            return rendered.bodyLine + max(0, line - bodyStart)
        }
        for index in parsed.articles.indices { parsed.articles[index].source.line = fileLine(parsed.articles[index].source.line) }
        for index in parsed.warnings.indices where parsed.warnings[index].location.line > 0 {
            parsed.warnings[index].location.line = fileLine(parsed.warnings[index].location.line)
        }
        parsed.warnings += rendered.warnings.map { LoadWarning(path: path, line: $0.line, reason: $0.reason) }
        parsed.warnings.sort { $0.location.line < $1.location.line }
        return parsed
    }
}

/// Byte-level preparation of mail: the line ends made LF, a UTF-8 BOM dropped; 8-bit bytes kept
/// for the charset to decide.
enum MailBytes {
    static func normalised(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes = raw
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes = UnsafeBufferPointer(rebasing: bytes[3...])
        }
        return TextDecoding.withUnixNewlines(bytes)
    }
}
