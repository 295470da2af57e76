import Foundation

/// Where the watcher of a snapshot listens: `$XDG_RUNTIME_DIR/gazette/` (else a `sockets`
/// directory beside the snapshots), a directory only its owner may enter, one socket per snapshot.
public enum WatchSocket {
    /// The socket for the snapshot at `snapshotPath`; nil when there is no private directory for
    /// it (one owned by someone else or open to others is never used). `create` makes the directory.
    public static func path(forSnapshot snapshotPath: String, environment: [String: String], create: Bool) -> String? {
        let directory: String
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            directory = runtime + "/gazette"
        } else {
            directory = (snapshotPath as NSString).deletingLastPathComponent + "/sockets"
        }
        if create {
            try? FileManager.default.createDirectory(atPath: (directory as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            _ = mkdir(directory, 0o700)
        }
        var info = stat()
        guard lstat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid(),
              info.st_mode & 0o077 == 0 else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in snapshotPath.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let hex = String(hash, radix: 16)
        let path = directory + "/watch-" + String(repeating: "0", count: 16 - hex.count) + hex + ".sock"
        return address(path) == nil ? nil : path
    }

    /// The socket address of `path`; nil when it is too long for one.
    static func address(_ path: String) -> sockaddr_un? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, bytes.count < capacity, !bytes.contains(0) else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in raw.copyBytes(from: bytes) }
        return address
    }

    /// Calls `body` with `address` as the `sockaddr` that `bind` and `connect` take.
    static func withSocketAddress<T>(_ address: sockaddr_un, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        var address = address
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }

    /// The user id of the process at the other end of the connected socket `descriptor`.
    static func peerUser(_ descriptor: Int32) -> uid_t? {
        // struct ucred: pid, uid, gid (32 bits each).
        var credentials: (Int32, UInt32, UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout.size(ofValue: credentials))
        guard getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0,
              Int(length) == MemoryLayout.size(ofValue: credentials) else { return nil }
        return credentials.1
    }

    /// Sets both send and receive timeouts of `descriptor`.
    static func setTimeouts(_ descriptor: Int32, milliseconds: Int) {
        var time = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, size)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &time, size)
    }

    /// Reads one line (without its newline) of at most `WatchProtocol.maximumLine` bytes before
    /// `deadline`; nil on timeout, end of file, a line too long or not UTF-8.
    static func readLine(_ descriptor: Int32, deadline: ContinuousClock.Instant) -> String? {
        var line: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: WatchProtocol.maximumLine)
        while ContinuousClock.now < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count - line.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            line.append(contentsOf: buffer[0..<count])
            if let end = line.firstIndex(of: UInt8(ascii: "\n")) {
                guard end == line.count - 1 else { return nil }  // nothing may follow the one line
                return String(validating: line[0..<end], as: UTF8.self)
            }
            guard line.count < WatchProtocol.maximumLine else { return nil }
        }
        return nil
    }

    /// Writes all of `text`, never raising SIGPIPE; false if it could not.
    static func send(_ descriptor: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }
}
