/// Stretches of a body that are data rather than text, shown as one line each instead of being
/// re-flowed into paragraphs of noise: uuencoded and yEnc-encoded files (Usenet's attachments,
/// shown like MIME's, `[Attachment: logo.jpg, uuencoded, 14 KB]`) and PGP armor (a signature
/// becomes `[PGP signature]`). Inside a clearsigned message the `- ` that dash-escapes a line
/// (RFC 4880, 7.1) is taken off, so an escaped `- -- ` is a signature again.
///
/// One pass over the lines, looking at a line's first byte only unless it can begin a block.
enum EncodedBlocks {
    /// Lines `lines` are shown as `summary` (at the depth of their first line); a nil summary
    /// hides them (a clearsigned message's `-----BEGIN PGP SIGNED MESSAGE-----` and `Hash:`).
    struct Replacement: Equatable {
        var lines: Range<Int>
        var summary: String?
        /// The lines are kept as written instead (a shell archive: code, not prose).
        var verbatim = false
    }

    /// Consecutive full uuencoded lines (`M` and 60 characters) that are data even without their
    /// `begin` line: the middle parts of a file posted in several articles.
    static let bareRunMinimum = 8

    static func find(_ lines: inout [BodyLine], bytes: UnsafeBufferPointer<UInt8>) -> [Replacement] {
        var found: [Replacement] = []
        var index = 0
        var clearsigned = false
        while index < lines.count {
            let line = lines[index]
            guard line.start < line.end else {
                index += 1
                continue
            }
            let first = bytes[line.start]
            if clearsigned, first == UInt8(ascii: "-"), line.end - line.start >= 2, bytes[line.start + 1] == 0x20 {
                lines[index].dropPrefix(2, in: bytes)
                index += 1
                continue
            }
            let block: Replacement?
            switch first {
            case UInt8(ascii: "b"): block = uuencoded(lines, from: index, bytes)
            case UInt8(ascii: "M"): block = bareUuencoded(lines, from: index, bytes)
            case UInt8(ascii: "="): block = yEnc(lines, from: index, bytes)
            case UInt8(ascii: "#"): block = shellArchive(lines, from: index, bytes)
            case UInt8(ascii: "-"):
                block = armor(lines, from: index, bytes, clearsigned: &clearsigned)
            default: block = nil
            }
            if let block {
                found.append(block)
                index = block.lines.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    // MARK: - uuencode

    /// `begin 644 name`, data lines, then `` ` `` and `end` (or the data's last line).
    private static func uuencoded(_ lines: [BodyLine], from index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Replacement? {
        let text = content(lines[index], bytes)
        guard text.starts(with: "begin ".utf8) else { return nil }
        // `begin`, a mode of three or four octal digits, a space, a name.
        var cursor = 6
        let modeStart = cursor
        while cursor < text.count, text[cursor] >= UInt8(ascii: "0"), text[cursor] <= UInt8(ascii: "7") { cursor += 1 }
        guard (3...4).contains(cursor - modeStart), cursor + 1 < text.count, text[cursor] == 0x20 else { return nil }
        let name = String(decoding: text[(cursor + 1)...], as: UTF8.self)
        var size = 0
        var end = index + 1
        var closed = false
        while end < lines.count, lines[end].level == lines[index].level {
            let data = content(lines[end], bytes)
            if data.elementsEqual("end".utf8) {
                closed = true
                end += 1
                break
            }
            guard isUuencodedLine(data) else { break }
            if let length = data.first { size += Int((length &- 0x20) & 0x3F) }
            end += 1
        }
        // A `begin` line with no data after it is prose ("begin 100 years ago…" will not parse
        // as a mode and a name, but "begin 644 lines" might).
        guard end > index + 1 + (closed ? 1 : 0) else { return nil }
        return Replacement(lines: index..<end, summary: "[Attachment: \(name), uuencoded, \(MimeMessage.sizeText(size))]")
    }

    /// A run of full uuencoded lines with no `begin` above it.
    private static func bareUuencoded(_ lines: [BodyLine], from index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Replacement? {
        var end = index
        var size = 0
        while end < lines.count, lines[end].level == lines[index].level {
            let data = content(lines[end], bytes)
            guard data.count == 61, data.first == UInt8(ascii: "M"), isUuencodedLine(data) else { break }
            size += 45
            end += 1
        }
        guard end - index >= bareRunMinimum else { return nil }
        // The short last line, `` ` `` and `end` of a file's last part belong to the run.
        while end < lines.count, lines[end].level == lines[index].level {
            let data = content(lines[end], bytes)
            guard !data.isEmpty, data.count < 61, isUuencodedLine(data) || data.elementsEqual("end".utf8) else { break }
            let isEnd = data.elementsEqual("end".utf8)
            if !isEnd, let length = data.first { size += Int((length &- 0x20) & 0x3F) }
            end += 1
            if isEnd { break }
        }
        return Replacement(lines: index..<end, summary: "[uuencoded data, \(MimeMessage.sizeText(size))]")
    }

    /// Characters `` ` `` (0x60) and space through `_`: uuencode's alphabet, nothing else.
    private static func isUuencodedLine(_ data: UnsafeBufferPointer<UInt8>) -> Bool {
        !data.isEmpty && data.allSatisfy { $0 >= 0x20 && $0 <= 0x60 }
    }

    // MARK: - yEnc

    /// `=ybegin … name=x`, an optional `=ypart`, data, `=yend`.
    private static func yEnc(_ lines: [BodyLine], from index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Replacement? {
        let text = content(lines[index], bytes)
        guard text.starts(with: "=ybegin ".utf8) else { return nil }
        let header = String(decoding: text, as: UTF8.self)
        let name = field("name", in: header, toEnd: true) ?? "unnamed"
        var size = Int(field("size", in: header) ?? "")
        var partText = ""
        if let part = field("part", in: header) {
            partText = field("total", in: header).map { " (part \(part) of \($0))" } ?? " (part \(part))"
        }
        var end = index + 1
        while end < lines.count {
            let data = content(lines[end], bytes)
            end += 1
            if data.starts(with: "=ypart ".utf8) {
                let part = String(decoding: data, as: UTF8.self)
                if let begin = Int(field("begin", in: part) ?? ""), let last = Int(field("end", in: part) ?? ""), last >= begin {
                    size = last - begin + 1
                }
            }
            if data.starts(with: "=yend".utf8) { break }
        }
        let sizeText = size.map { ", \(MimeMessage.sizeText($0))" } ?? ""
        return Replacement(lines: index..<end, summary: "[Attachment: \(name)\(partText), yEnc\(sizeText)]")
    }

    /// The value of `key=` in a yEnc line: up to the next space, or (`name`, which may hold
    /// spaces and always comes last) to the end of the line.
    private static func field(_ key: String, in line: String, toEnd: Bool = false) -> String? {
        guard let range = line.range(of: " \(key)=") else { return nil }
        let rest = line[range.upperBound...]
        let value = toEnd ? rest : rest.prefix { $0 != " " }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    // MARK: - Shell archives

    /// `#!/bin/sh` and, within three lines, "shell archive" (comp.sources.*): kept as written
    /// through `exit 0`, else to the end of the body.
    private static func shellArchive(_ lines: [BodyLine], from index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Replacement? {
        let text = content(lines[index], bytes)
        guard text.starts(with: "#!/bin/sh".utf8) || text.starts(with: "#! /bin/sh".utf8) else { return nil }
        let says = lines[(index + 1)..<min(lines.count, index + 4)].contains { line in
            String(decoding: content(line, bytes), as: UTF8.self).lowercased().contains("shell archive")
        }
        guard says else { return nil }
        var end = index + 1
        while end < lines.count, lines[end].level == lines[index].level {
            let line = content(lines[end], bytes)
            end += 1
            if line.elementsEqual("exit 0".utf8) || line.elementsEqual("exit".utf8) { break }
        }
        while end > index + 1, lines[end - 1].isBlank { end -= 1 }
        return Replacement(lines: index..<end, summary: nil, verbatim: true)
    }

    // MARK: - PGP armor

    /// `-----BEGIN PGP SIGNED MESSAGE-----` and its `Hash:` lines (hidden; the lines after are
    /// dash-escaped), or a `-----BEGIN PGP …-----` block through its `-----END PGP …-----`.
    private static func armor(_ lines: [BodyLine], from index: Int, _ bytes: UnsafeBufferPointer<UInt8>,
                              clearsigned: inout Bool) -> Replacement? {
        let text = content(lines[index], bytes)
        guard text.starts(with: "-----BEGIN PGP ".utf8), text.count > 20 else { return nil }
        let label = String(decoding: text[15..<(text.count - 5)], as: UTF8.self)
        guard text[(text.count - 5)...].elementsEqual("-----".utf8) else { return nil }
        if label == "SIGNED MESSAGE" {
            var end = index + 1
            // The armor headers (`Hash: SHA256`) up to the blank line before the text.
            while end < lines.count, lines[end].level == lines[index].level, !lines[end].isBlank { end += 1 }
            clearsigned = true
            return Replacement(lines: index..<end, summary: nil)
        }
        let closing = Array("-----END PGP \(label)-----".utf8)
        var end = index + 1
        while end < lines.count, lines[end].level == lines[index].level {
            let data = content(lines[end], bytes)
            end += 1
            guard !data.elementsEqual(closing) else {
                clearsigned = false
                let what = label == "SIGNATURE" ? "PGP signature" : "PGP \(label.lowercased())"
                return Replacement(lines: index..<end, summary: "[\(what)]")
            }
        }
        return nil
    }

    /// A line's content from its first byte (quotation marks taken off), trailing blanks not included.
    private static func content(_ line: BodyLine, _ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[line.start..<max(line.start, line.end)])
    }
}

extension BodyLine {
    /// The line without its first `count` content bytes (a clearsigned message's `- `).
    mutating func dropPrefix(_ count: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        start = min(start + count, end)
        (textStart, indent) = Self.leadingBlanks(bytes, from: start, to: end)
    }
}
