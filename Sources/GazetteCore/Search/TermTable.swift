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
    private var slots: [Int32]
    private var mask: Int
    /// For each term id, the entry holding its folded spelling.
    private(set) var termEntry: [Int32] = []

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
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
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            if entryHash[Int(entry)] == hash && equals(Int(entry), key) { return entryTerm[Int(entry)] }
            slot = (slot + 1) & mask
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
        if (entryHash.count + 1) * 2 > slots.count { grow() }
        let entry = Int32(entryHash.count)
        let id = term ?? Int32(termEntry.count)
        if term == nil { termEntry.append(entry) }
        entryStart.append(UInt32(arena.count))
        entryLength.append(UInt32(key.count))
        entryHash.append(hash)
        entryTerm.append(id)
        arena.append(contentsOf: key)
        var slot = Int(hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
        return id
    }

    /// The folded bytes of term `id`.
    func termBytes(_ id: Int) -> ArraySlice<UInt8> {
        let entry = Int(termEntry[id])
        let start = Int(entryStart[entry])
        return arena[start..<start + Int(entryLength[entry])]
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for entry in 0..<entryHash.count {
            var slot = Int(entryHash[entry]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }
}
