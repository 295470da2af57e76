/// An open-addressing hash table from byte strings to dense term ids, used while building the index.
///
/// Keys live in one byte arena, so a token is looked up without allocating a `String`.
/// Several keys may map to one term (a non-ASCII spelling and its folded form), which is
/// how Foundation folding runs once per distinct spelling rather than once per occurrence.
struct TermTable: Sendable {
    private(set) var arena: [UInt8] = []
    private var entryStart: [UInt32] = []
    private var entryLength: [UInt32] = []
    private var entryHash: [UInt32] = []
    private var entryTerm: [Int32] = []
    /// Per slot two words, side by side so a probe touches one cache line: `hash:24 | length:8 |
    /// entry+1:32` (0 when empty) and the key's first 8 bytes, so most probes (words of up to
    /// 8 bytes) never read the arena.
    private var slots: [UInt64]
    private var mask: Int
    /// For each term id, the entry holding its folded spelling.
    private(set) var termEntry: [Int32] = []

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size * 2)
        mask = size - 1
    }

    var termCount: Int { termEntry.count }

    /// FNV-1a of the key with ASCII letters lower-cased, so raw tokens hash like their lowered keys.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for byte in bytes { h = (h ^ UInt32(TextFolding.asciiLower(byte))) &* 0x0100_0193 }
        return h
    }

    /// The term id for `key` with ASCII letters lower-cased (keys are stored lowered), or `nil`.
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32? {
        var slot = Int(hash) & mask
        let tag = Self.tag(hash: hash, length: key.count)
        let head = Self.head(key)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let packed = slots[2 * slot]
                if packed == 0 { return nil }
                if packed >> 32 == tag && slots[2 * slot + 1] == head {
                    let entry = Int(UInt32(truncatingIfNeeded: packed)) - 1
                    if key.count <= 8 || equals(entry, key) { return entryTerm[entry] }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    private func equals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = Int(entryLength[entry])
        guard length == key.count else { return false }
        let start = Int(entryStart[entry])
        return arena.withUnsafeBufferPointer { arenaBytes in
            for k in 0..<length where arenaBytes[start + k] != TextFolding.asciiLower(key[k]) { return false }
            return true
        }
    }

    /// Adds `key` mapping to `term`, or to a new term id when `term` is nil; returns the term id.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32, term: Int32? = nil) -> Int32 {
        if (entryHash.count + 1) * 4 > slots.count { grow() }
        let entry = Int32(entryHash.count)
        let id = term ?? Int32(termEntry.count)
        if term == nil { termEntry.append(entry) }
        entryStart.append(UInt32(arena.count))
        entryLength.append(UInt32(key.count))
        entryHash.append(hash)
        entryTerm.append(id)
        arena.append(contentsOf: key)
        place(entry: Int(entry), hash: hash)
        return id
    }

    @inline(__always)
    private static func tag(hash: UInt32, length: Int) -> UInt64 {
        UInt64(hash >> 8) << 8 | UInt64(min(length, 255))
    }

    /// The first 8 bytes of the key, ASCII-lowered, zero-padded.
    @inline(__always)
    private static func head(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for k in 0..<min(8, key.count) { head |= UInt64(TextFolding.asciiLower(key[k])) << UInt64(8 * k) }
        return head
    }

    private mutating func place(entry: Int, hash: UInt32) {
        var slot = Int(hash) & mask
        while slots[2 * slot] != 0 { slot = (slot + 1) & mask }
        let start = Int(entryStart[entry]), length = Int(entryLength[entry])
        slots[2 * slot] = Self.tag(hash: hash, length: length) << 32 | UInt64(entry + 1)
        slots[2 * slot + 1] = arena.withUnsafeBufferPointer { Self.head(UnsafeBufferPointer(rebasing: $0[start..<start + length])) }
    }

    /// Calls `body` with the folded bytes of term `id`.
    func withTermBytes<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let entry = Int(termEntry[id])
        let start = Int(entryStart[entry])
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<start + Int(entryLength[entry])])) }
    }

    private mutating func grow() {
        let size = slots.count
        slots = Array(repeating: 0, count: size * 2)
        mask = size - 1
        for entry in 0..<entryHash.count { place(entry: entry, hash: entryHash[entry]) }
    }
}
