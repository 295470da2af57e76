import Foundation
import ArgumentParser
import GazetteBenchKit
import GazetteCore
import GazetteUI

/// `gazette-bench profile`: one phase, once, for `valgrind --tool=callgrind` or `perf`.
struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one phase once (for a profiler): load, store (browse-ready), index (store with its full-text index), or keys (then the broad queries' last keys for --seconds; attach with perf -p after it prints ready).")

    enum Phase: String, ExpressibleByArgument { case load, store, index, keys }

    @Argument(help: "Corpus directory.")
    var directory: String

    @Option(help: "load, store or index.")
    var phase: Phase = .load

    @Option(help: "How long the keys phase types (seconds).")
    var seconds: Double = 20

    @Option(help: "The keys phase types only this query (default: the three-word query, the commonest pair and the prefix).")
    var query: String?

    func run() throws {
        let archive = try ArchiveLoader.load(directories: [directory])
        guard phase != .load else { return print("loaded \(archive.articles.count) articles") }
        let store = ArticleStore(articles: archive.articles, textIndexInBackground: phase == .store)
        print("stored \(store.count) articles")
        guard phase == .keys else { return }
        let words = CorpusWords(store: store)
        let queries = query.map { [$0] } ?? [words.threeWords.joined(separator: " "), "\"" + words.commonPhrase.joined(separator: " ") + "\"",
                                              String(words.frequent.prefix(3)) + "*"]
        // Each query typed but for its last key, which the loop presses again and again (as the bench times it).
        var typed = [(app: BenchApp, last: Character)]()
        for text in queries {
            var app = BenchApp(store: store)
            app.type(String(text.dropLast()))
            typed.append((app, text.last!))
        }
        // Unbuffered, so a script waiting for it sees it at once.
        FileHandle.standardOutput.write(Data("ready\n".utf8))
        let end = MonotonicClock.nanoseconds() + UInt64(seconds * 1e9)
        var keys = 0
        while MonotonicClock.nanoseconds() < end {
            for (app, last) in typed {
                var copy = app
                copy.send(.promptInsert(last))
                _ = copy.frame()
                keys += 1
            }
        }
        print("typed \(keys) keys")
    }
}
