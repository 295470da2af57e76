extension ArticleID {
    /// The same value as `init(title:date:)`, computed with a byte loop when the title is ASCII
    /// (the common case): the general path asks Unicode properties for every scalar, which
    /// dominated the cost of loading large archives.
    static func fast(title: String, date: ArticleDate?) -> ArticleID {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        var pendingSpace = false
        var started = false
        for byte in title.utf8 {
            guard byte < 0x80 else { return ArticleID(title: title, date: date) }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = started
                continue
            }
            if pendingSpace {
                mix(0x20)
                pendingSpace = false
            }
            started = true
            mix(TextBuffer.lowerASCII(byte))
        }
        mix(0x0A)
        for byte in (date?.isoDay ?? "undated").utf8 { mix(byte) }
        return ArticleID(value: hash)
    }
}
