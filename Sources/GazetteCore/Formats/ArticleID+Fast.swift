extension ArticleID {
    /// The same value as `init(title:date:)`, computed on bytes: the general path makes a
    /// `String` per scalar and asks Unicode properties for every one, which dominated the cost
    /// of loading large archives.
    static func fast(title: String, date: ArticleDate?) -> ArticleID {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        // `lowercased()` maps scalar by scalar (no context, as the tests pin down), so only
        // the non-ASCII scalars need Unicode's tables.
        var title = title
        title.withUTF8 { bytes in
            var pendingSpace = false
            var started = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = started
                    } else {
                        if pendingSpace { mix(0x20) }
                        pendingSpace = false
                        started = true
                        mix(TextBuffer.lowerASCII(byte))
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
                    if pendingSpace { mix(0x20) }
                    pendingSpace = false
                    started = true
                    for byte in UTF8.encode(lowered)! { mix(byte) }
                }
            }
        }
        mix(0x0A)
        mixDay(date, into: &hash)
        return ArticleID(value: hash)
    }

    /// False for scalars that are certainly not White_Space (all of which lie in these ranges).
    @inline(__always)
    private static func mayBeWhitespace(_ value: UInt32) -> Bool {
        value == 0x85 || value == 0xA0 || value == 0x1680 || (value >= 0x2000 && value <= 0x205F) || value == 0x3000
    }

    /// Mixes `date?.isoDay ?? "undated"`, writing the digits directly for years 0–9999.
    private static func mixDay(_ date: ArticleDate?, into hash: inout UInt64) {
        @inline(__always) func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
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
