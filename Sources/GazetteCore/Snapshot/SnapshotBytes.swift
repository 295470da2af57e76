/// Snapshot bytes held in memory, for the fuzzer and tests: open them, or re-seal damaged ones.
public enum SnapshotBytes {
    /// The store in `bytes`, validated as a snapshot file is (written by any build); the reason when refused.
    public static func store(from bytes: [UInt8]) throws(SnapshotError) -> ArticleStore {
        try Snapshot(mapping: SnapshotMapping(copying: bytes), path: "<memory>", verifyChecksums: true, anyBuild: true).store
    }

    /// `bytes` with every checksum recomputed (header, table, each section the table locates), so
    /// that a structural fuzzer gets past them to the layout checks behind.
    public static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        guard bytes.count >= SnapshotFormat.headerSize else { return bytes }
        bytes.withUnsafeMutableBytes { raw in
            let sections = min(Int(raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self)), (raw.count - SnapshotFormat.headerSize) / SnapshotFormat.tableEntrySize)
            let tableEnd = SnapshotFormat.headerSize + sections * SnapshotFormat.tableEntrySize
            for entry in 0..<sections {
                let base = SnapshotFormat.headerSize + entry * SnapshotFormat.tableEntrySize
                let offset = raw.loadUnaligned(fromByteOffset: base + 8, as: UInt64.self)
                let length = raw.loadUnaligned(fromByteOffset: base + 16, as: UInt64.self)
                guard offset <= UInt64(raw.count), length <= UInt64(raw.count) - offset else { continue }
                let sum = SnapshotChecksum.of(UnsafeRawBufferPointer(rebasing: raw[Int(offset)..<Int(offset + length)]))
                raw.storeBytes(of: sum.littleEndian, toByteOffset: base + 24, as: UInt64.self)
            }
            let table = SnapshotChecksum.of(UnsafeRawBufferPointer(rebasing: raw[SnapshotFormat.headerSize..<tableEnd]))
            raw.storeBytes(of: table.littleEndian, toByteOffset: 40, as: UInt64.self)
            let header = SnapshotChecksum.of(UnsafeRawBufferPointer(rebasing: raw[0..<48]))
            raw.storeBytes(of: header.littleEndian, toByteOffset: 48, as: UInt64.self)
        }
        return bytes
    }
}
