/// An open-addressing hash table from byte strings to dense term ids, used while building the index.
///
/// Keys live in one byte arena, so a token is looked up without allocating a `String`.
/// Several keys may map to one term (a non-ASCII spelling and its folded form), which is
/// how Foundation folding runs once per distinct spelling rather than once per occurrence.
struct TermTable: Sendable {
    /// A key's hash and its first 16 bytes (ASCII-lowered, zero-padded, little-endian), computed
    /// once per token: with the length they identify any key of up to 16 bytes (a word holds no
    /// zero byte), so most lookups never read the arena.
    struct Key {
        var hash: UInt32
        var head: UInt64
        var head2: UInt64
    }

    private(set) var arena: [UInt8] = []
    private var entryStart: [UInt32] = []
    private var entryLength: [UInt32] = []
    private var entryKey: [Key] = []
    private var entryTerm: [Int32] = []
    /// Per slot four words in one half cache line, so a probe touches one line and nothing else
    /// for keys of up to 16 bytes (the entry arrays and the arena were a cache miss each per
    /// token at 100k articles): `hash:24 | length:8 | entry+1:32` (0 when empty), the key's
    /// first 8 bytes, its next 8, and its term id.
    private var slots: [UInt64]
    private var mask: Int
    /// For each term id, the entry holding its folded spelling.
    private(set) var termEntry: [Int32] = []
    private static let wordsPerSlot = 4

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size * Self.wordsPerSlot)
        mask = size - 1
    }

    var termCount: Int { termEntry.count }

    /// The key of `bytes` with ASCII letters lower-cased, so raw tokens hash like their lowered keys.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        var words = (UInt64(0), UInt64(0))
        var h = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var word: UInt64 = 0
        for k in 0..<bytes.count {
            word |= UInt64(TextFolding.asciiLower(bytes[k])) << UInt64(8 * (k & 7))
            if k & 7 == 7 || k == bytes.count - 1 {
                if k < 8 { words.0 = word } else if k < 16 { words.1 = word }
                h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
                word = 0
            }
        }
        return Key(hash: UInt32(truncatingIfNeeded: h >> 32), head: words.0, head2: words.1)
    }

    /// The first word of `key`'s home slot: loaded ahead of `find` for a batch of keys, so their
    /// cache misses are in flight together.
    @inline(__always)
    func firstWord(of key: Key) -> UInt64 {
        slots.withUnsafeBufferPointer { $0[Self.wordsPerSlot * (Int(key.hash) & mask)] }
    }

    /// The term id for `bytes` with ASCII letters lower-cased (keys are stored lowered), or `nil`;
    /// `key` is `TermTable.key(bytes)`.
    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>, _ key: Key) -> Int32? {
        var slot = Int(key.hash) & mask
        let tag = Self.tag(hash: key.hash, length: bytes.count)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let base = Self.wordsPerSlot * slot
                let packed = slots[base]
                if packed == 0 { return nil }
                if packed >> 32 == tag && slots[base + 1] == key.head && slots[base + 2] == key.head2 {
                    let entry = Int(UInt32(truncatingIfNeeded: packed)) - 1
                    if bytes.count <= 16 || equals(entry, bytes) { return Int32(truncatingIfNeeded: slots[base + 3]) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private func equals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = Int(entryLength[entry])
        guard length == key.count else { return false }
        let start = Int(entryStart[entry])
        return arena.withUnsafeBufferPointer { arenaBytes in
            for k in 0..<length where arenaBytes[start + k] != TextFolding.asciiLower(key[k]) { return false }
            return true
        }
    }

    /// Adds `bytes` (already lower-cased: `key` is `TermTable.key(bytes)`) mapping to `term`, or
    /// to a new term id when `term` is nil; returns the term id.
    @discardableResult
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ key: Key, term: Int32? = nil) -> Int32 {
        if (entryKey.count + 1) * 2 * Self.wordsPerSlot > slots.count { grow() }
        let entry = Int32(entryKey.count)
        let id = term ?? Int32(termEntry.count)
        if term == nil { termEntry.append(entry) }
        entryStart.append(UInt32(arena.count))
        entryLength.append(UInt32(bytes.count))
        entryKey.append(key)
        entryTerm.append(id)
        arena.append(contentsOf: bytes)
        place(entry: Int(entry))
        return id
    }

    @inline(__always)
    private static func tag(hash: UInt32, length: Int) -> UInt64 {
        UInt64(hash >> 8) << 8 | UInt64(min(length, 255))
    }

    private mutating func place(entry: Int) {
        let key = entryKey[entry]
        var slot = Int(key.hash) & mask
        while slots[Self.wordsPerSlot * slot] != 0 { slot = (slot + 1) & mask }
        let base = Self.wordsPerSlot * slot
        slots[base] = Self.tag(hash: key.hash, length: Int(entryLength[entry])) << 32 | UInt64(entry + 1)
        slots[base + 1] = key.head
        slots[base + 2] = key.head2
        slots[base + 3] = UInt64(UInt32(bitPattern: entryTerm[entry]))
    }

    /// Calls `body` with the folded bytes of term `id`.
    func withTermBytes<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let entry = Int(termEntry[id])
        let start = Int(entryStart[entry])
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<start + Int(entryLength[entry])])) }
    }

    private mutating func grow() {
        let size = slots.count / Self.wordsPerSlot * 2
        slots = Array(repeating: 0, count: size * Self.wordsPerSlot)
        mask = size - 1
        for entry in 0..<entryKey.count { place(entry: entry) }
    }
}
