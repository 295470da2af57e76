import ArgumentParser
import GazetteBenchKit
import GazetteCore

/// `gazette-bench profile`: one phase, once, for `valgrind --tool=callgrind` or `perf`.
struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one phase once (for a profiler): load, store (browse-ready), or index (store with its full-text index).")

    enum Phase: String, ExpressibleByArgument { case load, store, index }

    @Argument(help: "Corpus directory.")
    var directory: String

    @Option(help: "load, store or index.")
    var phase: Phase = .load

    func run() throws {
        let archive = try ArchiveLoader.load(directories: [directory])
        guard phase != .load else { return print("loaded \(archive.articles.count) articles") }
        let store = ArticleStore(articles: archive.articles, textIndexInBackground: phase != .index)
        print("stored \(store.count) articles")
    }
}
