/// Reads one article file, whichever format it is in.
public enum ArticleFileParser {
    /// Decodes the bytes, asks the formats in `ArticleFormats.all` which one the file is in, and
    /// parses it; a binary file is one warning.
    public static func parse(bytes: some Collection<UInt8>, path: String) -> ParsedFile {
        if let parsed = bytes.withContiguousStorageIfAvailable({ parse(raw: $0, path: path) }) { return parsed }
        return Array(bytes).withUnsafeBufferPointer { parse(raw: $0, path: path) }
    }

    static func parse(raw: UnsafeBufferPointer<UInt8>, path: String) -> ParsedFile {
        // The common case — well-formed UTF-8 without BOM or CR — is parsed straight from the
        // file's bytes, validated and split into lines in one pass; every field is cut at ASCII
        // bytes, so each is well-formed too. Anything else is decoded (and repaired) first.
        if TextDecoding.isPlainUTF8Layout(raw), let lines = UTF8Scan.validatedLines(raw) {
            return parse(ArticleFileInput(path: path, raw: raw, text: TextBuffer(raw, lines: lines), rawIsUTF8: true))
        }
        let isUTF8 = UTF8Scan.isWellFormed(raw)
        guard !isUTF8, !TextDecoding.hasByteOrderMark(raw) else {
            return TextBuffer.with(TextDecoding.decode(raw)) { parse(ArticleFileInput(path: path, raw: raw, text: $0, rawIsUTF8: isUTF8)) }
        }
        // 8-bit text with no declared encoding: UTF-8 where well-formed, other bytes Windows-1252
        // (mail decides by its own charset from `raw`). Binary is told first, while invalid
        // bytes still count as such — with line ends made LF, so a CR is no control byte.
        let unix = TextDecoding.withUnixNewlines(raw)
        if unix.withUnsafeBufferPointer({ BinaryText.looksBinary(bytes: $0) }), !BinaryText.holdsYEnc(raw) {
            return ParsedFile(warnings: [LoadWarning(path: path, line: 1, reason: "binary file; skipped")])
        }
        let text = unix.withUnsafeBufferPointer { TextDecoding.decodeUTF8OrWindows1252($0) }
        return TextBuffer.with(text) { parse(ArticleFileInput(path: path, raw: raw, text: $0, rawIsUTF8: false)) }
    }

    /// The article files of a zip or tar archive at `path`: each parsed on its own (a compressed
    /// one inflated first); articles keep their lines within their entry, and warnings name it.
    static func parse(members: [ArchiveMember], path: String) -> ParsedFile {
        var result = ParsedFile()
        for member in members {
            if let note = member.note {
                result.warnings.append(LoadWarning(path: path, line: 0, reason: note))
                continue
            }
            var text = member.text
            if let compression = Compression(name: member.name.utf8) {
                switch text.withUnsafeBufferPointer({ compression.decompress($0, limit: FileReading.sizeLimit) }) {
                case .success(let inflated):
                    text = inflated.bytes
                    if let note = inflated.note { result.warnings.append(LoadWarning(path: path, line: 0, reason: "\(member.name): \(note)")) }
                case .failure(let failure):
                    result.warnings.append(LoadWarning(path: path, line: 0, reason: "\(member.name): \(failure.reason)"))
                    continue
                }
            }
            let parsed = parse(bytes: text, path: path)
            result.articles += parsed.articles
            result.warnings += ParsedFile.memberWarnings(parsed.warnings, member: member.name, path: path)
        }
        return result
    }

    static func parse(text: String, path: String) -> ParsedFile {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { parse(raw: UnsafeBufferPointer($0), path: path) }
    }

    static func parse(_ file: ArticleFileInput) -> ParsedFile {
        // A yEnc post's data is raw 8-bit bytes, controls included; its text and headers are
        // still a post (the body shows the file as one `[Attachment: …, yEnc, …]` line).
        if BinaryText.looksBinary(file.text), !BinaryText.holdsYEnc(file.raw) {
            return ParsedFile(warnings: [LoadWarning(path: file.path, line: 1, reason: "binary file; skipped")])
        }
        return ArticleFormats.format(of: file).parse(file)
    }
}
