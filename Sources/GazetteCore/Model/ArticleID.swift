/// A stable short article id: 64-bit FNV-1a of the normalised title and the ISO day, shown as 12 hex digits.
///
/// Normalising (lower-case, whitespace collapsed) makes the same post found in two files
/// or two dumps share one id, which is how duplicates are detected.
public struct ArticleID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: UInt64

    public init(value: UInt64) {
        self.value = value & 0xFFFF_FFFF_FFFF
    }

    public init(title: String, date: ArticleDate?) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        var pendingSpace = false
        var started = false
        for scalar in title.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = started
                continue
            }
            if pendingSpace { mix(0x20); pendingSpace = false }
            started = true
            for byte in String(scalar).utf8 { mix(byte) }
        }
        mix(0x0A)
        for byte in (date?.isoDay ?? "undated").utf8 { mix(byte) }
        self.init(value: hash)
    }

    /// Parses the 12-hex-digit form (or any hex string up to 12 digits).
    public init?(_ text: String) {
        guard !text.isEmpty, text.count <= 12, let value = UInt64(text, radix: 16) else { return nil }
        self.init(value: value)
    }

    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }

    public static func < (lhs: ArticleID, rhs: ArticleID) -> Bool { lhs.value < rhs.value }
}
