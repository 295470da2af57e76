import Foundation

/// What writing a fetch's files costs the disk alone: no network, no parsing.
enum DiskBaseline {
    /// Seconds to write `feeds` × `files` files of `bytes` under `feeds/<n>/2024/03/` on 8
    /// threads (a temporary name, then a rename), with or without an fsync per file.
    static func time(feeds: Int, files: Int, bytes: [UInt8], fsyncEach: Bool) -> Double {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-bench-disk-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        return MonotonicClock.time { () -> Void in
            DispatchQueue.concurrentPerform(iterations: 8) { worker in
                for feed in stride(from: worker, to: feeds, by: 8) {
                    let folder = root + "/f\(feed)/2024/03"
                    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    for item in 0..<files {
                        let path = folder + "/\(item).txt", temporary = folder + "/.\(item).tmp"
                        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                        guard fd >= 0 else { continue }
                        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                        if fsyncEach { fsync(fd) }
                        close(fd)
                        rename(temporary, path)
                    }
                }
            }
        }.seconds
    }
}
