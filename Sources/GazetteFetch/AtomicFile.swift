import Foundation

/// Writes files the safe way: a temporary name in the same folder, fsync, rename.
enum AtomicFile {
    /// Writes `bytes` to `path`, creating missing folders; a reader never sees half a file.
    static func write(_ bytes: [UInt8], to path: String, folderExists: Bool = false) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folderExists { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
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
        if ok, fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok else {
            unlink(temporary)
            throw POSIXFailure("cannot write \(path)", savedErrno)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXFailure("cannot rename into \(path)", code)
        }
    }
}

/// A failed system call, said in words.
struct POSIXFailure: Error, CustomStringConvertible {
    var description: String
    init(_ what: String, _ code: Int32) { description = "\(what): \(String(cString: strerror(code)))" }
}
