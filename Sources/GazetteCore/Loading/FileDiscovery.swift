import Foundation

/// The walk over the data directories: which paths are article files.
///
/// File-level warnings carry line 0, meaning "the whole file".
struct FileDiscovery {
    private struct DirectoryKey: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    var files: [String] = []
    var warnings: [LoadWarning] = []
    private var visited = Set<DirectoryKey>()

    /// Checks that `directory` is a readable directory, then walks it.
    mutating func add(root directory: String) throws(LoadError) {
        var info = stat()
        guard stat(directory, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .missingDirectory(directory) }
            throw .unreadableDirectory(directory, Self.message(code))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notADirectory(directory) }
        guard let handle = opendir(directory) else { throw .unreadableDirectory(directory, Self.message(errno)) }
        closedir(handle)
        walk(from: directory, key: Self.key(info))
    }

    private mutating func walk(from root: String, key: DirectoryKey) {
        // An explicit stack: nesting depth is whatever the disk holds.
        guard visited.insert(key).inserted else { return }
        var pending = [root]
        while let directory = pending.popLast() {
            guard let handle = opendir(directory) else {
                warn(directory, "cannot read directory: \(Self.message(errno))")
                continue
            }
            defer { closedir(handle) }
            // In a Maildir's cur/ and new/, every file is a message, whatever its name.
            let inMaildir = Self.isMaildirFolder(directory)
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                if name.hasPrefix(".") {  // hidden, and "." / "..": skipped, but for Maildir++ folders
                    if MaildirPlusPlus.isFolder(path: path, name: name) { enter(path, pending: &pending) }
                    continue
                }
                let isArticleName = inMaildir || ArticleFileName.isArticle(name.utf8)
                let isUnnamedCandidate = !isArticleName && ArticleFileName.isUnnamedCandidate(name.utf8)
                let type = Int32(entry.pointee.d_type)
                // Regular files need no stat; other entries without an article name that are not directories are ignored.
                if type == Int32(DT_REG) {
                    if isArticleName || (isUnnamedCandidate && ArticleFileName.opensAsArchive(path: path)) { files.append(path) }
                    continue
                }
                if !isArticleName, type != Int32(DT_DIR), type != Int32(DT_LNK), type != Int32(DT_UNKNOWN) { continue }
                let directoryWarned = inMaildir || ArticleFileName.hasArticleExtension(name.utf8)
                classify(path, isArticleName: isArticleName, isUnnamedCandidate: isUnnamedCandidate, directoryWarned: directoryWarned,
                         isLink: type == Int32(DT_LNK), pending: &pending)
            }
        }
    }

    /// Follows a link or unknown entry with `stat` (never `open`: opening a FIFO blocks).
    private mutating func classify(_ path: String, isArticleName: Bool, isUnnamedCandidate: Bool, directoryWarned: Bool, isLink: Bool,
                                   pending: inout [String]) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if isArticleName { warn(path, code == ENOENT ? "broken symbolic link; skipped" : "cannot read: \(Self.message(code))") }
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if isArticleName || (isUnnamedCandidate && ArticleFileName.opensAsArchive(path: path)) { files.append(path) }
        case S_IFDIR:
            if directoryWarned {
                warn(path, "a directory named like an article file; skipped")
            } else if !visited.insert(Self.key(info)).inserted {
                if isLink || Self.isSymbolicLink(path) { warn(path, "symbolic link to a directory already read (a loop?); skipped") }
            } else {
                pending.append(path)
            }
        default:
            if isArticleName { warn(path, "not a regular file (\(Self.kind(info.st_mode))); skipped") }
        }
    }

    /// Walks directory `path` later, once (a link to one already walked is not entered again).
    private mutating func enter(_ path: String, pending: inout [String]) {
        var info = stat()
        guard stat(path, &info) == 0, visited.insert(Self.key(info)).inserted else { return }
        pending.append(path)
    }

    private mutating func warn(_ path: String, _ reason: String) {
        warnings.append(LoadWarning(path: path, line: 0, reason: reason))
    }

    /// Whether `directory` is the `cur` or `new` folder of a Maildir (its parent holds both).
    static func isMaildirFolder(_ directory: String) -> Bool {
        var trimmed = Substring(directory)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard trimmed.hasSuffix("/cur") || trimmed.hasSuffix("/new") else { return false }
        let parent = trimmed.dropLast(4)
        var info = stat()
        return ["cur", "new"].allSatisfy { stat(parent + "/" + $0, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR }
    }

    private static func key(_ info: stat) -> DirectoryKey {
        DirectoryKey(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "FIFO"
        case S_IFCHR: "character device"
        case S_IFBLK: "block device"
        case S_IFSOCK: "socket"
        default: "special file"
        }
    }

    static func message(_ code: Int32) -> String { String(cString: strerror(code)) }
}
