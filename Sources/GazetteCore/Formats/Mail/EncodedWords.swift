/// RFC 2047 encoded words in header values: `=?charset?B?…?=` and `=?charset?Q?…?=`.
enum EncodedWords {
    /// `value` with its encoded words decoded (whitespace between two adjacent ones dropped, as
    /// the RFC says); a word in an unknown charset or with bad data is left as written and
    /// named in `problem`.
    static func decode(_ value: String) -> (text: String, problem: String?) {
        // Most values have no encoded word: a byte scan, not Foundation's substring search.
        guard value.utf8.withContiguousStorageIfAvailable({ bytes in
            bytes.indices.dropLast().contains { bytes[$0] == 0x3D && bytes[$0 + 1] == 0x3F }
        }) ?? value.contains("=?") else { return (value, nil) }
        var out = ""
        var problem: String?
        var rest = Substring(value)
        var pendingSpace = ""
        var lastWasWord = false
        while !rest.isEmpty {
            if let start = rest.range(of: "=?"), let (word, end) = word(in: rest, at: start.lowerBound) {
                let between = rest[..<start.lowerBound]
                let decoded = decodeWord(word)
                let betweenIsSpace = between.allSatisfy { $0 == " " || $0 == "\t" }
                if !(lastWasWord && betweenIsSpace && decoded != nil) { out += pendingSpace + between }
                pendingSpace = ""
                if let decoded {
                    out += decoded
                    lastWasWord = true
                } else {
                    problem = problem ?? "cannot decode \(String(rest[start.lowerBound..<end]).prefix(60))"
                    out += rest[start.lowerBound..<end]
                    lastWasWord = false
                }
                rest = rest[end...]
            } else {
                out += pendingSpace + rest
                break
            }
        }
        return (out, problem)
    }

    /// The parts of the encoded word starting at `start` (charset, encoding, text) and its end.
    private static func word(in text: Substring, at start: Substring.Index) -> ((Substring, Substring, Substring), Substring.Index)? {
        let afterOpen = text.index(start, offsetBy: 2)
        guard let q1 = text[afterOpen...].firstIndex(of: "?") else { return nil }
        let charset = text[afterOpen..<q1]
        let encodingStart = text.index(after: q1)
        guard encodingStart < text.endIndex, let q2 = text[encodingStart...].firstIndex(of: "?"),
            text.distance(from: encodingStart, to: q2) == 1 else { return nil }
        let encoding = text[encodingStart..<q2]
        let dataStart = text.index(after: q2)
        guard let close = text[dataStart...].range(of: "?=") else { return nil }
        let data = text[dataStart..<close.lowerBound]
        guard !charset.isEmpty, !data.contains(" ") else { return nil }
        return ((charset, encoding, data), close.upperBound)
    }

    private static func decodeWord(_ word: (Substring, Substring, Substring)) -> String? {
        // RFC 2231 lets a language follow the charset: `iso-8859-1*fr`.
        let charset = word.0.split(separator: "*", maxSplits: 1).first.map(String.init) ?? ""
        let bytes: [UInt8]?
        switch word.1 {
        case "B", "b": bytes = Base64Text.decode(Array(word.2.utf8)).bytes
        case "Q", "q": bytes = QuotedPrintable.decode(Array(word.2.utf8), headerForm: true)
        default: return nil
        }
        guard let bytes else { return nil }
        // A header value is one line: encoded line breaks become spaces.
        return Charset.decode(bytes.map { $0 == 0x0D || $0 == 0x0A ? 0x20 : $0 }, charset: charset)
    }
}
