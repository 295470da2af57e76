/// Reads one article file, whichever format it is in.
public enum ArticleFileParser {
    /// Decodes the bytes, detects the format (blog dump or canonical) and parses; a binary file is one warning.
    public static func parse(bytes: some Collection<UInt8>, path: String) -> ParsedFile {
        // The common case — UTF-8 without BOM or CR — is parsed straight from the file's bytes:
        // every field is split at ASCII bytes and validated (invalid sequences repaired) once,
        // when its String is made, instead of validating the whole file first and again per field.
        let direct = bytes.withContiguousStorageIfAvailable { buffer -> ParsedFile? in
            guard TextDecoding.isPlainUTF8Layout(buffer) else { return nil }
            return parse(buffer: TextBuffer(buffer), path: path)
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
        return DumpFormat.looksLikeDump(TextBuffer(buffer.bytes, maxLines: 64))
            ? DumpFormat.parse(buffer, path: path)
            : CanonicalFormat.parse(buffer, path: path)
    }
}
