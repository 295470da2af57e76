import GazetteCore

/// Shared by every fuzz target: the input as text, and a loud failure that libFuzzer records as a crash.
enum FuzzInput {
    /// The raw input bytes, copied (libFuzzer owns the buffer only for the call).
    static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The input decoded as UTF-8 with repairs, as an editor or terminal would hand it over.
    static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
        String(decoding: bytes(data, size), as: UTF8.self)
    }
}

/// Stops the run with a message when a property that must always hold does not.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("fuzz invariant broken: \(message())") }
}

/// Checks what every parse result must satisfy, whatever the input.
func checkParsed(_ parsed: ParsedFile, path: String) {
    for article in parsed.articles {
        require(article.source.path == path, "article from another path: \(article.source)")
        require(article.source.line >= 1, "article at line \(article.source.line)")
        require(article.leadInLength >= 0, "negative lead-in")
        require(article.leadInLength <= (article.paragraphs.first?.count ?? 0), "lead-in longer than its paragraph")
        if let date = article.date {
            require((1...12).contains(date.month) && (1...31).contains(date.day), "impossible date \(date)")
        }
        require(article.id == ArticleID(identityKey: ArticleIdentity(of: article).key), "id does not match the identity")
    }
    for warning in parsed.warnings {
        require(warning.location.path == path, "warning for another path: \(warning)")
        require(warning.location.line >= 0, "warning at line \(warning.location.line)")
        require(!warning.reason.isEmpty, "warning without a reason")
    }
}
