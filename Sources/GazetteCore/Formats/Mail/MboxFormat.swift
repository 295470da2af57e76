/// A Unix mailbox: many messages, each starting at a `From ADDRESS DATE` line (the envelope)
/// after a blank line. Body lines that began with `From ` were escaped as `>From ` (and
/// `>From ` as `>>From `, mboxrd): one `>` is taken off again. `Content-Length` is used only
/// when it lands exactly on the next envelope line or the end of the file.
enum MboxFormat: ArticleFormat {
    static let name = "mbox"

    static func claims(_ file: ArticleFileInput) -> Bool {
        if hasMboxSuffix(file.path) { return true }
        let text = file.text
        // Blank lines before the first envelope (a mailbox cut out of a larger one) are skipped.
        guard let first = text.lines.first(where: { !text.bytes[$0].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }),
              text.hasPrefix(first, "From ") else { return false }
        return isEnvelope(text.bytes[first])
    }

    /// `path.lowercased().hasSuffix(".mbox")`, without lower-casing every loaded file's path:
    /// no scalar but these ASCII letters lower-cases to them, so comparing bytes is the same test
    /// when the byte before is ASCII (else a scalar there could join the dot into one `Character`).
    static func hasMboxSuffix(_ path: String) -> Bool {
        if let compression = Compression(name: path.utf8) { return hasMboxSuffix(String(path.dropLast(compression.suffix.count))) }  // `list.mbox.gz`
        let suffix: [UInt8] = [0x2E, 0x6D, 0x62, 0x6F, 0x78]  // ".mbox"
        let utf8 = path.utf8
        guard utf8.count >= suffix.count else { return false }
        guard zip(utf8.suffix(suffix.count), suffix).allSatisfy({ TextBuffer.lowerASCII($0) == $1 }) else { return false }
        if utf8.count > suffix.count, utf8.dropLast(suffix.count).last! >= 0x80 { return path.lowercased().hasSuffix(".mbox") }
        return true
    }

    static func parse(_ file: ArticleFileInput) -> ParsedFile {
        let bytes = MailBytes.normalised(file.raw)
        var result = ParsedFile()
        let messages = split(bytes)
        if messages.isEmpty {
            let blank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
            result.warnings.append(LoadWarning(path: file.path, line: 1, reason: blank ? "empty file" : "no \"From \" line: not a mailbox; skipped"))
            return result
        }
        for message in messages {
            let content = unescaped(bytes[message.body])
            guard content.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A }) else {
                result.warnings.append(LoadWarning(path: file.path, line: message.line, reason: "empty message"))
                continue
            }
            var parsed = MimeMessageFormat.parse(message: content[...], firstLine: message.line + 1, path: file.path)
            if parsed.articles.contains(where: { $0.date == nil }), let date = envelopeDate(bytes, at: message.envelope) {
                // No (readable) `Date:`: the envelope says when the message was delivered.
                for index in parsed.articles.indices where parsed.articles[index].date == nil {
                    parsed.articles[index].date = date
                    parsed.articles[index].id = ArticleID.fast(of: parsed.articles[index])
                }
            }
            result.articles += parsed.articles
            result.warnings += parsed.warnings
        }
        return result
    }

    /// One message: its envelope's 1-based line and first byte, and the byte range after the envelope.
    struct Message {
        var line: Int
        var envelope: Int
        var body: Range<Int>
    }

    /// The date of the envelope line starting at `start` (`From SENDER DATE`), if it reads as one.
    static func envelopeDate(_ bytes: [UInt8], at start: Int) -> ArticleDate? {
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        let words = bytes[start..<end].dropFirst(5).split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
        // The sender may hold spaces (pipermail writes `alice at example.org`): the date is the
        // last five words (`Tue Jun  3 10:22:01 2003`), or six with a zone.
        for count in [6, 5] where words.count > count {
            let text = words.suffix(count).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
            if let date = DateParser.parse(text) { return date }
        }
        return nil
    }

    /// The messages of a mailbox; text before the first envelope is skipped.
    static func split(_ bytes: [UInt8]) -> [Message] {
        var starts: [(line: Int, envelope: Int, after: Int)] = []
        var index = 0
        var line = 1
        var previousBlank = true
        var skipTo = 0  // a trusted Content-Length: no envelope looked for before here
        while index < bytes.count {
            let end = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
            let text = bytes[index..<end]
            // An envelope follows a blank line; some exporters (mblaze's mexport, Roundcube,
            // Google Takeout) leave none, so an envelope right after text also starts a message
            // when a header line follows it (`From: …`), which a body line never pairs with.
            if index >= skipTo, text.starts(with: "From ".utf8), previousBlank || startsHeaders(bytes, at: end + 1), isEnvelope(text) {
                starts.append((line, index, min(end + 1, bytes.count)))
                if let length = contentLength(bytes, from: min(end + 1, bytes.count)), let bodyStart = length.bodyStart {
                    let target = bodyStart + length.value
                    if target == bytes.count || (target < bytes.count && startsEnvelope(bytes, at: target)) {
                        skipTo = target
                    }
                }
            }
            previousBlank = text.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            index = end + 1
            line += 1
        }
        return starts.enumerated().map { number, start in
            var end = number + 1 < starts.count ? starts[number + 1].envelope : bytes.count
            // The blank line before the next envelope belongs to the separator.
            if end > start.after, end < bytes.count, bytes[end - 1] == 0x0A { end -= 1 }
            return Message(line: start.line, envelope: start.envelope, body: start.after..<max(start.after, end))
        }
    }

    /// `From SENDER Mon Jan  1 00:00:00 2001` (asctime, as every mailer writes it): a sender with
    /// no spaces, then a date holding a time `H:MM` and a four-digit year — so a line of prose
    /// such as `From Moscow with love, 1963` is not taken for an envelope.
    static func isEnvelope(_ line: some Collection<UInt8>) -> Bool {
        guard line.starts(with: "From ".utf8) else { return false }
        let words = line.dropFirst(5).split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
        guard words.count >= 3 else { return false }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        let date = words.dropFirst()
        let hasTime = date.contains { word in
            let parts = word.split(separator: 0x3A, omittingEmptySubsequences: false)
            return (2...3).contains(parts.count) && (1...2).contains(parts[0].count)
                && parts.allSatisfy { !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(isDigit) }
        }
        let hasYear = date.contains { $0.count == 4 && $0.allSatisfy(isDigit) }
        return hasTime && hasYear
    }

    /// Whether the line at `index` is a header field (`Name: value`; the name printable ASCII
    /// without spaces), as the first line after an envelope is.
    static func startsHeaders(_ bytes: [UInt8], at index: Int) -> Bool {
        var at = index
        while at < bytes.count, at - index < 80 {
            let byte = bytes[at]
            if byte == 0x3A { return at > index && at + 1 < bytes.count && (bytes[at + 1] == 0x20 || bytes[at + 1] == 0x09) }
            guard byte > 0x20, byte < 0x7F else { return false }
            at += 1
        }
        return false
    }

    private static func startsEnvelope(_ bytes: [UInt8], at index: Int) -> Bool {
        var start = index
        if bytes[start] == 0x0A { start += 1 }  // the separating blank line
        guard start < bytes.count else { return false }
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        return isEnvelope(bytes[start..<end])
    }

    /// The `Content-Length` of the header block starting at `start`, and where its body starts.
    private static func contentLength(_ bytes: [UInt8], from start: Int) -> (value: Int, bodyStart: Int?)? {
        var index = start
        var value: Int?
        while index < bytes.count {
            let end = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
            let text = bytes[index..<end]
            if text.isEmpty { return value.map { ($0, min(end + 1, bytes.count)) } }
            let prefix = Array("content-length:".utf8)
            if text.count > prefix.count, zip(text.prefix(prefix.count), prefix).allSatisfy({ TextBuffer.lowerASCII($0) == $1 }) {
                value = Int(String(decoding: text.dropFirst(prefix.count), as: UTF8.self).trimmingASCIISpaces())
            }
            index = end + 1
        }
        return nil
    }

    /// Body lines `>From `, `>>From `… lose one `>` (mboxo and mboxrd escaping).
    static func unescaped(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var atLineStart = true
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if atLineStart, bytes[index] == 0x3E {
                var probe = index
                while probe < bytes.endIndex, bytes[probe] == 0x3E { probe += 1 }
                if bytes[probe...].starts(with: "From ".utf8) { index += 1 }
            }
            let byte = bytes[index]
            out.append(byte)
            atLineStart = byte == 0x0A
            index += 1
        }
        return out
    }
}
