/// Which of an article's extra headers are worth reading and which are routing noise: the one
/// place the reader (`H` shows all) and `gazette show` (`--headers` shows all) ask.
///
/// A header is noise when its transport or software wrote it for other software (`Path`,
/// `Xref`, `Message-ID`, `Received`, `X-*`, `Content-*`, …); every other header, known or not,
/// is shown, so an archive's own fields (`Source`, `Edition`) are never hidden.
public enum HeaderRelevance {
    /// Noise headers by exact name (lower-cased).
    static let noiseNames: Set<String> = [
        "path", "xref", "references", "message-id", "lines", "sender", "in-reply-to", "article-i.d.",
        "received", "return-path", "mime-version", "approved", "distribution", "expires", "supersedes",
        "date-received", "posting-version", "relay-version", "posted", "cancel-lock", "cancel-key",
        "user-agent", "delivered-to", "authentication-results", "precedence", "errors-to", "status",
        "face", "importance", "priority", "thread-index", "thread-topic", "message-id-hash",
        "x-no-archive", "originator", "nf-id", "nf-from", "apparently-to", "received-spf",
        "bytes", "injection-date", "injection-info", "complaints-to", "control", "mail-copies-to",
    ]

    /// Noise headers by prefix (lower-cased).
    static let noisePrefixes = ["x-", "nntp-", "dkim-", "arc-", "content-", "list-", "resent-", "injection-", "autocrypt"]

    /// Whether `name` is routing or software noise, hidden unless all headers are asked for.
    public static func isNoise(_ name: String) -> Bool {
        let lower = name.lowercased()
        return noiseNames.contains(lower) || noisePrefixes.contains { lower.hasPrefix($0) }
    }

    /// The headers shown by default, in file order.
    public static func readable(_ headers: [HeaderField]) -> [HeaderField] {
        headers.filter { !isNoise($0.name) }
    }
}
