import Foundation

/// The bytes of a snapshot: a read-only memory mapping of the file (or a copy, for tests and
/// fuzzing), alive as long as any table or article list read from it.
final class SnapshotMapping: @unchecked Sendable {
    // Never written after `init`; `unmap` runs only in `deinit`.
    let bytes: UnsafeRawBufferPointer
    /// Device, inode, size, mtime and ctime (ns) of the mapped file; nil for a copy.
    /// Any write to the file in place changes the times; a replacement is another inode.
    let identity: [UInt64]?
    private let unmap: @Sendable (UnsafeRawBufferPointer) -> Void
    /// A mapping of the file (not a copy): its pages can be let go of and read again.
    private let isFileMapping: Bool

    /// Maps `path` read-only. The snapshot is only ever replaced by `rename`, never rewritten or
    /// truncated in place, so the pages stay valid while mapped (a new snapshot is a new inode).
    init(path: String) throws(SnapshotError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path, String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .invalid(path, "not a regular file") }
        let size = Int(info.st_size)
        guard size > 0 else { throw .invalid(path, "empty file") }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw .unreadable(path, String(cString: strerror(errno)))
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
        identity = Self.identity(of: info)
        unmap = { munmap(UnsafeMutableRawPointer(mutating: $0.baseAddress), $0.count) }
        isFileMapping = true
    }

    /// Lets go of the resident pages of `range` (widened to whole pages): they are clean pages of
    /// the file, read again from the page cache if touched later. Verifying a checksum reads every
    /// page of a section once; without this they all stayed in the process's resident memory,
    /// which is what `top` shows, though most are never read again. Nothing for a copy.
    func releasePages(_ range: Range<Int>) {
        guard isFileMapping, let base = bytes.baseAddress, !range.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = range.lowerBound / page * page
        let end = min(bytes.count, (range.upperBound + page - 1) / page * page)
        guard start < end else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }

    /// How many numbers an identity has.
    static let identityCount = 5

    /// Device, inode, size, mtime and ctime (ns) of a file's `stat`.
    static func identity(of info: stat) -> [UInt64] {
        let changed = UInt64(bitPattern: Int64(info.st_ctim.tv_sec)) &* 1_000_000_000 &+ UInt64(bitPattern: Int64(info.st_ctim.tv_nsec))
        let file = FileStat(info)
        return [file.device, file.inode, file.size, file.changedNanoseconds, changed]
    }

    /// A private copy of `data`, page-aligned like a mapping (so a test of `releasePages` on a
    /// copy would see a wrongly advised page zeroed).
    init(copying data: some Collection<UInt8>) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(data.count, 1), alignment: 4096)
        _ = buffer.initializeMemory(as: UInt8.self, from: data)
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<data.count])
        identity = nil
        unmap = { UnsafeMutableRawPointer(mutating: $0.baseAddress)?.deallocate() }
        isFileMapping = false
    }

    deinit { unmap(bytes) }
}
