import ArgumentParser
import Foundation
import GazetteCore
import GazetteState
import GazetteUI

/// `gazette watch`: keeps the data directories watched so that `list`, `show`, `tags` and
/// `check` need not walk them (see `WatchService`). Runs in the foreground until interrupted.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch the data directories and keep the snapshot fresh, so other commands skip their check of the files.",
        discussion: """
            Runs in the foreground until interrupted (Ctrl-C, SIGTERM): start it with & or as a \
            systemd user service. While it runs, a command that finds the files unchanged answers \
            without listing and stat-ing them; after an edit it rewrites the snapshot. The browser \
            does the same while it is open. One watcher per set of data directories.
            """
    )

    @OptionGroup var data: DataOptions

    func run() throws {
        // Blocked before any thread starts, so every thread inherits the mask and `sigwait` gets them.
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)

        let environment = ProcessInfo.processInfo.environment
        guard let snapshotPath = data.snapshotPath() else {
            StandardError.write("gazette: watch keeps the snapshot fresh, so it needs the cache (no --no-cache; HOME or XDG_CACHE_HOME set)\n")
            throw ExitCode(2)
        }
        guard let socketPath = WatchSocket.path(forSnapshot: snapshotPath, environment: environment, create: true) else {
            StandardError.write("gazette: no private directory for the watcher's socket ($XDG_RUNTIME_DIR/gazette or beside \(snapshotPath))\n")
            throw ExitCode(2)
        }
        let directories = data.resolvedDirectories()
        let executable = ExecutableCheck()
        let service = WatchService(directories: directories, snapshotPath: snapshotPath, socketPath: socketPath, refresh: {
            // A snapshot is one build's: after an upgrade, this old process must leave it to the new one.
            if executable.wasReplaced() { return }
            Self.refresh(directories, snapshotPath: snapshotPath)
        }, onChange: {})
        if let error = service.serveError {
            service.stop()
            StandardError.write("gazette: \(error)\n")
            throw ExitCode(1)
        }
        // The watcher installs its watches on its own thread: wait to know whether it can.
        for _ in 0..<200 where !service.watching().complete && !service.isPolling { usleep(10_000) }
        if service.isPolling {
            service.stop()
            StandardError.write("gazette: cannot watch the data directories with inotify (see /proc/sys/fs/inotify/max_user_watches)\n")
            throw ExitCode(1)
        }
        let names = directories.map { TerminalSafeText.sanitize($0) }.joined(separator: ", ")
        StandardError.write("gazette: watching \(names) (socket \(TerminalSafeText.sanitize(socketPath))); Ctrl-C stops\n")
        var received: Int32 = 0
        while sigwait(&signals, &received) != 0 {}
        service.stop()
    }

    /// Brings the snapshot up to date with the files (a walk when nothing changed).
    private static func refresh(_ directories: [String], snapshotPath: String) {
        do {
            let load = try CachedLoader.load(directories: directories, snapshotPath: snapshotPath)
            for note in load.notes { StandardError.write("gazette: \(note)\n") }
            if !load.edited.isEmpty {
                // The snapshot written now forgets the edited articles' former ids: their state
                // (in the default state store; the watcher has no --state) moves first.
                let directory = StateLocation.directory(explicit: nil, environment: ProcessInfo.processInfo.environment)
                _ = ReaderStateSession(database: StateDatabase.open(directory: directory, create: false), store: load.store,
                                       migrate: false, edited: load.edited)
            }
            if let error = load.write?.wait() { StandardError.write("gazette: \(error)\n") }
            if case .refreshed(let reparsed, let removed) = load.kind {
                StandardError.write("gazette: snapshot refreshed (\(reparsed) files read again, \(removed) gone)\n")
            } else if load.kind == .cold {
                StandardError.write("gazette: snapshot written (\(load.store.count) articles)\n")
            }
        } catch {
            StandardError.write("gazette: \(error)\n")
        }
    }
}

/// Notices when the installed `gazette` is no longer the running one (an upgrade or a rebuild).
private struct ExecutableCheck: Sendable {
    private let path: String?
    private let warned = LockedValue(false)

    init() {
        path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map {
            $0.hasSuffix(" (deleted)") ? String($0.dropLast(" (deleted)".count)) : $0
        }
    }

    /// True (and a warning, once) when the file at the executable's path is another file now.
    func wasReplaced() -> Bool {
        var running = stat(), installed = stat()
        guard let path, stat("/proc/self/exe", &running) == 0 else { return false }
        let replaced = stat(path, &installed) != 0 || installed.st_ino != running.st_ino || installed.st_dev != running.st_dev
            || installed.st_size != running.st_size || installed.st_mtim.tv_sec != running.st_mtim.tv_sec
            || installed.st_mtim.tv_nsec != running.st_mtim.tv_nsec
        if replaced && !warned.update({ was in defer { was = true }; return was }) {
            StandardError.write("gazette: \(path) changed since this watcher started; restart `gazette watch` (it no longer rewrites the snapshot)\n")
        }
        return replaced
    }
}
