import Foundation

/// Watches the data directories and calls `onChange` (on its own thread) shortly after article
/// files are added, changed, removed or renamed: inotify where the kernel offers it, otherwise
/// a walk and `stat` once a second.
///
/// It also counts every inotify event it reads (`watching()`), so that a `WatchVouch` can tell
/// whether anything at all happened in the tree since it last compared it with a snapshot.
public final class DirectoryWatcher: @unchecked Sendable {
    // `stopped`, `generation`, `watchesComplete` and `inotifyDescriptor` are only changed under
    // `lock`; the descriptors of the pipe only before the thread starts.
    private let roots: [String]
    private let onChange: @Sendable () -> Void
    private let onSettle: (@Sendable () -> Void)?
    private let lock = NSLock()
    private var stopped = false
    private var stopPipe: [Int32] = [-1, -1]
    /// Quiet time after the last event before `onChange`: a burst (a copy of many files) is one reload.
    static let settleMilliseconds: Int32 = 120

    /// Files whose names start with this are watched instead of article files (and directories).
    private let namePrefix: [UInt8]?

    /// Starts watching `roots` (and every directory below them) for article files, or with
    /// `namePrefix` for files whose names start with it (the state store and its journal).
    /// `onSettle` (optional) is called after the first watches are in place and after every
    /// settled burst of any events at all.
    public init(roots: [String], namePrefix: String? = nil, onSettle: (@Sendable () -> Void)? = nil,
                onChange: @escaping @Sendable () -> Void) {
        self.roots = roots
        self.namePrefix = namePrefix.map { Array($0.utf8) }
        self.onChange = onChange
        self.onSettle = onSettle
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

    /// Events read so far (any kind, relevant or not).
    private var generation: UInt64 = 0
    /// Every directory of the tree has a watch and no event since asked for more.
    private var watchesComplete = false
    /// Events that need the watches walked again (a new directory, a watch gone, an overflow).
    private var structureChanges: UInt64 = 0
    private var inotifyDescriptor: Int32 = -1
    /// Watch descriptors of Maildir `cur/` and `new/` folders, where every file is a message.
    private var maildirWatches = Set<Int32>()

    /// What the watcher can vouch for right now: `complete` only when inotify watches every
    /// directory and no event is waiting to be read; `generation` moves with every event read.
    public struct Watching: Sendable, Equatable {
        public var generation: UInt64
        public var complete: Bool
    }

    /// The watcher's state at this instant. Events of writes that finished before the call are
    /// already queued by the kernel: they are either counted in `generation` or still waiting
    /// (then `complete` is false), never missed.
    public func watching() -> Watching {
        lock.withLock {
            guard !stopped, !polling, watchesComplete, inotifyDescriptor >= 0 else {
                return Watching(generation: generation, complete: false)
            }
            var pending: Int32 = 0
            let queued = ioctl(inotifyDescriptor, UInt(FIONREAD), &pending) != 0 || pending > 0
            return Watching(generation: generation, complete: !queued)
        }
    }

    private func run() {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if fd >= 0 { lock.withLock { inotifyDescriptor = fd } }
        guard fd >= 0, installWatches(fd) else {
            if fd >= 0 {
                lock.withLock { inotifyDescriptor = -1 }
                close(fd)
            }
            lock.withLock { polling = true }
            return poll()
        }
        defer {
            lock.withLock { inotifyDescriptor = -1 }
            close(fd)
        }
        onSettle?()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            guard wait(fd, timeout: -1) else { continue }
            var relevant = drain(fd, &buffer)
            // Let a burst settle, then report once.
            while !isStopped, wait(fd, timeout: Self.settleMilliseconds) { relevant = drain(fd, &buffer) || relevant }
            if isStopped { return }
            // New directories need watches of their own (their files would go unseen).
            if !lock.withLock({ watchesComplete }) { _ = installWatches(fd) }
            if relevant { onChange() }
            onSettle?()
        }
    }

    /// Walks the tree adding watches; complete only if every one was added and no event asked
    /// for another walk meanwhile.
    private func installWatches(_ fd: Int32) -> Bool {
        let before = lock.withLock { structureChanges }
        let (added, complete) = addWatches(fd)
        lock.withLock { if complete && structureChanges == before { watchesComplete = true } }
        return added
    }

    /// Waits until `fd` is readable (true) or the timeout passes or `stop` is called (false).
    private func wait(_ fd: Int32, timeout: Int32) -> Bool {
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: stopPipe[0], events: Int16(POLLIN), revents: 0)]
        let count = Glibc.poll(&fds, 2, timeout)
        return count > 0 && fds[0].revents != 0 && fds[1].revents == 0
    }

    /// Reads pending events; true when one concerns an article file or a directory.
    /// Under the lock, so `watching()` never sees events read but not yet counted.
    private func drain(_ fd: Int32, _ buffer: inout [UInt8]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        var relevant = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return relevant }
            buffer.withUnsafeBytes { raw in
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    generation &+= 1
                    if mask & UInt32(IN_ISDIR | IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT) != 0 {
                        watchesComplete = false
                        structureChanges &+= 1
                    }
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let name = raw[nameStart..<min(count, nameStart + length)].prefix { $0 != 0 }
                    let watch = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    if isRelevant(name, mask: mask, inMaildir: maildirWatches.contains(watch)) || mask & UInt32(IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                        relevant = true
                    }
                    offset = nameStart + length
                }
            }
        }
    }

    /// Whether an event on `name` matters: a file `FileDiscovery` would load (`ArticleFileName`,
    /// anything in a Maildir folder, a name with no extension that may be a wire file or mailbox) or a
    /// directory; with a prefix, a name that has it.
    private func isRelevant(_ name: Slice<UnsafeRawBufferPointer>, mask: UInt32, inMaildir: Bool) -> Bool {
        if let namePrefix { return name.starts(with: namePrefix) }
        if mask & UInt32(IN_ISDIR) != 0 { return true }
        guard let first = name.first, first != UInt8(ascii: ".") else { return false }
        return inMaildir || ArticleFileName.isArticle(name) || ArticleFileName.isUnnamedCandidate(name)
    }

    /// Watches every directory under the roots; `added` false when the kernel refuses (too many
    /// watches), `complete` false when any directory could not be watched or listed.
    private func addWatches(_ fd: Int32) -> (added: Bool, complete: Bool) {
        var complete = true
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
            | IN_DELETE_SELF | IN_MOVE_SELF)
        var pending = roots
        var seen = Set<String>()
        while let directory = pending.popLast() {
            guard seen.insert(directory).inserted else { continue }
            let watch = inotify_add_watch(fd, directory, mask)
            if watch < 0 {
                if errno == ENOSPC || errno == ENOMEM { return (false, false) }
                complete = false
                continue
            }
            if namePrefix == nil, FileDiscovery.isMaildirFolder(directory) { lock.withLock { _ = maildirWatches.insert(watch) } }
            guard let handle = opendir(directory) else {
                complete = false
                continue
            }
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                guard !name.hasPrefix(".") || MaildirPlusPlus.isFolder(path: path, name: name) else { continue }
                var info = stat()
                if entry.pointee.d_type == UInt8(DT_DIR) || (entry.pointee.d_type != UInt8(DT_REG) && stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR) {
                    pending.append(path)
                }
            }
            closedir(handle)
        }
        return (true, complete)
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
            for value in [stat.device, stat.inode, stat.size, stat.changedNanoseconds] { hash = (hash ^ value) &* 0x0000_0100_0000_01B3 }
        }
        return hash
    }

    deinit {
        close(stopPipe[0])
        close(stopPipe[1])
    }
}
