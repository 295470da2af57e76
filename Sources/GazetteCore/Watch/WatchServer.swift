import Foundation

/// Why a watcher could not serve its socket.
public enum WatchServerError: Error, CustomStringConvertible, Sendable {
    /// Another live watcher serves these data directories.
    case alreadyServed(socket: String)
    case cannotServe(socket: String, reason: String)

    public var description: String {
        switch self {
        case .alreadyServed(let socket): "another watcher already serves these data directories (\(socket))"
        case .cannotServe(let socket, let reason): "cannot serve \(socket): \(reason)"
        }
    }
}

/// Serves one Unix socket, answering each connection of the same user with `answer()`.
///
/// A lock file beside the socket (`flock`, released by the kernel when the process dies) makes
/// one watcher per socket: a second one is refused while the first lives, and takes over the
/// socket file a dead one left behind. Connections from other users are closed unanswered.
public final class WatchServer: Sendable {
    private let socketPath: String
    private let listener: Int32
    private let lockDescriptor: Int32
    private let stopPipe: (read: Int32, write: Int32)
    private let finished = DispatchSemaphore(value: 0)
    private let stopped = LockedValue(false)

    /// Binds `socketPath` (mode 0600) and answers on a thread of its own until `stop`.
    public init(socketPath: String, answer: @escaping @Sendable () -> WatchProtocol.Answer) throws(WatchServerError) {
        self.socketPath = socketPath
        func fail(_ what: String) -> WatchServerError { .cannotServe(socket: socketPath, reason: what + ": " + String(cString: strerror(errno))) }
        guard let address = WatchSocket.address(socketPath) else { throw .cannotServe(socket: socketPath, reason: "path too long") }
        let lock = open(socketPath + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw fail("lock file") }
        guard flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            close(lock)
            throw .alreadyServed(socket: socketPath)
        }
        // The lock is ours: any socket file left is a dead watcher's.
        unlink(socketPath)
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else {
            close(lock)
            throw fail("socket")
        }
        let mask = umask(0o177)
        let bound = WatchSocket.withSocketAddress(address) { bind(listener, $0, $1) }
        umask(mask)
        guard bound == 0, chmod(socketPath, 0o600) == 0, listen(listener, 64) == 0 else {
            let error = fail("bind")
            close(listener)
            close(lock)
            throw error
        }
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else {
            let error = fail("pipe")
            unlink(socketPath)
            close(listener)
            close(lock)
            throw error
        }
        self.listener = listener
        lockDescriptor = lock
        stopPipe = (pipeEnds[0], pipeEnds[1])
        for descriptor in pipeEnds { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let thread = Thread { [self] in
            serve(answer)
            finished.signal()
        }
        thread.name = "gazette-watch-socket"
        thread.start()
    }

    /// Stops answering, removes the socket file and releases the lock. Safe to call twice.
    public func stop() {
        guard !stopped.update({ was in defer { was = true }; return was }) else { return }
        var byte: UInt8 = 1
        _ = write(stopPipe.write, &byte, 1)
        finished.wait()
        unlink(socketPath)
        close(listener)
        close(stopPipe.read)
        close(stopPipe.write)
        close(lockDescriptor)
    }

    deinit { stop() }

    private func serve(_ answer: @Sendable () -> WatchProtocol.Answer) {
        while true {
            var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0), pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0)]
            guard Glibc.poll(&fds, 2, -1) >= 0 || errno == EINTR else { return }
            if fds[1].revents != 0 { return }
            guard fds[0].revents != 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            respond(connection, answer)
            close(connection)
        }
    }

    /// One request, one answer. A client that sends nothing is dropped after 200 ms.
    private func respond(_ connection: Int32, _ answer: @Sendable () -> WatchProtocol.Answer) {
        guard WatchSocket.peerUser(connection) == getuid() else { return }
        WatchSocket.setTimeouts(connection, milliseconds: 200)
        guard let line = WatchSocket.readLine(connection, deadline: .now + .milliseconds(200)),
              WatchProtocol.isRequest(line) else {
            _ = WatchSocket.send(connection, WatchProtocol.encode(.unknown))
            return
        }
        _ = WatchSocket.send(connection, WatchProtocol.encode(answer()))
    }
}
