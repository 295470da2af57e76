/// The per-section checksum: four independent multiply-rotate lanes over 8-byte words.
///
/// Not cryptographic — it detects torn writes, truncation and bit rot, not tampering. Four lanes
/// keep the multiplier busy, so verifying a section costs about as much as reading it (the
/// benchmark's "snapshot checksum" row gives the rate).
enum SnapshotChecksum {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1, prime2, prime1 ^ prime2, 0x1656_67B1_9E37_79F9)
        let count = bytes.count
        var offset = 0
        if let base = bytes.baseAddress {
            while offset + 32 <= count {
                lanes.0 = mix(lanes.0, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                lanes.1 = mix(lanes.1, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                lanes.2 = mix(lanes.2, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                lanes.3 = mix(lanes.3, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            while offset + 8 <= count {
                lanes.0 = mix(lanes.0, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
        }
        var tail: UInt64 = 0
        for k in offset..<count { tail |= UInt64(bytes[k]) << UInt64(8 * (k - offset)) }
        var hash = UInt64(truncatingIfNeeded: count) &* prime1
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
}
