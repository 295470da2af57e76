@testable import GazetteCore

/// libFuzzer entry: raw file bytes through decoding, format detection and parsing, as the loader does.
///
/// The loader parses well-formed UTF-8 without BOM or CR straight from the bytes; everything else
/// is decoded first. Both paths must give the same articles and warnings for the same input, so
/// the byte path is also checked against the decode path on every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let text = TextDecoding.decode(bytes)
    require(!text.utf8.contains(0x0D), "a carriage return survived decoding")
    let direct = ArticleFileParser.parse(bytes: bytes, path: "raw.txt")
    checkParsed(direct, path: "raw.txt")
    let decoded = ArticleFileParser.parse(text: text, path: "raw.txt")
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
