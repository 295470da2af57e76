import Foundation

/// Watches the data directories and calls `onChange` (on its own thread) shortly after article
/// files are added, changed, removed or renamed: inotify where the kernel offers it, otherwise
/// a walk and `stat` once a second.
public final class DirectoryWatcher: @unchecked Sendable {
    // `stopped` and the descriptors are only changed under `lock` (stop) or before the thread starts.
    private let roots: [String]
    private let onChange: @Sendable () -> Void
    private let lock = NSLock()
    private var stopped = false
    private var stopPipe: [Int32] = [-1, -1]
    /// Quiet time after the last event before `onChange`: a burst (a copy of many files) is one reload.
    static let settleMilliseconds: Int32 = 120

    /// Files whose names start with this are watched instead of article files (and directories).
    private let namePrefix: [UInt8]?

    /// Starts watching `roots` (and every directory below them) for article files, or with
    /// `namePrefix` for files whose names start with it (the state store and its journal).
    public init(roots: [String], namePrefix: String? = nil, onChange: @escaping @Sendable () -> Void) {
        self.roots = roots
        self.namePrefix = namePrefix.map { Array($0.utf8) }
        self.onChange = onChange
        pipe(&stopPipe)
        let thread = Thread { [self] in run() }
        thread.name = "gazette-watch"
        thread.start()
    }

    private var polling = false

    /// True when inotify could not be used and the watcher polls instead.
    public var isPolling: Bool { lock.withLock { polling } }

    /// Stops watching (the thread ends at its next wake-up).
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        var byte: UInt8 = 1
        _ = write(stopPipe[1], &byte, 1)
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func run() {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0, addWatches(fd) else {
            if fd >= 0 { close(fd) }
            lock.withLock { polling = true }
            return poll()
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            guard wait(fd, timeout: -1) else { continue }
            var relevant = drain(fd, &buffer)
            // Let a burst settle, then report once.
            while !isStopped, wait(fd, timeout: Self.settleMilliseconds) { relevant = drain(fd, &buffer) || relevant }
            if isStopped { return }
            // New directories need watches of their own (their files would go unseen).
            if relevant { _ = addWatches(fd); onChange() }
        }
    }

    /// Waits until `fd` is readable (true) or the timeout passes or `stop` is called (false).
    private func wait(_ fd: Int32, timeout: Int32) -> Bool {
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: stopPipe[0], events: Int16(POLLIN), revents: 0)]
        let count = Glibc.poll(&fds, 2, timeout)
        return count > 0 && fds[0].revents != 0 && fds[1].revents == 0
    }

    /// Reads pending events; true when one concerns an article file or a directory.
    private func drain(_ fd: Int32, _ buffer: inout [UInt8]) -> Bool {
        var relevant = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return relevant }
            buffer.withUnsafeBytes { raw in
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let name = raw[nameStart..<min(count, nameStart + length)].prefix { $0 != 0 }
                    if isRelevant(name, mask: mask) || mask & UInt32(IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                        relevant = true
                    }
                    offset = nameStart + length
                }
            }
        }
    }

    /// Whether an event on `name` matters: an article file or a directory, or a name with the prefix.
    private func isRelevant(_ name: Slice<UnsafeRawBufferPointer>, mask: UInt32) -> Bool {
        if let namePrefix { return name.starts(with: namePrefix) }
        let isArticle = name.count >= 4 && name.suffix(4).elementsEqual(".txt".utf8) && name.first != UInt8(ascii: ".")
        return isArticle || mask & UInt32(IN_ISDIR) != 0
    }

    /// Watches every directory under the roots; false when the kernel refuses (too many watches).
    private func addWatches(_ fd: Int32) -> Bool {
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
            | IN_DELETE_SELF | IN_MOVE_SELF)
        var pending = roots
        var seen = Set<String>()
        while let directory = pending.popLast() {
            guard seen.insert(directory).inserted else { continue }
            if inotify_add_watch(fd, directory, mask) < 0 {
                if errno == ENOSPC || errno == ENOMEM { return false }
                continue
            }
            guard let handle = opendir(directory) else { continue }
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
                guard !name.hasPrefix(".") else { continue }
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                var info = stat()
                if entry.pointee.d_type == UInt8(DT_DIR) || (entry.pointee.d_type != UInt8(DT_REG) && stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR) {
                    pending.append(path)
                }
            }
            closedir(handle)
        }
        return true
    }

    /// The fallback: a signature of every article file's path and stat, compared once a second.
    private func poll() {
        var last = signature()
        while !isStopped {
            var fds = [pollfd(fd: stopPipe[0], events: Int16(POLLIN), revents: 0)]
            _ = Glibc.poll(&fds, 1, 1000)
            if isStopped { return }
            let now = signature()
            if now != last { last = now; onChange() }
        }
    }

    private func signature() -> UInt64 {
        guard let files = namePrefix.map({ prefix in roots.flatMap { root in
            ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
                .filter { $0.utf8.starts(with: prefix) }.sorted().map { root + "/" + $0 }
        } }) ?? (try? ArchiveLoader.discoverFiles(in: roots).files) else { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (path, stat) in zip(files, FileStat.of(files)) {
            for byte in path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            for value in [stat.device, stat.inode, stat.size, stat.modifiedNanoseconds] { hash = (hash ^ value) &* 0x0000_0100_0000_01B3 }
        }
        return hash
    }

    deinit {
        close(stopPipe[0])
        close(stopPipe[1])
    }
}
