/// Reads one article file, whichever format it is in.
public enum ArticleFileParser {
    /// Decodes the bytes, detects the format (blog dump or canonical) and parses; a binary file is one warning.
    public static func parse(bytes: some Collection<UInt8>, path: String) -> ParsedFile {
        // The common case — well-formed UTF-8 without BOM or CR — is parsed straight from the
        // file's bytes, validated and split into lines in one pass; every field is cut at ASCII
        // bytes, so each is well-formed too. Anything else is decoded (and repaired) first.
        let direct = bytes.withContiguousStorageIfAvailable { buffer -> ParsedFile? in
            guard TextDecoding.isPlainUTF8Layout(buffer), let lines = UTF8Scan.validatedLines(buffer) else { return nil }
            return parse(buffer: TextBuffer(buffer, lines: lines), path: path)
        }
        if let parsed = direct ?? nil { return parsed }
        return parse(text: TextDecoding.decode(bytes), path: path)
    }

    static func parse(text: String, path: String) -> ParsedFile {
        TextBuffer.with(text) { parse(buffer: $0, path: path) }
    }

    static func parse(buffer: TextBuffer, path: String) -> ParsedFile {
        if BinaryText.looksBinary(buffer) {
            return ParsedFile(warnings: [LoadWarning(path: path, line: 1, reason: "binary file; skipped")])
        }
        return DumpFormat.looksLikeDump(buffer)
            ? DumpFormat.parse(buffer, path: path)
            : CanonicalFormat.parse(buffer, path: path)
    }
}
