import Foundation

/// The fast walk that compares the data directories with a snapshot's file table: "is every file
/// exactly as recorded?" for the warm path, and which files changed, appeared or went for a refresh.
///
/// The full path (`ArchiveLoader.discoverFiles` + `FileStat.of` + `RefreshPlan`) builds a `String`
/// per file, sorts 100k of them and compares them as `String`s. This walk lists the directories
/// in parallel (one task per directory, level by level), `fstatat`s each entry by name relative
/// to its directory's descriptor, and looks the path's bytes up in a hash table over the
/// snapshot's file table: no `String` and no sort per file.
///
/// It judges only what the full walk would accept without a warning. Anything else — a symbolic
/// link to a directory, a directory reached twice, an entry that cannot be stat'ed, a file that
/// failed last time — answers nil (`delta`) or `false` (`unchanged`), and the caller takes the
/// full path, which decides exactly. So it can only be slower than needed, never wrong.
///
/// `forWatcher` adds what a `DirectoryWatcher` cannot see to the things that answer `false`:
/// a symbolic link (its target may lie outside the watched tree), a file with other hard links
/// (written through another name, no event reaches the watched directory) and a directory on a
/// network or FUSE file system (changes made on another machine raise no inotify event).
enum WarmCheck {
    /// Whether the walk finds exactly the snapshot's files with identical stats; stops at the first difference.
    static func unchanged(directories: [String], files: SnapshotFileTable, forWatcher: Bool = false) -> Bool {
        walk(directories: directories, files: files, forWatcher: forWatcher, collect: false)?.isEmpty == true
    }

    /// The files that differ from the snapshot's table (one walk, so a refresh need not walk
    /// again); nil when the walk met something only the full walk judges.
    static func delta(directories: [String], files: SnapshotFileTable) -> WarmDelta? {
        walk(directories: directories, files: files, forWatcher: false, collect: true)
    }

    /// `collect` false: nil at the first difference (only "unchanged" is asked).
    private static func walk(directories: [String], files: SnapshotFileTable, forWatcher: Bool, collect: Bool) -> WarmDelta? {
        guard let lookup = PathLookup(files) else { return nil }
        var visited = Set<DirectoryKey>()
        var seen = [Bool](repeating: false, count: files.count)
        var delta = WarmDelta()
        for root in directories {
            var info = stat()
            guard stat(root, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
                  visited.insert(DirectoryKey(info)).inserted else { return nil }
            var level: [[UInt8]] = [Array(root.utf8)]
            while !level.isEmpty {
                let current = level
                let scans = Parallel.map(current.count) { index in
                    Self.scan(current[index], lookup: lookup, forWatcher: forWatcher, collect: collect)
                }
                var next: [[UInt8]] = []
                for scan in scans {
                    guard let scan else { return nil }
                    for file in scan.matched { seen[Int(file)] = true }
                    delta.changed += scan.changed
                    delta.added += scan.added
                    for (path, key) in scan.directories {
                        // The full walk's depth-first order decides which path a twice-reached directory gets.
                        guard visited.insert(key).inserted else { return nil }
                        next.append(path)
                    }
                }
                level = next
            }
        }
        delta.removed = seen.indices.filter { !seen[$0] }
        return delta
    }

    private struct DirectoryKey: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private struct Scan: Sendable {
        /// Snapshot files found here, changed or not.
        var matched: [Int32] = []
        var changed: [(file: Int, stat: FileStat)] = []
        var added: [(path: [UInt8], stat: FileStat)] = []
        var directories: [([UInt8], DirectoryKey)] = []
    }

    /// Lists one directory: its article files matched against the snapshot, its subdirectories.
    /// nil as soon as anything would need the full walk's judgement (or, unless `collect`, differs from the snapshot).
    private static func scan(_ directory: [UInt8], lookup: PathLookup, forWatcher: Bool, collect: Bool) -> Scan? {
        let descriptor = directory.withUnsafeBufferPointer { bytes in
            var path = Array(bytes)
            path.append(0)
            return path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self),
                                                       O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        }
        guard descriptor >= 0 else { return nil }
        guard let handle = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        defer { closedir(handle) }
        if forWatcher && !WatchableFileSystem.isLocal(descriptor) { return nil }
        let inMaildir = isMaildirCandidate(directory) && FileDiscovery.isMaildirFolder(String(decoding: directory, as: UTF8.self))
        var path = directory
        if path.last != UInt8(ascii: "/") { path.append(UInt8(ascii: "/")) }
        let prefix = path.count
        var result = Scan()
        while let entry = readdir(handle) {
            let ok: Bool = withUnsafePointer(to: &entry.pointee.d_name) { field in
                let name = UnsafeRawPointer(field).assumingMemoryBound(to: CChar.self)
                let length = strlen(name)
                let bytes = UnsafeRawBufferPointer(start: name, count: length)
                guard length > 0 else { return true }
                if bytes[0] == UInt8(ascii: ".") {  // hidden, "." and "..": skipped, but for Maildir++ folders
                    guard MaildirPlusPlus.isFolder(name, in: descriptor) else { return true }
                    var info = stat()
                    // A link is left to the full walk, which follows it and detects loops.
                    guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
                    path.removeSubrange(prefix...)
                    path.append(contentsOf: bytes)
                    result.directories.append((path, DirectoryKey(info)))
                    return true
                }
                let isArticleName = inMaildir || ArticleFileName.isArticle(bytes)
                let isUnnamedCandidate = !isArticleName && ArticleFileName.isUnnamedCandidate(bytes)
                let type = Int32(entry.pointee.d_type)
                if !isArticleName && !isUnnamedCandidate && type != Int32(DT_DIR) && type != Int32(DT_LNK) && type != Int32(DT_UNKNOWN) { return true }
                var info = stat()
                guard fstatat(descriptor, name, &info, forWatcher ? AT_SYMLINK_NOFOLLOW : 0) == 0 else { return !isArticleName }  // the full walk warns
                if forWatcher && (info.st_mode & S_IFMT == S_IFLNK || (info.st_mode & S_IFMT == S_IFREG && info.st_nlink > 1)) { return false }
                path.removeSubrange(prefix...)
                path.append(contentsOf: bytes)
                switch info.st_mode & S_IFMT {
                case S_IFREG:
                    let found = FileStat(info)
                    // A file with no extension is a wire file or mailbox by its first bytes: an unchanged
                    // one in the snapshot was one, anything else is looked at (as the walk does).
                    if !isArticleName {
                        guard isUnnamedCandidate else { return true }
                        let known = lookup.find(path).map { lookup.files.stat($0) == found } ?? false
                        if !known, !ArticleFileName.opensAsArchive(directory: descriptor, path: name) {
                            return true
                        }
                    }
                    guard let file = lookup.find(path) else {
                        result.added.append((path, found))
                        return collect
                    }
                    result.matched.append(Int32(file))
                    guard lookup.files.stat(file) == found else {
                        result.changed.append((file, found))
                        return collect
                    }
                    return true
                case S_IFDIR:
                    // A directory named like an article is warned about; a link to one may be a loop.
                    guard !inMaildir, !ArticleFileName.hasArticleExtension(bytes), type != Int32(DT_LNK) else { return false }
                    result.directories.append((path, DirectoryKey(info)))
                    return true
                default:
                    return !isArticleName  // the full walk warns about special files with article names
                }
            }
            guard ok else { return nil }
        }
        return result
    }

    /// Ends in `/cur` or `/new` (trailing slashes aside): worth asking `isMaildirFolder`.
    private static func isMaildirCandidate(_ path: [UInt8]) -> Bool {
        var end = path.count
        while end > 0 && path[end - 1] == UInt8(ascii: "/") { end -= 1 }
        guard end >= 4 else { return false }
        let tail = path[(end - 4)..<end]
        return tail.elementsEqual("/cur".utf8) || tail.elementsEqual("/new".utf8)
    }
}

/// The files a walk found different from a snapshot's file table.
struct WarmDelta: Sendable {
    /// Snapshot files found with another stat: their index in the table and the stat found.
    var changed: [(file: Int, stat: FileStat)] = []
    /// Article files not in the snapshot: path bytes and stat.
    var added: [(path: [UInt8], stat: FileStat)] = []
    /// Indices of snapshot files not found, ascending.
    var removed: [Int] = []

    /// Every file exactly as the snapshot recorded it.
    var isEmpty: Bool { changed.isEmpty && added.isEmpty && removed.isEmpty }
}

/// The snapshot's file paths in an open-addressing hash table keyed by their bytes.
private struct PathLookup: Sendable {
    let files: SnapshotFileTable
    private let slots: [Int32]
    private let mask: Int

    /// nil when a file must be read again whatever its stat says (it failed last time).
    init?(_ files: SnapshotFileTable) {
        self.files = files
        var capacity = 16
        while capacity < files.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        for file in 0..<files.count where files.flags[file] & SnapshotFileFlag.failed != 0 { return nil }
        files.pathBytes.withUnsafeBufferPointer { bytes in
            for file in 0..<files.count {
                var slot = Self.hash(Self.path(file, files, bytes)) & (capacity - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = Int32(file)
            }
        }
        self.slots = slots
    }

    func find(_ path: [UInt8]) -> Int? {
        files.pathBytes.withUnsafeBufferPointer { bytes in
            path.withUnsafeBytes { key in
                var slot = Self.hash(key) & mask
                while slots[slot] >= 0 {
                    let file = Int(slots[slot])
                    let candidate = Self.path(file, files, bytes)
                    if candidate.count == key.count && (key.isEmpty || memcmp(candidate.baseAddress!, key.baseAddress!, key.count) == 0) { return file }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }

    private static func path(_ file: Int, _ files: SnapshotFileTable, _ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[Int(files.pathOffsets[file])..<Int(files.pathOffsets[file + 1])])
    }

    /// Eight bytes per step (paths differ mostly near their end, so every byte must reach the
    /// low bits the table uses), then a full avalanche.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        if let base = bytes.baseAddress {
            while offset + 8 <= bytes.count {
                hash = (hash ^ base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 29
                offset += 8
            }
            var tail: UInt64 = 0
            for k in offset..<bytes.count { tail |= UInt64(base.load(fromByteOffset: k, as: UInt8.self)) << UInt64(8 * (k - offset)) }
            hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return Int(truncatingIfNeeded: hash)
    }
}
