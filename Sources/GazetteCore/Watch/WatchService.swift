import Foundation

/// A `DirectoryWatcher` over the data directories that also answers the CLI on a Unix socket:
/// what the browser runs while open and `gazette watch` runs in the foreground.
public final class WatchService: Sendable {
    private let watcher: DirectoryWatcher
    /// The comparison with the snapshot; nil without a snapshot (`--no-cache`).
    public let vouch: WatchVouch?
    /// nil when not serving (no snapshot, no private socket directory, or another watcher serves).
    private let server: WatchServer?
    /// Why the socket is not served, when it is not.
    public let serveError: WatchServerError?

    /// Watches `directories`, calling `onChange` after article files change (live reload).
    /// With a `socketPath`, serves it; `refresh` runs after changes, before comparing with the snapshot.
    public init(directories: [String], snapshotPath: String?, socketPath: String?,
                refresh: (@Sendable () -> Void)? = nil, onChange: @escaping @Sendable () -> Void) {
        let box = LockedValue<DirectoryWatcher?>(nil)
        let vouch = snapshotPath.map { path in
            WatchVouch(directories: directories, snapshotPath: path, refresh: refresh) {
                box.value?.watching() ?? DirectoryWatcher.Watching(generation: 0, complete: false)
            }
        }
        // Serving before watching: a question asked meanwhile is answered "unknown".
        var server: WatchServer?
        var serveError: WatchServerError?
        if let vouch, let socketPath {
            do {
                server = try WatchServer(socketPath: socketPath) { vouch.answer() }
            } catch {
                serveError = error
            }
        }
        watcher = DirectoryWatcher(roots: directories, onSettle: { vouch?.compareSoon(afterChanges: true) }, onChange: onChange)
        box.set(watcher)
        self.vouch = vouch
        self.server = server
        self.serveError = serveError
    }

    /// True while the socket is served.
    public var isServing: Bool { server != nil }

    /// The watcher's state (see `DirectoryWatcher.watching`).
    public func watching() -> DirectoryWatcher.Watching { watcher.watching() }

    /// True when inotify could not be used: the service then never vouches.
    public var isPolling: Bool { watcher.isPolling }

    /// Stops serving and watching; the socket file is removed.
    public func stop() {
        server?.stop()
        watcher.stop()
    }
}
