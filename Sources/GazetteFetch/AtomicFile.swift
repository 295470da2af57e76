import Foundation

/// Writes files the safe way: a temporary name in the same folder, flushed to disk, renamed.
enum AtomicFile {
    /// Writes `bytes` to `path`, creating missing folders; a reader never sees half a file.
    static func write(_ bytes: [UInt8], to path: String, folderExists: Bool = false) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folderExists { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let temporary = try writeTemporary(bytes, for: path, sync: true)
        try rename(temporary, to: path)
    }

    /// Writes `bytes` under a hidden temporary name beside `path` (fsynced when `sync`) and
    /// returns that name.
    static func writeTemporary(_ bytes: [UInt8], for path: String, sync: Bool) throws -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        // Hidden, so the loader skips it if a crash leaves it behind.
        let temporary = folder + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXFailure("cannot create \(temporary)", errno) }
        var ok = true
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 { if errno == EINTR { continue }; ok = false; return }
                offset += written
            }
        }
        let savedErrno = errno
        if ok, sync, fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok else {
            unlink(temporary)
            throw POSIXFailure("cannot write \(path)", savedErrno)
        }
        return temporary
    }

    /// True for a temporary name this module made (`.NAME.PID.RANDOM.tmp`) whose process is gone.
    static func isAbandonedTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let parts = name.dropLast(4).split(separator: ".")
        guard parts.count >= 3, UInt32(parts[parts.count - 1]) != nil, let pid = Int32(parts[parts.count - 2]), pid > 0 else { return false }
        return pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }

    static func rename(_ temporary: String, to path: String) throws {
        guard Foundation.rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXFailure("cannot rename into \(path)", code)
        }
    }
}

/// Many files written as one step: each to a temporary name without a flush of its own, then
/// one flush for all of them, then the renames. A reader still never sees half a file and a
/// crash never leaves an empty one under a real name, but a feed's 50 items cost one trip to
/// the disk instead of 50 (an fsync per file was most of a first fetch's time).
final class AtomicBatch {
    private var pending: [(temporary: String, path: String)] = []
    private var removals: [String] = []
    /// Files waiting for `commit`.
    var count: Int { pending.count }

    func write(_ bytes: [UInt8], to path: String) throws {
        // An item that moved away left this name free and another item took it in the same batch:
        // the new file must not be removed with the old one's name.
        if !removals.isEmpty { removals.removeAll { $0 == path } }
        pending.append((try AtomicFile.writeTemporary(bytes, for: path, sync: !Self.flushesWholeFileSystem), path))
    }

    /// Removes `path` once the batch's files are in place (an item that moved to a new name).
    func remove(afterCommit path: String) { removals.append(path) }

    /// Flushes the temporary files to disk, renames them into place, then does the removals.
    func commit() throws {
        defer { pending = []; removals = [] }
        if Self.flushesWholeFileSystem, let first = pending.first {
            let fd = open(first.temporary, O_RDONLY | O_CLOEXEC)
            #if os(Linux)
            let synced = fd >= 0 && linuxSyncfs(fd) == 0
            #else
            let synced = false
            #endif
            if fd >= 0 { close(fd) }
            if !synced {
                // Without a file-system flush, each file is flushed on its own.
                for file in pending {
                    let each = open(file.temporary, O_RDONLY | O_CLOEXEC)
                    if each >= 0 { fsync(each); close(each) }
                }
            }
        }
        var failure: Error?
        for (index, file) in pending.enumerated() {
            do {
                try AtomicFile.rename(file.temporary, to: file.path)
            } catch {
                failure = error
                for rest in pending[(index + 1)...] { unlink(rest.temporary) }
                break
            }
        }
        if let failure { throw failure }
        for path in removals { unlink(path) }
    }

    /// Deletes the temporary files of a batch that will not be committed.
    func abandon() {
        for file in pending { unlink(file.temporary) }
        pending = []
        removals = []
    }

    deinit { abandon() }

    #if os(Linux)
    /// `syncfs(2)`: one flush of the file system for the whole batch.
    static let flushesWholeFileSystem = true
    #else
    static let flushesWholeFileSystem = false
    #endif
}

#if os(Linux)
/// glibc's `syncfs(2)`, which Swift's Glibc module leaves out (it is behind `_GNU_SOURCE`).
@_silgen_name("syncfs")
private func linuxSyncfs(_ fd: Int32) -> Int32
#endif

/// A failed system call, said in words.
struct POSIXFailure: Error, CustomStringConvertible {
    var description: String
    init(_ what: String, _ code: Int32) { description = "\(what): \(String(cString: strerror(code)))" }
}
