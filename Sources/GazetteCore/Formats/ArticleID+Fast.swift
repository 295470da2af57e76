extension ArticleID {
    /// The same value as `ArticleID(identityKey: ArticleIdentity(of: article).key)`. A
    /// Message-ID or Link identity is short text hashed directly; the usual content identity is
    /// hashed on bytes: the general path makes a `String` per scalar and asks Unicode
    /// properties for every one, which dominated the cost of loading large archives.
    static func fast(of article: Article) -> ArticleID {
        if let id = article.messageID, !id.isEmpty { return ArticleID(identityKey: "m:" + id) }
        if !article.extraHeaders.isEmpty, let item = article.feedItem { return ArticleID(identityKey: "g:" + item.feed + "\n" + item.guid) }
        if let link = article.link.flatMap(IdentityText.normalisedLink), !link.isEmpty {
            return ArticleID(identityKey: "l:" + link)
        }
        var hash = fnvOffset
        mix(0x74, into: &hash)  // "t:"
        mix(0x3A, into: &hash)
        mixCollapsedLowercase(article.title, into: &hash)
        mix(0x0A, into: &hash)
        mixDay(article.date, into: &hash)
        mix(0x0A, into: &hash)
        mixCollapsedLowercase(article.author ?? "", into: &hash)
        mix(0x0A, into: &hash)
        let digest = fastBodyDigest(article.bodyUTF8)
        for shift in stride(from: 60, through: 0, by: -4) {
            let nibble = UInt8((digest >> UInt64(shift)) & 0xF)
            mix(nibble < 10 ? 0x30 + nibble : 0x57 + nibble, into: &hash)
        }
        return ArticleID(hash: hash)
    }

    @inline(__always)
    private static func mix(_ byte: UInt8, into hash: inout UInt64) {
        hash ^= UInt64(byte)
        hash = hash &* fnvPrime
    }

    /// `IdentityText.bodyDigest` without the intermediate copy: bytes are shifted into a word
    /// as they are collapsed, and the word is mixed when it is full. Eight bytes with no space
    /// or control among them (most of any text) go in at once.
    static func fastBodyDigest(_ body: [UInt8]) -> UInt64 {
        var hash = fnvOffset
        var word: UInt64 = 0
        var inWord = 0
        var length: UInt64 = 0
        var pendingSpace = false
        @inline(__always) func push(_ byte: UInt8) {
            word = word << 8 | UInt64(byte)
            inWord += 1
            length += 1
            if inWord == 8 {
                IdentityText.digestMix(&hash, word)
                word = 0
                inWord = 0
            }
        }
        body.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var index = 0
            while index < count {
                if !pendingSpace, index + 16 <= count {
                    // Sixteen bytes at once when both halves would pass the eight-byte test below
                    // one after the other (then the result is theirs); else that test decides.
                    let first = Self.newlinesAsSpaces(UInt64(bigEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
                    let second = Self.newlinesAsSpaces(UInt64(bigEndian: UnsafeRawPointer(base + index + 8).loadUnaligned(as: UInt64.self)))
                    let next = index + 16 < count ? bytes[index + 16] : 0x20
                    let textFollows = !(next == 0x20 || next >= 0x09 && next <= 0x0D)
                    if Self.pairCollapsesToItself(first, second, afterText: length > 0, textFollows: textFollows) {
                        if inWord == 0 {
                            IdentityText.digestMix(&hash, first)
                            IdentityText.digestMix(&hash, second)
                        } else {
                            let shift = UInt64(8 * inWord)
                            IdentityText.digestMix(&hash, word << (64 - shift) | first >> shift)
                            IdentityText.digestMix(&hash, first << (64 - shift) | second >> shift)
                            word = second & ((1 << shift) - 1)
                        }
                        length += 16
                        index += 16
                        continue
                    }
                }
                if !pendingSpace, index + 8 <= count {
                    // A line end collapses as a space does: mapped to one, the chunk holding it
                    // (one in ten of prose) takes the word path too when nothing else is in the way.
                    let chunk = Self.newlinesAsSpaces(UInt64(bigEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
                    // A space ending the chunk stays as it is when text follows it (a sixth of chunks of prose).
                    let next = index + 8 < count ? bytes[index + 8] : 0x20
                    let textFollows = !(next == 0x20 || next >= 0x09 && next <= 0x0D)
                    if Self.collapsesToItself(chunk, afterText: length > 0, textFollows: textFollows) {
                        if inWord == 0 {
                            IdentityText.digestMix(&hash, chunk)
                        } else {
                            let shift = UInt64(8 * inWord)
                            IdentityText.digestMix(&hash, word << (64 - shift) | chunk >> shift)
                            word = chunk & ((1 << shift) - 1)
                        }
                        length += 8
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                index += 1
                if byte <= 0x20, byte == 0x20 || byte >= 0x09 && byte <= 0x0D {
                    pendingSpace = length > 0
                    continue
                }
                if pendingSpace {
                    push(0x20)
                    pendingSpace = false
                }
                push(byte)
            }
        }
        if inWord > 0 { IdentityText.digestMix(&hash, word) }
        IdentityText.digestMix(&hash, length)
        return hash
    }

    /// `chunk` with each byte 0x0A (LF) replaced by 0x20 (space).
    @inline(__always)
    static func newlinesAsSpaces(_ chunk: UInt64) -> UInt64 {
        let isNewline = BinaryText.zeroBytes(chunk ^ 0x0A0A_0A0A_0A0A_0A0A)
        return chunk ^ ((isNewline >> 7) &* (0x0A ^ 0x20))
    }

    /// Whether eight bytes of prose are unchanged by whitespace collapsing: no tab, newline or
    /// other control, no two spaces in a row, no space at the end unless text follows (else the
    /// next chunk might start a run, or the body end), and a space at the start only after text.
    /// Most chunks of prose pass.
    @inline(__always)
    static func collapsesToItself(_ chunk: UInt64, afterText: Bool, textFollows: Bool = false) -> Bool {
        let low: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        // Any byte below 0x20 (may over-report, which only sends the chunk the slow way).
        if (chunk &- 0x20 &* low) & ~chunk & high != 0 { return false }
        // Exactly the bytes equal to 0x20, as their high bits.
        let spaces = chunk ^ (0x20 &* low)
        let spaceMask = ~((spaces & ~high) &+ ~high | spaces | ~high)
        if spaceMask & (spaceMask << 8) != 0 || (spaceMask & 0x80 != 0 && !textFollows) { return false }
        return afterText || spaceMask & (1 << 63) == 0
    }

    /// Whether sixteen bytes (`first` then `second`, newlines already spaces) are unchanged by
    /// whitespace collapsing: `collapsesToItself` of each half in turn, in one test. A byte of
    /// `second`'s start that is whitespace other than a space fails here, as a control.
    @inline(__always)
    static func pairCollapsesToItself(_ first: UInt64, _ second: UInt64, afterText: Bool, textFollows: Bool) -> Bool {
        let low: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let controls = ((first &- 0x20 &* low) & ~first | (second &- 0x20 &* low) & ~second) & high
        @inline(__always) func spaces(_ chunk: UInt64) -> UInt64 {
            let x = chunk ^ (0x20 &* low)
            return ~((x & ~high) &+ ~high | x | ~high)
        }
        let a = spaces(first), b = spaces(second)
        // Two spaces in a row: inside either half, or the first's last byte and the second's first.
        let runs = a & (a << 8) | b & (b << 8) | (a << 56) & b
        let edges = (afterText ? 0 : a & (1 << 63)) | (textFollows ? 0 : b & 0x80)
        return controls | runs | edges == 0
    }

    /// Mixes `IdentityText.collapsedLowercase(text)`.
    private static func mixCollapsedLowercase(_ text: String, into hash: inout UInt64) {
        // `lowercased()` maps scalar by scalar (no context, as the tests pin down), so only
        // the non-ASCII scalars need Unicode's tables.
        var text = text
        text.withUTF8 { bytes in
            var pendingSpace = false
            var started = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = started
                    } else {
                        if pendingSpace { mix(0x20, into: &hash) }
                        pendingSpace = false
                        started = true
                        mix(TextBuffer.lowerASCII(byte), into: &hash)
                    }
                    index += 1
                    continue
                }
                let (scalar, length) = UTF8Scan.scalar(bytes, at: index)
                index += length
                if mayBeWhitespace(scalar.value), scalar.properties.isWhitespace {
                    pendingSpace = started
                    continue
                }
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                    if lowered.properties.isWhitespace {
                        pendingSpace = started
                        continue
                    }
                    if pendingSpace { mix(0x20, into: &hash) }
                    pendingSpace = false
                    started = true
                    for byte in UTF8.encode(lowered)! { mix(byte, into: &hash) }
                }
            }
        }
    }

    /// False for scalars that are certainly not White_Space (all of which lie in these ranges).
    @inline(__always)
    private static func mayBeWhitespace(_ value: UInt32) -> Bool {
        value == 0x85 || value == 0xA0 || value == 0x1680 || (value >= 0x2000 && value <= 0x205F) || value == 0x3000
    }

    /// Mixes `date?.isoDay ?? "undated"`, writing the digits directly for years 0–9999.
    private static func mixDay(_ date: ArticleDate?, into hash: inout UInt64) {
        @inline(__always) func mix(_ byte: UInt8) { ArticleID.mix(byte, into: &hash) }
        guard let date, (0...9999).contains(date.year), (0...99).contains(date.month), (0...99).contains(date.day) else {
            for byte in (date?.isoDay ?? "undated").utf8 { mix(byte) }
            return
        }
        mix(UInt8(0x30 + date.year / 1000))
        mix(UInt8(0x30 + date.year / 100 % 10))
        mix(UInt8(0x30 + date.year / 10 % 10))
        mix(UInt8(0x30 + date.year % 10))
        mix(0x2D)
        mix(UInt8(0x30 + date.month / 10))
        mix(UInt8(0x30 + date.month % 10))
        mix(0x2D)
        mix(UInt8(0x30 + date.day / 10))
        mix(UInt8(0x30 + date.day % 10))
    }
}
