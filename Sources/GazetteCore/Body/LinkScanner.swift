/// Finds the URLs in running text as people write them: `https://…`, `www.…`, `<https://…>`.
///
/// Bytes, one pass: the marks it tests are ASCII. Text around a URL is punctuation more often
/// than not, so a URL ends at a space, a quote or an angle bracket; trailing `.,;:!?` and a
/// closing bracket with no opening one inside the URL are the sentence's, not the URL's
/// (`(see https://en.wikipedia.org/wiki/Gold_(operation)).` keeps the inner pair).
public enum LinkScanner {
    /// Schemes recognised without angle brackets (lower case, with their `:` or `://`).
    static let schemes: [[UInt8]] = ["https://", "http://", "ftp://", "gopher://", "gemini://", "mailto:"].map { Array($0.utf8) }
    static let www = Array("www.".utf8)

    /// The URLs of `text` in order of appearance, each once; `www.` addresses get `http://`.
    public static func urls(in text: String) -> [String] {
        var found: [String] = []
        var seen: Set<String> = []
        var copy = text
        copy.withUTF8 { bytes in
            scan(bytes) { url in if seen.insert(url).inserted { found.append(url) } }
        }
        return found
    }

    /// Body bytes searched for links: the reader lists them when an article opens, and a 90 MB
    /// body must still open within a frame (its links past this point are not listed). 4 MB cost
    /// the huge-article bench's first frame ~60 ms; 256 KB (some 60 pages of text) costs ~3 ms.
    public static let bodyLimit = 256 << 10

    /// The URLs of an article in reading order: its `Link` header, then the body's; each once.
    /// A body that numbers its own links (a line `[1] https://…`, as fetched items and many posts
    /// end) keeps its numbers: its URLs come first, so "[2]" in the text is link [2], and the
    /// `Link` header follows them.
    public static func urls(of article: Article) -> [String] {
        var found: [String] = []
        var seen: Set<String> = []
        let own = link(of: article)
        article.bodyUTF8.withUnsafeBufferPointer { whole in
            let body = UnsafeBufferPointer(rebasing: whole.prefix(bodyLimit))
            let numbered = numbersItsLinks(body)
            if !numbered, let own { found.append(own); seen.insert(own) }
            // The numbered lines first, so a bare URL earlier in the text does not take [1].
            if numbered { forEachReferenceLine(body) { line in scan(line) { url in if seen.insert(url).inserted { found.append(url) } } } }
            scan(body) { url in if seen.insert(url).inserted { found.append(url) } }
            if numbered, let own, seen.insert(own).inserted { found.append(own) }
        }
        return found
    }

    /// The article's own link: its `Link` header, when it is a URL Gazette opens.
    public static func link(of article: Article) -> String? {
        guard let link = article.link?.trimmingSpaces else { return nil }
        return urls(in: link).first ?? (isOpenable(link) ? link : nil)
    }

    /// Calls `body` with each line of `text` that starts `[N] ` (N digits), from its URL on.
    static func forEachReferenceLine(_ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var lineStart = 0
        while lineStart < text.count {
            let lineEnd = text[lineStart...].firstIndex(of: 0x0A) ?? text.count
            if text[lineStart] == UInt8(ascii: "[") {
                var at = lineStart + 1
                while at < lineEnd, (0x30...0x39).contains(text[at]) { at += 1 }
                if at > lineStart + 1, at + 1 < lineEnd, text[at] == UInt8(ascii: "]"), text[at + 1] == 0x20 {
                    body(UnsafeBufferPointer(rebasing: text[(at + 2)..<lineEnd]))
                }
            }
            lineStart = lineEnd + 1
        }
    }

    /// Whether a line of `body` starts `[1] ` followed by a URL.
    static func numbersItsLinks(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
        let marker = Array("[1] ".utf8)
        var lineStart = 0
        while lineStart + marker.count < body.count {
            if matches(body, at: lineStart, marker), prefixLength(body, at: lineStart + marker.count) != nil,
               isScheme(body, at: lineStart + marker.count) {
                return true
            }
            guard let newline = body[lineStart...].firstIndex(of: 0x0A) else { return false }
            lineStart = newline + 1
        }
        return false
    }

    /// Whether `url` has a scheme Gazette hands to a browser (never `file:` or `javascript:`).
    public static func isOpenable(_ url: String) -> Bool {
        let lower = Array(url.utf8.prefix(10).map(lowered))
        return schemes.contains { lower.starts(with: $0) } && url.utf8.count > 8
            && !url.utf8.contains { $0 < 0x21 || $0 == 0x7F }
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (String) -> Void) {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            // A URL starts a word: not inside `xhttp://` nor an address's middle.
            let atWordStart = i == 0 || !isURLByte(bytes[i - 1]) || "([:'=".utf8.contains(bytes[i - 1])
            guard atWordStart, byte == 0x68 || byte == 0x48 || byte == 0x66 || byte == 0x46 || byte == 0x67 || byte == 0x47
                || byte == 0x77 || byte == 0x57 || byte == 0x6D || byte == 0x4D else { i += 1; continue }
            let bracketed = i > 0 && bytes[i - 1] == 0x3C
            guard let prefix = prefixLength(bytes, at: i) else { i += 1; continue }
            var end = i + prefix
            while end < bytes.count, isURLByte(bytes[end]) || (bytes[end] >= 0x80 && !isSpaceOrQuote(bytes, at: end)) { end += 1 }
            if bracketed, end < bytes.count, bytes[end] == 0x3E {
                // `<URL>` is delimited; nothing to trim.
            } else {
                end = trimmedEnd(bytes, start: i, end: end)
            }
            if end > i + prefix {
                var url = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
                if !isScheme(bytes, at: i) { url = "http://" + url }
                emit(url)
            }
            i = max(end, i + 1)
        }
    }

    /// Length of a scheme or `www.` at `i`, when one starts there and something follows it.
    private static func prefixLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        for candidate in schemes + [www] where matches(bytes, at: i, candidate) { return candidate.count }
        return nil
    }

    private static func isScheme(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        schemes.contains { matches(bytes, at: i, $0) }
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ word: [UInt8]) -> Bool {
        guard i + word.count < bytes.count else { return false }
        for k in word.indices where lowered(bytes[i + k]) != word[k] { return false }
        return true
    }

    /// Drops what belongs to the sentence: final punctuation, unbalanced closing brackets.
    private static func trimmedEnd(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        var end = end
        while end > start {
            let last = bytes[end - 1]
            if ".,;:!?'*_".utf8.contains(last) { end -= 1; continue }
            if let open = [UInt8(0x29): UInt8(0x28), 0x5D: 0x5B, 0x7D: 0x7B][last] {
                var balance = 0
                for k in start..<end - 1 { if bytes[k] == open { balance += 1 } else if bytes[k] == last { balance -= 1 } }
                if balance <= 0 { end -= 1; continue }
            }
            // A closing curly quote or guillemet (UTF-8) after the URL: "…see https://x.org”.
            if end - start >= 3, let tail = closingQuoteLength(bytes, end: end) { end -= tail; continue }
            break
        }
        return end
    }

    private static func closingQuoteLength(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int? {
        let closers: [[UInt8]] = ["”", "’", "»", "…", "›"].map { Array($0.utf8) }
        for closer in closers where end >= closer.count && bytes[(end - closer.count)..<end].elementsEqual(closer) {
            return closer.count
        }
        return nil
    }

    /// A byte that may appear in a URL written in text (RFC 3986's characters, minus `<>"` and space).
    @inline(__always)
    static func isURLByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != 0x3C && byte != 0x3E && byte != 0x22 && byte != 0x60
    }

    /// Non-ASCII that ends a URL: no-break space (U+00A0) and the curly quotes opening or closing text.
    private static func isSpaceOrQuote(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 || bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB { return true }
        if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 {
            // U+2010…U+201F dashes and quotes, U+2000…U+200B spaces, U+2026 ellipsis, U+2028/9 separators.
            let third = bytes[i + 2]
            return (0x80...0x8B).contains(third) || (0x90...0x9F).contains(third) || third == 0xA6 || third == 0xA8 || third == 0xA9
        }
        return false
    }

    @inline(__always)
    private static func lowered(_ byte: UInt8) -> UInt8 { (byte &- 0x41) < 26 ? byte | 0x20 : byte }
}

private extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
