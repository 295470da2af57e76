/// A stable short article id: the top 48 bits of a 64-bit FNV-1a hash of the article's identity,
/// shown as 12 hex digits — or all 64 bits (16 digits) for articles whose short ids collide.
///
/// The identity (see `ArticleIdentity`) is the Message-ID, else the Link, else the title, day,
/// author and a digest of the body: the same article found in two files shares one id, which is
/// how duplicates are detected; two different articles whose short ids collide are both kept and
/// both given the long form by the loader.
public struct ArticleID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 48 bits for a short id, 64 for a long one.
    public let value: UInt64
    /// True for the 16-digit form given to articles whose 12-digit ids collide.
    public let isLong: Bool

    /// A short id from its 48-bit value.
    public init(value: UInt64) {
        self.value = value & 0xFFFF_FFFF_FFFF
        self.isLong = false
    }

    /// The short id of a 64-bit identity hash (its top 48 bits).
    public init(hash: UInt64) {
        self.init(value: hash >> 16)
    }

    /// The long (16-digit) id of a 64-bit identity hash; its first 12 digits are the short id's.
    public init(longHash hash: UInt64) {
        self.value = hash
        self.isLong = true
    }

    /// The id of an identity key (`ArticleIdentity.key`): the reference definition.
    public init(identityKey key: String) {
        self.init(hash: ArticleID.fnv1a(key.utf8))
    }

    /// Parses the 12- or 16-hex-digit form (a shorter string is read as a short id).
    public init?(_ text: String) {
        guard !text.isEmpty, text.count <= 16, text.allSatisfy(\.isHexDigit), let value = UInt64(text, radix: 16) else {
            return nil
        }
        if text.count > 12 {
            self.init(longHash: value << (4 * UInt64(16 - text.count)))
        } else {
            self.init(value: value)
        }
    }

    /// The value left-aligned in 64 bits: ids sort by their printed digits, and a hex prefix
    /// selects a contiguous range of them whatever their length.
    public var sortKey: UInt64 { isLong ? value : value << 16 }

    public var description: String {
        let digits = isLong ? 16 : 12
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }

    public static func < (lhs: ArticleID, rhs: ArticleID) -> Bool {
        (lhs.sortKey, lhs.isLong ? 1 : 0) < (rhs.sortKey, rhs.isLong ? 1 : 0)
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// 64-bit FNV-1a of some bytes.
    static func fnv1a(_ bytes: some Sequence<UInt8>, seed: UInt64 = fnvOffset) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* fnvPrime
        }
        return hash
    }
}
