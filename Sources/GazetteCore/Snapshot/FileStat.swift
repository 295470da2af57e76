import Foundation

/// What a warm start compares to decide a file is unchanged: device, inode, size and ctime in
/// ns. The ctime, not the mtime: every write moves it (also one that puts the mtime back, as
/// `cp -p` and `rsync -t` do), and so does a `chmod` that makes the file unreadable.
struct FileStat: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: UInt64
    var changedNanoseconds: UInt64

    /// Never equal to a real file's: used for a file that could not be stat'ed.
    static let missing = FileStat(device: .max, inode: .max, size: .max, changedNanoseconds: .max)

    /// `stat(2)` of `path` (following links, as reading does).
    static func of(_ path: String) -> FileStat {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return FileStat(info)
    }

    /// `stat` of every path, on all cores.
    static func of(_ paths: [String]) -> [FileStat] {
        [FileStat](unsafeUninitializedCapacity: paths.count) { buffer, initialized in
            let shared = SharedBuffer(base: buffer)
            let ranges = Parallel.ranges(paths.count, size: 256)
            Parallel.forEach(ranges.count) { part in
                for index in ranges[part] { shared.initialize(index, to: FileStat.of(paths[index])) }
            }
            initialized = paths.count
        }
    }
}

extension FileStat {
    /// The fields of a `stat(2)` result.
    init(_ info: stat) {
        let nanoseconds = UInt64(bitPattern: Int64(info.st_ctim.tv_sec)) &* 1_000_000_000 &+ UInt64(bitPattern: Int64(info.st_ctim.tv_nsec))
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: UInt64(bitPattern: Int64(info.st_size)),
                  changedNanoseconds: nanoseconds)
    }
}
