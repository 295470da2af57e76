/// RFC 2047 encoded words in header values: `=?charset?B?…?=` and `=?charset?Q?…?=`.
enum EncodedWords {
    /// `value` with its encoded words decoded (whitespace between two adjacent ones dropped, as
    /// the RFC says); a word in an unknown charset or with bad data is left as written and
    /// named in `problem`.
    ///
    /// Adjacent words in one charset are decoded together, their bytes joined first (as mail
    /// clients do): a mailer may split a word in the middle of a multi-byte character
    /// (`=?UTF-8?B?w4==?= =?UTF-8?B?nGJl?=`). One pass over the bytes: a Subject of many
    /// thousand words is linear, never quadratic.
    static func decode(_ value: String) -> (text: String, problem: String?) {
        var value = value
        return value.withUTF8 { bytes in
            // Most values have no encoded word: one byte scan and the value back as it is.
            guard bytes.indices.dropLast().contains(where: { bytes[$0] == 0x3D && bytes[$0 + 1] == 0x3F }) else { return nil }
            return decode(bytes)
        } ?? (value, nil)
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, problem: String?) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var problem: String?
        // Decoded bytes of adjacent words in one charset not yet turned into text, and where
        // those words are written (shown as written when the charset is unknown).
        var pending: (charset: String, bytes: [UInt8], written: Range<Int>)?
        func flush() {
            guard let words = pending else { return }
            pending = nil
            // A header value is one line: encoded line breaks become spaces.
            if let text = Charset.decode(words.bytes.map { $0 == 0x0D || $0 == 0x0A ? 0x20 : $0 }, charset: words.charset) {
                out.append(contentsOf: text.utf8)
            } else {
                let written = bytes[words.written]
                problem = problem ?? "cannot decode \(String(decoding: written.prefix(60), as: UTF8.self))"
                out.append(contentsOf: written)
            }
        }
        var index = 0
        var lastWasWord = false
        while index < bytes.count {
            guard let open = nextOpening(bytes, from: index) else { break }
            guard let word = word(bytes, at: open) else {
                // Not an encoded word: `=?` is text.
                flush()
                out.append(contentsOf: bytes[index..<open + 2])
                index = open + 2
                lastWasWord = false
                continue
            }
            let between = bytes[index..<open]
            let betweenIsSpace = between.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            guard let decoded = decodeData(word.encoding, bytes[word.data]), Charset.isKnown(word.charset) else {
                flush()
                out.append(contentsOf: between)
                problem = problem ?? "cannot decode \(String(decoding: bytes[open..<word.end].prefix(60), as: UTF8.self))"
                out.append(contentsOf: bytes[open..<word.end])
                index = word.end
                lastWasWord = false
                continue
            }
            // White space between two encoded words is dropped (RFC 2047, 6.2).
            if !(lastWasWord && betweenIsSpace) {
                flush()
                out.append(contentsOf: between)
            }
            if pending?.charset == word.charset {
                // In place: a copy of the joined bytes per word would be quadratic.
                pending!.bytes += decoded
                pending!.written = pending!.written.lowerBound..<word.end
            } else {
                flush()
                pending = (word.charset, decoded, open..<word.end)
            }
            index = word.end
            lastWasWord = true
        }
        flush()
        if index < bytes.count { out.append(contentsOf: bytes[index...]) }
        return (String(decoding: out, as: UTF8.self), problem)
    }

    /// Where the next `=?` starts at or after `index`.
    private static func nextOpening(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        var at = index
        while at + 1 < bytes.count {
            if bytes[at] == 0x3D, bytes[at + 1] == 0x3F { return at }
            at += 1
        }
        return nil
    }

    /// The encoded word starting at `open` (`=?charset?E?data?=`): its charset (lower-cased,
    /// without an RFC 2231 language: `iso-8859-1*fr`), encoding letter, data and end. Every
    /// scan stops at white space, which no part of a word holds, so a stray `=?` costs little.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at open: Int) -> (charset: String, encoding: UInt8, data: Range<Int>, end: Int)? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var at = open + 2
        while at < bytes.count, bytes[at] != 0x3F, !isSpace(bytes[at]) { at += 1 }
        guard at > open + 2, at + 2 < bytes.count, bytes[at] == 0x3F, bytes[at + 2] == 0x3F else { return nil }
        let charsetBytes = bytes[(open + 2)..<at].prefix { $0 != 0x2A }
        let encoding = bytes[at + 1]
        let dataStart = at + 3
        var close = dataStart
        while close + 1 < bytes.count, !(bytes[close] == 0x3F && bytes[close + 1] == 0x3D) {
            guard !isSpace(bytes[close]) else { return nil }
            close += 1
        }
        guard close + 1 < bytes.count else { return nil }
        return (String(decoding: charsetBytes, as: UTF8.self).lowercased(), encoding, dataStart..<close, close + 2)
    }

    /// The bytes `data` stands for in encoding `B` or `Q` (either case); nil when it is neither or the data is bad.
    private static func decodeData(_ encoding: UInt8, _ data: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8]? {
        switch encoding {
        case UInt8(ascii: "B"), UInt8(ascii: "b"): Base64Text.decode(Array(data)).bytes
        case UInt8(ascii: "Q"), UInt8(ascii: "q"): QuotedPrintable.decode(Array(data), headerForm: true)
        default: nil
        }
    }
}
