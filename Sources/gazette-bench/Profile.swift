import Foundation
import ArgumentParser
import GazetteBenchKit
import GazetteCore
import GazetteUI

/// `gazette-bench profile`: one phase, once, for `valgrind --tool=callgrind` or `perf`.
struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one phase once (for a profiler): load, store (browse-ready), index (store with its full-text index), keys (then the broad queries' last keys for --seconds; attach with perf -p after it prints ready), refresh (through a snapshot kept under $TMPDIR, three refreshes after 1% of the files were touched; this touches the corpus), or reading (the rare and the frequent word answered by reading the articles, for --seconds each, the index built).")

    enum Phase: String, ExpressibleByArgument { case load, store, index, keys, refresh, reading }

    @Argument(help: "Corpus directory.")
    var directory: String

    @Option(help: "load, store, index, keys, refresh or reading.")
    var phase: Phase = .load

    @Option(help: "How long the keys phase types (seconds).")
    var seconds: Double = 20

    @Option(help: "The keys phase types these queries, each in turn for --seconds (default: the three-word query, the commonest pair and the prefix, together).")
    var query: [String] = []

    func run() throws {
        if phase == .refresh { return try refresh() }
        let archive = try ArchiveLoader.load(directories: [directory])
        guard phase != .load else { return print("loaded \(archive.articles.count) articles") }
        let store = ArticleStore(articles: archive.articles, textIndexInBackground: phase == .store)
        print("stored \(store.count) articles")
        guard phase == .keys || phase == .reading else { return }
        let words = CorpusWords(store: store)
        if phase == .reading {
            for word in query.isEmpty ? [words.rare, words.frequent] : query {
                let parsed = try Query.parse(word)
                let start = MonotonicClock.nanoseconds()
                var runs = 0, matches = 0
                while MonotonicClock.nanoseconds() < start + UInt64(seconds * 1e9) {
                    matches = store.evaluateByReading(parsed).count
                    runs += 1
                }
                let each = Double(MonotonicClock.nanoseconds() - start) / 1e6 / Double(runs)
                print("\(word) → \(matches): \(runs) runs, \(String(format: "%.1f", each)) ms each")
            }
            return
        }
        let queries = !query.isEmpty ? query : [words.threeWords.joined(separator: " "), "\"" + words.commonPhrase.joined(separator: " ") + "\"",
                                              String(words.frequent.prefix(3)) + "*"]
        // Each query typed but for its last key, which the loop presses again and again (as the
        // bench times it); with queries named, each is timed on its own.
        var typed = [(app: BenchApp, last: Character, text: String)]()
        for text in queries {
            var app = BenchApp(store: store)
            app.type(String(text.dropLast()))
            typed.append((app, text.last!, text))
        }
        // Unbuffered, so a script waiting for it sees it at once.
        FileHandle.standardOutput.write(Data("ready\n".utf8))
        for group in query.isEmpty ? [typed] : typed.map({ [$0] }) {
            let start = MonotonicClock.nanoseconds(), cpuStart = Self.processCPUSeconds()
            let end = start + UInt64(seconds * 1e9)
            var keys = 0, shown = 0
            while MonotonicClock.nanoseconds() < end {
                for (app, last, _) in group {
                    var copy = app
                    copy.send(.promptInsert(last))
                    _ = copy.frame()
                    shown = copy.shown
                    keys += 1
                }
            }
            // CPU time per key is less bent by other processes' load than wall time (the bench's figure).
            let wall = Double(MonotonicClock.nanoseconds() - start) / 1e9, cpu = Self.processCPUSeconds() - cpuStart
            let name = group.count == 1 ? "\(group[0].text) → \(shown)" : "\(group.count) queries"
            print("\(name): \(keys) keys, \(String(format: "%.2f", wall / Double(keys) * 1e3)) ms wall, \(String(format: "%.2f", cpu / Double(keys) * 1e3)) ms CPU per key")
        }
    }

    /// Three refreshes after 1% of the files were touched (as the bench's warm step), each timed
    /// by phase; the snapshot is kept between runs, so a profiled run after the first starts warm.
    private func refresh() throws {
        let cache = NSTemporaryDirectory() + "gazette-profile-cache-\(getuid())"
        let snapshot = SnapshotCache.path(for: [directory], currentDirectory: FileManager.default.currentDirectoryPath, in: cache)
        let first = try CachedLoader.load(directories: [directory], snapshotPath: snapshot)
        if let error = first.write?.wait() { throw error }
        print("ready (\(first.kind))")
        let files = try ArchiveLoader.discoverFiles(in: [directory]).files
        func milliseconds(_ from: UInt64, _ to: UInt64) -> String { String(format: "%.1f ms", Double(to - from) / 1e6) }
        for _ in 0..<3 {
            for index in stride(from: 0, to: files.count, by: 100) { utimensat(AT_FDCWD, files[index], nil, 0) }
            let start = MonotonicClock.nanoseconds()
            let load = try CachedLoader.load(directories: [directory], snapshotPath: snapshot)
            let loaded = MonotonicClock.nanoseconds()
            _ = BenchApp.firstFrame(store: load.store, width: 120, height: 40)
            let drawn = MonotonicClock.nanoseconds()
            load.store.waitUntilTextIndexReady()
            let searchable = MonotonicClock.nanoseconds()
            if let error = load.write?.wait() { throw error }
            let written = MonotonicClock.nanoseconds()
            print("\(load.kind): load \(milliseconds(start, loaded)), first frame \(milliseconds(start, drawn)), "
                  + "search ready \(milliseconds(start, searchable)), written \(milliseconds(start, written))")
        }
    }

    private static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
