import ArgumentParser
import Foundation
import GazetteCore

/// `--data DIR`, shared by every subcommand, and loading the archive it names.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("A data directory (repeatable).", valueName: "DIR"))
    var directories: [String] = []

    @Option(name: .customLong("config"), help: ArgumentHelp(
        "The config file (default $XDG_CONFIG_HOME/gazette/config.toml, ~/.config/gazette/config.toml).", valueName: "FILE"))
    var configFile: String?

    @Flag(name: .customLong("no-cache"), help: "Read every file; neither use nor write the snapshot in ~/.cache/gazette.")
    var noCache = false

    /// The directories to load, after the environment and defaults are applied.
    func resolvedDirectories() -> [String] {
        DataDirectories.resolve(
            explicit: directories,
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath
        )
    }

    /// Loads the archive or exits with status 2 and a message naming the directory.
    func loadArchive(progress: (@Sendable (LoadProgress) -> Void)? = nil) throws -> LoadedArchive {
        do {
            return try ArchiveLoader.load(directories: resolvedDirectories(), progress: progress)
        } catch {
            StandardError.write("gazette: \(error)\n")
            throw ExitCode(2)
        }
    }

    /// The snapshot file for these directories, or nil with `--no-cache` (or no home directory).
    func snapshotPath(evenWithNoCache: Bool = false) -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard !noCache || evenWithNoCache, let cache = SnapshotCache.directory(environment: environment) else { return nil }
        return SnapshotCache.path(for: resolvedDirectories(), currentDirectory: FileManager.default.currentDirectoryPath, in: cache)
    }

    /// The socket a watcher of these directories serves (made private if missing); nil without a cache.
    func watchSocketPath() -> String? {
        snapshotPath().flatMap { WatchSocket.path(forSnapshot: $0, environment: ProcessInfo.processInfo.environment, create: true) }
    }

    /// Loads the store through the snapshot (see `CachedLoader`); a fresh load's full-text index
    /// builds in the background, so commands whose query has no words never wait for it.
    /// Snapshot problems are warned about on stderr; call `finish` on the result before exiting.
    func loadStore(progress: (@Sendable (LoadProgress) -> Void)? = nil) throws -> CachedLoad {
        do {
            let snapshot = snapshotPath()
            // A running watcher (`gazette watch`, an open browser) may vouch for the files: no walk.
            let vouch = snapshot.map { WatchClient.vouch(forSnapshot: $0, environment: ProcessInfo.processInfo.environment) }
            let load = try CachedLoader.load(directories: resolvedDirectories(), snapshotPath: snapshot, progress: progress, vouch: vouch)
            for note in load.notes { StandardError.write("gazette: \(note)\n") }
            return load
        } catch {
            StandardError.write("gazette: \(error)\n")
            throw ExitCode(2)
        }
    }
}

extension CachedLoad {
    /// Waits for the new snapshot to be written, after closing stdout so a pipe's reader is not kept waiting.
    func finish() {
        guard let write else { return }
        StandardOutput.flush()
        // Points stdout at /dev/null (rather than closing it) so a later write cannot fail.
        let null = open("/dev/null", O_WRONLY)
        if null >= 0 {
            dup2(null, STDOUT_FILENO)
            close(null)
        }
        if let error = write.wait() { StandardError.write("gazette: \(error)\n") }
    }
}

/// Parses query words given on the command line, or exits with status 2 pointing at the problem.
func parseQuery(_ words: [String]) throws -> Query {
    let text = words.joined(separator: " ")
    do {
        return try Query.parse(text)
    } catch {
        StandardError.write("gazette: bad query: \(error)\n  \(text)\n  \(String(repeating: " ", count: max(0, error.column - 1)))^\n")
        throw ExitCode(2)
    }
}
