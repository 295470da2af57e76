@testable import GazetteCore

/// libFuzzer entry: raw file bytes through decoding, format detection and parsing, as the loader does.
///
/// The loader parses well-formed UTF-8 without BOM or CR straight from the bytes; everything else
/// is decoded first. Both paths must give the same articles and warnings for the same input, so
/// the byte path is also checked against the decode path on every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    require(!TextDecoding.decode(bytes).utf8.contains(0x0D), "a carriage return survived decoding")
    // Bytes that are not UTF-8 (and no BOM) are read as UTF-8 where well-formed, else Windows-1252.
    let eightBit = bytes.withUnsafeBufferPointer { !UTF8Scan.isWellFormed($0) && !TextDecoding.hasByteOrderMark($0) }
    let text = eightBit
        ? bytes.withUnsafeBufferPointer { TextDecoding.withUnixNewlines($0) }.withUnsafeBufferPointer { TextDecoding.decodeUTF8OrWindows1252($0) }
        : TextDecoding.decode(bytes)
    require(!text.utf8.contains(0x0D), "a carriage return survived decoding")
    let direct = ArticleFileParser.parse(bytes: bytes, path: "raw.txt")
    checkParsed(direct, path: "raw.txt")
    // Binary is told from the raw bytes (invalid ones count), which the decoded text no longer has.
    if eightBit, direct.warnings.map(\.reason) == ["binary file; skipped"] { return 0 }
    let decoded = ArticleFileParser.parse(text: text, path: "raw.txt")
    // Except 8-bit mail and news: a header block over bytes that are not UTF-8 is MIME, decoded
    // by its own charsets (README), which a text decoded up front need not match.
    let eightBitMail = bytes.withUnsafeBufferPointer { !UTF8Scan.isWellFormed($0) && !TextDecoding.hasByteOrderMark($0) }
        && TextBuffer.with(text) { buffer in
        guard let first = buffer.lines.prefix(64).firstIndex(where: { !buffer.isBlank($0) }) else { return false }
        return CanonicalFormat.hasHeaderBlock(buffer, from: first)
    }
    if eightBitMail { return 0 }
    require(direct.warnings == decoded.warnings, "byte path warns \(direct.warnings), decode path \(decoded.warnings)")
    require(direct.articles.map(describe) == decoded.articles.map(describe),
            "byte path and decode path differ:\n\(direct.articles.map(describe))\n\(decoded.articles.map(describe))")
    return 0
}

/// Every field of an article a user can see, as one comparable string.
func describe(_ article: Article) -> String {
    let headers = article.extraHeaders.map { "\($0.name)=\($0.value)" }
    let fields: [String] = [
        article.id.description, article.title, article.date?.isoDay ?? "-", article.author ?? "-",
        article.categories.joined(separator: "|"), article.tags.joined(separator: "|"),
        article.comments.map(String.init) ?? "-", article.link ?? "-", headers.joined(separator: "|"),
        String(article.leadInLength), article.related.joined(separator: "|"), "\(article.source.line)",
    ]
    return (fields + article.paragraphs).map(\.debugDescription).joined(separator: " ")
}
