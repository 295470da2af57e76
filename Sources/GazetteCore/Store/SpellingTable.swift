import Foundation

/// Interns exact byte strings (facet value spellings) to dense ids without allocating per lookup.
///
/// Open addressing over a 64-bit hash of the bytes; keys live in one arena. Used per chunk of
/// articles while building facet tables, so each occurrence costs a hash and one probe.
struct SpellingTable {
    private var arena: [UInt8] = []
    private var starts: [Int32] = [0]
    private var hashes: [UInt64] = []
    /// Slot → id + 1 (0 = empty).
    private var slots: [Int32]
    private var mask: Int
    /// Occurrences of each id.
    private(set) var counts: [Int32] = []

    init() {
        slots = Array(repeating: 0, count: 1024)
        mask = 1023
    }

    var count: Int { counts.count }

    /// The id of `bytes`, added when new; counts one occurrence.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { break }
            if hashes[entry] == hash && equals(entry, bytes) {
                counts[entry] += 1
                return Int32(entry)
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(counts.count)
        arena.append(contentsOf: bytes)
        starts.append(Int32(arena.count))
        hashes.append(hash)
        counts.append(1)
        slots[slot] = id + 1
        if counts.count * 2 > slots.count { grow() }
        return id
    }

    /// The spelling of `id`.
    func string(_ id: Int) -> String {
        arena.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(starts[id])..<Int(starts[id + 1])]), as: UTF8.self)
        }
    }

    private func equals(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[entry]), end = Int(starts[entry + 1])
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            bytes.isEmpty || memcmp(arena.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for entry in 0..<hashes.count {
            var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }

    /// FNV-1a over 8-byte words, then a multiply-xorshift finish (values are short; this is enough).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var k = 0
        while k + 8 <= bytes.count {
            h = (h ^ UnsafeRawPointer(bytes.baseAddress! + k).loadUnaligned(as: UInt64.self)) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            k += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while k < bytes.count {
            tail |= UInt64(bytes[k]) << shift
            shift += 8
            k += 1
        }
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }
}
