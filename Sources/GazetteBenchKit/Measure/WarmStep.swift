import Foundation
import GazetteCore
import GazetteUI

extension BenchSuite {
    /// Cold vs warm: writes a snapshot into a private cache directory, then times warm starts
    /// (walk + stat + open the mapped snapshot → first frame, with a word and a phrase query
    /// answered), a refresh after 1% of the files were touched, the CLI on a warm cache, and a
    /// warm process's memory (resident, proportional, private dirty) in a child process.
    ///
    /// Touching changes only mtimes (the bytes and the baseline stay the same); each touched file
    /// is re-read and re-parsed as if edited.
    public static func warm(width: Int = 120, height: Int = 40, probe: WarmProbe? = nil) -> BenchStep {
        BenchStep(name: "warm") { context in
            let cacheRoot = NSTemporaryDirectory() + "gazette-bench-cache-\(getpid())"
            defer { try? FileManager.default.removeItem(atPath: cacheRoot) }
            let cache = cacheRoot + "/gazette"
            let roots = context.roots
            let snapshot = SnapshotCache.path(for: roots, currentDirectory: FileManager.default.currentDirectoryPath, in: cache)
            context.store = nil
            var figures: [Figure] = []

            // The cold load that writes the snapshot; the write is timed after the index is ready.
            let first = try CachedLoader.load(directories: roots, snapshotPath: snapshot)
            first.store.waitUntilTextIndexReady()
            let writeStart = MonotonicClock.nanoseconds()
            if let error = first.write?.wait() { throw error }
            figures.append(Figure("snapshot write (after the index)", .time(Sample(seconds: [seconds(writeStart, MonotonicClock.nanoseconds())]))))
            let size = (try? FileManager.default.attributesOfItem(atPath: snapshot)[.size] as? Int) ?? 0
            figures.append(Figure("snapshot file size", .bytes(size)))
            let words = context.words ?? CorpusWords(store: first.store)
            let queries = try [Query.parse(words.frequent), Query.parse("\"" + words.phrase.joined(separator: " ") + "\"")]

            // The UI's start: the snapshot as last written → first frame; word search once its
            // text sections are verified; the files are checked afterwards (a live reload).
            var uiFrame = [Double](), uiSearch = [Double]()
            for _ in 0..<context.repetitions {
                let start = MonotonicClock.nanoseconds()
                guard let opened = CachedLoader.openSnapshot(directories: roots, snapshotPath: snapshot) else {
                    preconditionFailure("the snapshot opens")
                }
                precondition(BenchApp.firstFrame(store: opened.load.store, width: width, height: height).width == width, "the frame was drawn")
                let drawn = MonotonicClock.nanoseconds()
                precondition(opened.finishVerification(), "the snapshot verifies")
                for query in queries { precondition(!opened.load.store.evaluate(query).indices.isEmpty, "the query matched") }
                let answered = MonotonicClock.nanoseconds()
                uiFrame.append(seconds(start, drawn))
                uiSearch.append(seconds(start, answered))
            }
            figures += [
                Figure("warm UI: open snapshot + first full frame", .time(Sample(seconds: uiFrame)), target: .ratioAtMost(0.15)),
                Figure("warm UI: + text verified, word and phrase answered", .time(Sample(seconds: uiSearch)), target: .ratioAtMost(0.15)),
            ]

            var open = [Double](), frame = [Double](), searched = [Double]()
            for _ in 0..<context.repetitions {
                let start = MonotonicClock.nanoseconds()
                let load = try CachedLoader.load(directories: roots, snapshotPath: snapshot)
                precondition(load.kind == .warm, "the snapshot was used")
                let opened = MonotonicClock.nanoseconds()
                precondition(BenchApp.firstFrame(store: load.store, width: width, height: height).width == width, "the frame was drawn")
                let drawn = MonotonicClock.nanoseconds()
                for query in queries { precondition(!load.store.evaluate(query).indices.isEmpty, "the query matched") }
                let answered = MonotonicClock.nanoseconds()
                open.append(seconds(start, opened))
                frame.append(seconds(start, drawn))
                searched.append(seconds(start, answered))
            }
            figures += [
                Figure("warm checked: walk+stat+open+verify", .time(Sample(seconds: open))),
                Figure("warm checked: + first full frame", .time(Sample(seconds: frame))),
                Figure("warm checked: + word and phrase answered", .time(Sample(seconds: searched))),
            ]

            // Refresh: 1% of the files touched, re-read, merged, store rebuilt; snapshot rewritten untimed.
            var refreshFrame = [Double](), refreshSearch = [Double]()
            let touched = stride(from: 0, to: context.files.count, by: 100).map { context.files[$0] }
            for _ in 0..<context.repetitions {
                for path in touched { utimensat(AT_FDCWD, path, nil, 0) }
                let start = MonotonicClock.nanoseconds()
                let load = try CachedLoader.load(directories: roots, snapshotPath: snapshot)
                _ = BenchApp.firstFrame(store: load.store, width: width, height: height)
                let drawn = MonotonicClock.nanoseconds()
                load.store.waitUntilTextIndexReady()
                let searchable = MonotonicClock.nanoseconds()
                refreshFrame.append(seconds(start, drawn))
                refreshSearch.append(seconds(start, searchable))
                if let error = load.write?.wait() { throw error }
            }
            figures += [
                Figure("refresh, 1% changed: first full frame", .time(Sample(seconds: refreshFrame))),
                Figure("refresh, 1% changed: search ready", .time(Sample(seconds: refreshSearch))),
            ]
            if let probe { figures += try probe.measure(roots: roots, cacheRoot: cacheRoot, word: words.frequent, repetitions: context.repetitions) }
            return figures
        }
    }
}

/// Runs warm processes: the bench's own `warm-probe` (memory of a warm UI start) and the
/// `gazette` CLI (`list WORD --limit 20`, `show ID`), timed from spawn to exit.
public struct WarmProbe: Sendable {
    /// The `gazette-bench` executable (it has a `warm-probe` subcommand).
    public var bench: String
    /// The `gazette` executable, when built beside it.
    public var gazette: String?

    public init(bench: String, gazette: String?) {
        self.bench = bench
        self.gazette = gazette
    }

    func measure(roots: [String], cacheRoot: String, word: String, repetitions: Int) throws -> [Figure] {
        var figures: [Figure] = []
        let output = try run(bench, ["warm-probe"] + roots, cacheRoot: cacheRoot).output
        let fields = Dictionary(uniqueKeysWithValues: output.split(separator: " ").compactMap { pair -> (String, Int)? in
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let value = Int(parts[1].trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
            return (String(parts[0]), value)
        })
        if let rss = fields["rss"], let pss = fields["pss"], let dirty = fields["private_dirty"], let anonymous = fields["anonymous"] {
            figures += [
                Figure("warm process: resident (RSS)", .bytes(rss)),
                Figure("warm process: proportional (PSS)", .bytes(pss)),
                Figure("warm process: private dirty", .bytes(dirty)),
                Figure("warm process: anonymous", .bytes(anonymous)),
            ]
        }
        guard let gazette else { return figures }
        let data = roots.flatMap { ["--data", $0] }
        // `gazette` is another build than this bench: its first run rebuilds the snapshot as its own.
        _ = try run(gazette, ["list", "--limit", "1"] + data, cacheRoot: cacheRoot)
        figures += try measureCLI(gazette, data: data, cacheRoot: cacheRoot, word: word, repetitions: repetitions, label: "warm CLI")
        // The same with `gazette watch` running: it vouches for the files, so no walk.
        let watcher = try start(gazette, ["watch"] + data, cacheRoot: cacheRoot)
        defer {
            kill(watcher.processIdentifier, SIGTERM)
            watcher.waitUntilExit()
        }
        let snapshot = SnapshotCache.path(for: roots, currentDirectory: FileManager.default.currentDirectoryPath, in: cacheRoot + "/gazette")
        let socket = WatchSocket.path(forSnapshot: snapshot, environment: ["XDG_RUNTIME_DIR": Self.runtimeDirectory(cacheRoot)], create: false)
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            if let socket, case .clean? = WatchClient.ask(socketPath: socket, timeoutMilliseconds: 1000) { break }
            usleep(50_000)
        }
        figures += try measureCLI(gazette, data: data, cacheRoot: cacheRoot, word: word, repetitions: repetitions, label: "warm CLI + watcher")
        return figures
    }

    /// `list WORD --limit 20` and `show ID`, spawn to exit, wall and CPU.
    private func measureCLI(_ gazette: String, data: [String], cacheRoot: String, word: String, repetitions: Int, label: String) throws -> [Figure] {
        var figures: [Figure] = []
        var list = [Double](), show = [Double]()
        var listCPU = [Double](), showCPU = [Double]()
        var id: String?
        for _ in 0..<max(3, repetitions) {
            let listed = try run(gazette, ["list", word, "--limit", "20"] + data, cacheRoot: cacheRoot)
            list.append(listed.seconds)
            listCPU.append(listed.cpu)
            id = id ?? listed.output.split(separator: " ").first.map(String.init)
            if let id {
                let shown = try run(gazette, ["show", id] + data, cacheRoot: cacheRoot)
                show.append(shown.seconds)
                showCPU.append(shown.cpu)
            }
        }
        figures.append(Figure("\(label): gazette list WORD --limit 20", .time(Sample(seconds: list))))
        // CPU (user + system) moves far less than wall time on a shared machine.
        figures.append(Figure("\(label): list, CPU user+sys", .time(Sample(seconds: listCPU))))
        if !show.isEmpty {
            figures.append(Figure("\(label): gazette show ID", .time(Sample(seconds: show))))
            figures.append(Figure("\(label): show, CPU user+sys", .time(Sample(seconds: showCPU))))
        }
        return figures
    }

    /// A private `XDG_RUNTIME_DIR` (where a watcher's socket lives) under the bench's cache.
    private static func runtimeDirectory(_ cacheRoot: String) -> String {
        let path = cacheRoot + "/run"
        mkdir(path, 0o700)
        return path
    }

    private func environment(cacheRoot: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = cacheRoot
        environment["XDG_RUNTIME_DIR"] = Self.runtimeDirectory(cacheRoot)
        return environment
    }

    /// Starts a process in the background (output discarded).
    private func start(_ executable: String, _ arguments: [String], cacheRoot: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment(cacheRoot: cacheRoot)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func run(_ executable: String, _ arguments: [String], cacheRoot: String) throws -> (output: String, seconds: Double, cpu: Double) {
        let run = try TimedSpawn.run(executable, arguments, environment: environment(cacheRoot: cacheRoot))
        guard run.status == 0 else { throw BenchError.commandFailed(([executable] + arguments).joined(separator: " "), status: run.status) }
        return (run.output, run.seconds, run.cpu)
    }
}
