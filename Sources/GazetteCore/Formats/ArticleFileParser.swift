/// Reads one article file, whichever format it is in.
public enum ArticleFileParser {
    /// Decodes the bytes, detects the format (blog dump or canonical) and parses; a binary file is one warning.
    public static func parse(bytes: some Collection<UInt8>, path: String) -> ParsedFile {
        parse(text: TextDecoding.decode(bytes), path: path)
    }

    static func parse(text: String, path: String) -> ParsedFile {
        TextBuffer.with(text) { buffer in
            if BinaryText.looksBinary(buffer) {
                return ParsedFile(warnings: [LoadWarning(path: path, line: 1, reason: "binary file; skipped")])
            }
            return DumpFormat.looksLikeDump(TextBuffer(buffer.bytes, maxLines: 64))
                ? DumpFormat.parse(buffer, path: path)
                : CanonicalFormat.parse(buffer, path: path)
        }
    }
}
