import GazetteCore

/// libFuzzer entry: mail through the mbox splitter and the MIME decoder (multiparts, transfer
/// encodings, charsets, RFC 2047 words, HTML to text). The first byte picks the way in: an
/// `.mbox` file, or one message with a `MIME-Version` header put before the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMail(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let mode = bytes.first else { return 0 }
    let rest = Array(bytes.dropFirst())
    let path = mode & 1 == 0 ? "box.mbox" : "message.txt"
    let input = mode & 1 == 0 ? rest : Array("MIME-Version: 1.0\n".utf8) + rest
    let parsed = ArticleFileParser.parse(bytes: input, path: path)
    checkParsed(parsed, path: path)
    let lines = input.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } + input.reduce(0) { $0 + ($1 == 0x0D ? 1 : 0) }
    for article in parsed.articles {
        require(!article.bodyUTF8.contains(0x0D), "a carriage return in a body")
        require(article.source.line <= lines, "article at line \(article.source.line) of \(lines)")
    }
    for warning in parsed.warnings {
        require(warning.location.line <= lines + 1, "warning at line \(warning.location.line) of \(lines)")
    }
    // One message with a header block is never lost: an article, or a warning saying why not.
    if mode & 1 == 1 { require(parsed.articles.count == 1 || !parsed.warnings.isEmpty, "message lost silently") }
    return 0
}
