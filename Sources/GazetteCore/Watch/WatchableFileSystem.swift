import Foundation

/// Whether inotify sees every change on a directory's file system.
///
/// On network file systems (NFS, SMB, Ceph, AFS…) and FUSE mounts (sshfs, rclone…) a change made
/// by another machine or by the FUSE daemon raises no inotify event, so a watcher there cannot
/// vouch for anything. Unknown types count as local: those are the kernel's own file systems.
enum WatchableFileSystem {
    /// `f_type`s of `statfs(2)` whose contents can change behind inotify's back.
    private static let remote: Set<Int64> = [
        0x6969,  // NFS
        0x517B,  // SMB
        0xFF53_4D42,  // CIFS
        0xFE53_4D42,  // SMB2
        0x6573_5546,  // FUSE
        0x0102_1997,  // 9P
        0x00C3_6400,  // Ceph
        0x5346_414F,  // AFS
        0x6B41_4653,  // kAFS
        0x7375_7245,  // Coda
        0x0BD0_0BD0,  // Lustre
        0x4750_4653,  // GPFS
        0x0113_0CA1,  // OCFS2 (shared disk)
        0x0116_1970,  // GFS2 (shared disk)
        0x7461_636F,  // OCFS2
        0x0000_564C,  // NCP
    ]

    /// `fstatfs(2)`, looked up at run time: Swift's Glibc module does not bring in `<sys/vfs.h>`.
    private static let fstatfs: (@convention(c) (Int32, UnsafeMutableRawPointer) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "fstatfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafeMutableRawPointer) -> Int32).self)
    }()

    /// True when the file system of the open directory `descriptor` is local.
    static func isLocal(_ descriptor: Int32) -> Bool {
        guard let fstatfs else { return false }
        // struct statfs (120 bytes on 64-bit Linux) begins with `long f_type`.
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 8)
        defer { buffer.deallocate() }
        guard fstatfs(descriptor, buffer) == 0 else { return false }
        return !remote.contains(Int64(buffer.load(as: Int.self)) & 0xFFFF_FFFF)
    }
}
