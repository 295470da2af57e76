import Foundation

/// Asks the watcher of a snapshot (if one runs) whether the data directories are unchanged.
///
/// Every failure — no socket, a stale socket file, a refused or slow connection, another user's
/// process, a garbled or other-version answer — is no answer: the caller then checks the files
/// itself, exactly as without a watcher.
public enum WatchClient {
    /// How long the CLI waits for a watcher at most (a walk of 100k files costs ~250 ms).
    public static let timeoutMilliseconds = 50

    /// The watcher's answer at `socketPath`, or nil.
    public static func ask(socketPath: String, timeoutMilliseconds: Int = timeoutMilliseconds) -> WatchProtocol.Answer? {
        guard let address = WatchSocket.address(socketPath) else { return nil }
        let deadline = ContinuousClock.now + .milliseconds(timeoutMilliseconds)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        WatchSocket.setTimeouts(descriptor, milliseconds: timeoutMilliseconds)
        guard WatchSocket.withSocketAddress(address, { connect(descriptor, $0, $1) }) == 0,
              WatchSocket.peerUser(descriptor) == getuid(),
              WatchSocket.send(descriptor, WatchProtocol.request),
              let line = WatchSocket.readLine(descriptor, deadline: deadline) else { return nil }
        return WatchProtocol.decode(line)
    }

    /// For `CachedLoader.load(vouch:)`: true when the watcher of `snapshotPath` says the data
    /// directories are exactly as the snapshot with the given identity records them.
    public static func vouch(forSnapshot snapshotPath: String, environment: [String: String]) -> @Sendable ([UInt64]) -> Bool {
        { identity in
            guard let socketPath = WatchSocket.path(forSnapshot: snapshotPath, environment: environment, create: false),
                  case .clean(let vouched)? = ask(socketPath: socketPath) else { return false }
            return vouched == identity
        }
    }
}
