/// Tells a binary file (an image, an archive, BOM-less UTF-16) from text with a few stray bad bytes.
enum BinaryText {
    /// How much of the decoded start of a file is looked at.
    static let sampleSize = 8192

    /// True when the sample has control characters (not tab, LF, FF) and over 30 % of its characters
    /// are controls or replacement characters from undecodable input. Text never has many controls;
    /// Latin-1 accents alone (replacement characters, no controls) never count as binary.
    static func looksBinary(_ text: TextBuffer) -> Bool { looksBinary(bytes: text.bytes) }

    /// `looksBinary` of raw bytes, invalid UTF-8 counted as replacement characters: asked before
    /// bytes that are not UTF-8 are read as Windows-1252 (where every byte is some character).
    static func looksBinary(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = min(bytes.count, sampleSize)
        // Fast path: text files almost never hold a control byte, and without one nothing is binary.
        let hasControl = hasControlByte(UnsafeBufferPointer(rebasing: bytes[0..<count]))
        guard hasControl else { return false }
        // The bytes may be raw (not yet decoded): decode the sample so that invalid sequences
        // count as replacement characters either way.
        let sample = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<count]), as: UTF8.self)
        var characters = 0, suspicious = 0
        for scalar in sample.unicodeScalars {
            characters += 1
            let value = scalar.value
            if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0C) || value == 0x7F || value == 0xFFFD {
                suspicious += 1
            }
        }
        return suspicious * 10 > characters * 3
    }

    /// Whether `raw` has a line starting `=ybegin ` (a yEnc-encoded file inside a post).
    static func holdsYEnc(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        // Only files that look binary are asked: a plain walk from line start to line start.
        let needle = Array("=ybegin ".utf8)
        var start = 0
        while start + needle.count <= raw.count {
            if raw[start] == needle[0], needle.indices.allSatisfy({ raw[start + $0] == needle[$0] }) { return true }
            guard let newline = raw[start...].firstIndex(of: 0x0A) else { return false }
            start = newline + 1
        }
        return false
    }

    /// A byte below 0x20 other than tab, LF and FF, or DEL: the test every loaded file takes.
    @inline(__always)
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C) || byte == 0x7F
    }

    /// Whether `bytes` holds a control byte (`isControl`), eight bytes at a time, each word
    /// tested exactly with no loop over its bytes: a line end or tab (in one word of ten of
    /// prose) costs nothing more than a letter. A cheaper test passes most words first.
    static func hasControlByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // With the high bits cleared no sum carries into the next byte: a byte flags when
            // its low seven bits are below 0x20 or all ones. That takes in every control byte;
            // only words holding a flag (a line end, a tab, some UTF-8 continuations) go on.
            let low7 = word & ~highs
            if (~(low7 &+ ones &* 0x60) | (low7 &+ ones)) & highs == 0 {
                index += 8
                continue
            }
            // Below 0x20 means the top three bits are clear.
            let below20 = zeroBytes(word & (ones &* 0xE0))
            let allowed = zeroBytes(word ^ (ones &* 0x09)) | zeroBytes(word ^ (ones &* 0x0A)) | zeroBytes(word ^ (ones &* 0x0C))
            if below20 & ~allowed | zeroBytes(word ^ (ones &* 0x7F)) != 0 { return true }
            index += 8
        }
        for k in index..<bytes.count where isControl(bytes[k]) { return true }
        return false
    }

    /// The high bit of each byte of `word` that is 0, and no other bit (no carry crosses a byte).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let highs: UInt64 = 0x8080_8080_8080_8080
        return ~((word & ~highs) &+ ~highs | word | ~highs)
    }
}
