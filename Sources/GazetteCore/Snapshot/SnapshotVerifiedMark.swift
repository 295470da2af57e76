import Foundation

/// A small file beside a snapshot saying that every one of its checksums passed once, for the
/// exact file (device, inode, size, mtime and ctime in ns) that passed.
///
/// Checksums guard against torn writes, truncation and bit rot. A snapshot is written once
/// (temporary file, fsync, rename) and never changed in place, so once a given file has passed,
/// checking its ~500 MB again on every CLI run only re-reads it: with the mark, `gazette list`
/// touches just the pages its answer needs. Any write to the file changes its times and a new
/// snapshot is a new inode, so a mark never vouches for other bytes than those verified;
/// the structural checks (sizes, offsets, indices) still run on every open.
enum SnapshotVerifiedMark {
    private static let magic: [UInt8] = Array("GZVERIFY".utf8)

    static func path(for snapshot: String) -> String { snapshot + ".verified" }

    /// Whether a mark beside `snapshot` names exactly the file `mapping` maps.
    static func isPresent(for mapping: SnapshotMapping, snapshot: String) -> Bool {
        guard let identity = mapping.identity else { return false }
        let fd = open(path(for: snapshot), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 128)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return count >= 0 && Array(bytes[0..<count]) == contents(identity)
    }

    /// Records that the file `mapping` maps passed every checksum (best effort: without a mark
    /// the next run verifies again).
    static func record(for mapping: SnapshotMapping, snapshot: String) {
        guard let identity = mapping.identity else { return }
        // Named like the writer's temporaries, so one left by a killed process is cleaned up too.
        let temporary = snapshot + ".tmp-\(getpid())-verified"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        let data = contents(identity)
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written != data.count || rename(temporary, path(for: snapshot)) != 0 { unlink(temporary) }
    }

    private static func contents(_ identity: [UInt64]) -> [UInt8] {
        var bytes = magic
        for value in identity { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        return bytes
    }
}
