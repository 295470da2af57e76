import ArgumentParser
import Foundation
import GazetteBenchKit
import GazetteCore

/// `gazette-bench warm-probe DIR…`: one warm start in a fresh process (as `gazette` would do it:
/// snapshot opened, first frame drawn, a word query answered), then its memory as
/// `rss=… pss=… private_dirty=… anonymous=…` in bytes. Used by `run`; needs XDG_CACHE_HOME.
struct WarmProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "warm-probe", abstract: "Memory of one warm start (used by `run`).",
                                                    shouldDisplay: false)

    @Argument var directories: [String]

    func run() throws {
        guard let cache = SnapshotCache.directory(environment: ProcessInfo.processInfo.environment) else { throw ExitCode(2) }
        let path = SnapshotCache.path(for: directories, currentDirectory: FileManager.default.currentDirectoryPath, in: cache)
        let load = try CachedLoader.load(directories: directories, snapshotPath: path)
        _ = BenchApp.firstFrame(store: load.store, width: 120, height: 40)
        let words = CorpusWords(store: load.store, sample: 200)
        _ = load.store.evaluate(try Query.parse(words.frequent))
        _ = load.write?.wait()
        guard let rollup = ResidentMemory.rollup() else { throw ExitCode(1) }
        print("kind=\(load.kind == .warm ? 1 : 0) rss=\(rollup.resident) pss=\(rollup.proportional) private_dirty=\(rollup.privateDirty) anonymous=\(rollup.anonymous)")
    }
}
