import Foundation
import GazetteCore

extension BenchSuite {
    /// The store as a warm start opens it (records, orders, facets and index mapped from the
    /// snapshot) for the keystroke steps that follow, so that "keystrokes at 1M warm" are timed
    /// on what a warm start browses. The snapshot is the one in `cacheDirectory`, written by a
    /// cold load when missing or out of date; by default `$XDG_CACHE_HOME/gazette-bench`, kept
    /// between runs so a 1M corpus is loaded cold once per build of the bench. (Not the user's
    /// `gazette` cache: a snapshot belongs to the build that wrote it, and the two executables
    /// would rebuild each other's.)
    public static func warmStore(cacheDirectory: String? = nil) -> BenchStep {
        BenchStep(name: "warm-store") { context in
            guard let cache = cacheDirectory
                    ?? SnapshotCache.directory(environment: ProcessInfo.processInfo.environment).map({ $0 + "-bench" }) else {
                return []
            }
            try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
            let path = SnapshotCache.path(for: context.roots, currentDirectory: FileManager.default.currentDirectoryPath, in: cache)
            context.store = nil
            var figures: [Figure] = []
            let first = MonotonicClock.nanoseconds()
            var load = try CachedLoader.load(directories: context.roots, snapshotPath: path)
            if load.kind != .warm {
                // Written now (cold, or refreshed), then opened as a warm start would.
                load.store.waitUntilTextIndexReady()
                if let error = load.write?.wait() { throw error }
                figures.append(Figure("warm store: snapshot written first (once)", .time(Sample(seconds: [seconds(first, MonotonicClock.nanoseconds())]))))
            }
            let start = MonotonicClock.nanoseconds()
            load = try CachedLoader.load(directories: context.roots, snapshotPath: path)
            precondition(load.kind == .warm, "the snapshot was used")
            load.store.waitUntilTextIndexReady()
            figures.append(Figure("warm store: walk+stat+open, index verified", .time(Sample(seconds: [seconds(start, MonotonicClock.nanoseconds())]))))
            context.store = load.store
            context.articles = load.store.count
            return figures
        }
    }
}
