/// The per-section checksum: four independent multiply-rotate lanes over 8-byte words.
///
/// Not cryptographic — it detects torn writes, truncation and bit rot, not tampering. Four lanes
/// keep the multiplier busy, so verifying a section costs about as much as reading it (the
/// benchmark's "snapshot checksum" row gives the rate).
enum SnapshotChecksum {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    private typealias Lanes = (UInt64, UInt64, UInt64, UInt64)
    private static let initialLanes: Lanes = (prime1, prime2, prime1 ^ prime2, 0x1656_67B1_9E37_79F9)

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var lanes = initialLanes
        let offset = blocks(bytes, into: &lanes)
        return finish(lanes, rest: UnsafeRawBufferPointer(rebasing: bytes[offset...]), count: bytes.count)
    }

    /// Mixes every whole 32-byte block of `bytes` into `lanes`; returns where the blocks end.
    private static func blocks(_ bytes: UnsafeRawBufferPointer, into lanes: inout Lanes) -> Int {
        var offset = 0
        guard let base = bytes.baseAddress else { return 0 }
        while offset + 32 <= bytes.count {
            lanes.0 = mix(lanes.0, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = mix(lanes.1, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        return offset
    }

    /// The checksum from the lanes after the last whole block and the (< 32) bytes after it.
    private static func finish(_ lanes: Lanes, rest bytes: UnsafeRawBufferPointer, count total: Int) -> UInt64 {
        var lanes = lanes
        let count = bytes.count
        var offset = 0
        if let base = bytes.baseAddress {
            while offset + 8 <= count {
                lanes.0 = mix(lanes.0, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
        }
        var tail: UInt64 = 0
        for k in offset..<count { tail |= UInt64(bytes[k]) << UInt64(8 * (k - offset)) }
        var hash = UInt64(truncatingIfNeeded: total) &* prime1
        hash = mix(hash, lanes.0)
        hash = mix(hash, lanes.1)
        hash = mix(hash, lanes.2)
        hash = mix(hash, lanes.3)
        hash = mix(hash, tail)
        hash ^= hash >> 33
        hash = hash &* prime2
        return hash ^ (hash >> 29)
    }

    @inline(__always)
    private static func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let value = lane &+ word &* prime2
        return ((value << 31) | (value >> 33)) &* prime1
    }

    /// The checksum of bytes given in pieces, equal to `of` over them all at once: a section
    /// written as it is made (`SnapshotWriter`'s article records) is never held whole.
    struct Running {
        private var lanes = SnapshotChecksum.initialLanes
        /// Bytes after the last whole block (fewer than 32).
        private var pending: [UInt8] = []
        private(set) var count = 0

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            count += bytes.count
            var rest = bytes
            if !pending.isEmpty {
                let taken = min(32 - pending.count, rest.count)
                pending.append(contentsOf: rest[rest.startIndex..<rest.startIndex + taken])
                rest = UnsafeRawBufferPointer(rebasing: rest[(rest.startIndex + taken)...])
                guard pending.count == 32 else { return }
                pending.withUnsafeBytes { _ = SnapshotChecksum.blocks($0, into: &lanes) }
                pending.removeAll(keepingCapacity: true)
            }
            let offset = SnapshotChecksum.blocks(rest, into: &lanes)
            pending.append(contentsOf: rest[(rest.startIndex + offset)...])
        }

        var value: UInt64 { pending.withUnsafeBytes { SnapshotChecksum.finish(lanes, rest: $0, count: count) } }
    }
}
