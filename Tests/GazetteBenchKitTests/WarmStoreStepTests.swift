import Foundation
import GazetteCore
import Testing
@testable import GazetteBenchKit

@Suite("The warm-store step")
struct WarmStoreStepTests {
    @Test("writes the snapshot once, then hands the keystroke step a mapped store with the cold load's answers")
    func keystrokesRunOnTheWarmStore() throws {
        let corpus = TemporaryDirectory(), cache = TemporaryDirectory()
        _ = try CorpusGenerator(articles: 300, seed: 9).write(to: corpus.path)
        let suite = BenchSuite(steps: [BenchSuite.warmStore(cacheDirectory: cache.path), BenchSuite.keystrokes(trials: 2)])

        let first = try suite.run(roots: [corpus.path], articles: nil, repetitions: 1)
        let names = first.figures.map(\.name)
        #expect(names.contains("warm store: snapshot written first (once)"))
        #expect(names.contains("warm store: walk+stat+open, index verified"))
        #expect(names.contains { $0.hasPrefix("one-word query") }, "the keystroke step ran: \(names)")
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".gzsnap") }
        #expect(snapshots.count == 1)

        // A second run opens the snapshot left by the first: no cold load.
        let second = try suite.run(roots: [corpus.path], articles: nil, repetitions: 1)
        #expect(!second.figures.map(\.name).contains("warm store: snapshot written first (once)"))

        // The store it hands on answers as a cold load does.
        var context = BenchContext(roots: [corpus.path], files: try CorpusWalk.dataFiles([corpus.path]), corpusBytes: 0,
                                   articles: nil, repetitions: 1, baseline: nil)
        _ = try BenchSuite.warmStore(cacheDirectory: cache.path).run(&context)
        let warm = try #require(context.store)
        let cold = ArticleStore(articles: try ArchiveLoader.load(directories: [corpus.path]).articles)
        #expect(warm.count == cold.count)
        #expect(context.articles == cold.count)
        let words = CorpusWords(store: cold)
        for text in [words.frequent, "\"" + words.phrase.joined(separator: " ") + "\""] {
            let query = try Query.parse(text)
            let a = warm.evaluate(query), b = cold.evaluate(query)
            #expect(!b.indices.isEmpty, "\(text)")
            #expect(a.indices.map { warm.articles.id(at: Int($0)) } == b.indices.map { cold.articles.id(at: Int($0)) }, "\(text)")
        }
    }
}
