import Foundation

/// Where snapshots live: one file per set of data directories under `$XDG_CACHE_HOME/gazette/`
/// (default `~/.cache/gazette/`).
public enum SnapshotCache {
    static let fileExtension = "gzsnap"

    /// `$XDG_CACHE_HOME/gazette`, else `$HOME/.cache/gazette`; nil when neither is set.
    public static func directory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/gazette" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/gazette" }
        return nil
    }

    /// The snapshot for `directories` (as given, in order) read from `currentDirectory`.
    ///
    /// Articles record their paths as walked, so relative directories also key on the working
    /// directory: the same `--data Data` from elsewhere is another set of paths.
    public static func path(for directories: [String], currentDirectory: String, in cacheDirectory: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0) &* 0x0000_0100_0000_01B3
        }
        for directory in directories {
            mix(directory)
            mix(realPath(directory) ?? "")
            if !directory.hasPrefix("/") { mix(currentDirectory) }
        }
        let hex = String(hash, radix: 16)
        return cacheDirectory + "/snapshot-" + String(repeating: "0", count: 16 - hex.count) + hex + "." + fileExtension
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Deletes temporaries of `path` left by writers that died (their process no longer exists).
    static func removeAbandonedTemporaries(for path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = pid_t(pid), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(directory + "/" + name)
        }
    }

    /// What `gazette cache info` shows about one snapshot.
    public struct Info: Sendable {
        public var path: String
        public var bytes: Int
        public var articles: Int?
        public var writtenAt: Date?
        public var directories: [String]
        /// Why it would not be used, if it would not.
        public var problem: String?
    }

    /// The snapshot at `path`, fully validated; nil when there is no such file.
    public static func info(path: String) -> Info? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        var info = Info(path: path, bytes: Int(status.st_size), articles: nil, writtenAt: nil, directories: [], problem: nil)
        do {
            let snapshot = try Snapshot.open(path: path)
            info.articles = snapshot.store.count
            info.writtenAt = Date(timeIntervalSince1970: TimeInterval(snapshot.writtenAt))
            info.directories = snapshot.directories
        } catch {
            switch error {
            case .invalid(_, let reason), .unreadable(_, let reason), .cannotWrite(_, let reason): info.problem = reason
            }
        }
        return info
    }

    /// Removes every snapshot (and temporary) in `cacheDirectory`; returns how many files were
    /// removed and each one that could not be, with the reason.
    @discardableResult
    public static func clear(cacheDirectory: String) -> (removed: Int, failed: [(path: String, reason: String)]) {
        var removed = 0
        var failed: [(path: String, reason: String)] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory)) ?? []
        where name.hasPrefix("snapshot-") && name.contains("." + fileExtension) {
            let path = cacheDirectory + "/" + name
            if unlink(path) == 0 {
                // A verified mark (`SnapshotVerifiedMark`) goes with its snapshot, uncounted.
                if !name.hasSuffix(".verified") { removed += 1 }
            } else if errno != ENOENT {
                failed.append((path, String(cString: strerror(errno))))
            }
        }
        return (removed, failed)
    }
}
