import ArgumentParser
import GazetteBenchKit

extension CorpusFormat: ExpressibleByArgument {}

/// `gazette-bench generate`: writes a deterministic corpus.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic synthetic corpus (same seed, same bytes).",
        discussion: """
            --articles counts every article written, including about 1% planted duplicates \
            (verbatim repeats of an article from an earlier file), so a loader finds \
            ARTICLES - DUPLICATES distinct articles. A summary is kept in OUT/.gazette-corpus.
            """)

    @Option(help: "Articles to write, planted duplicates included.")
    var articles: Int

    @Option(help: "Directory to write into (created if missing; its parent must exist).")
    var out: String

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(help: "canonical (one article per file) or dump (about 200 posts per file).")
    var format: CorpusFormat = .canonical

    @Flag(help: "Replace a corpus generated in OUT before.")
    var force = false

    func validate() throws {
        guard articles >= 0 else { throw ValidationError("--articles must not be negative") }
    }

    func run() throws {
        let (seconds, summary) = try MonotonicClock.time {
            try CorpusGenerator(articles: articles, seed: seed, format: format).write(to: out, force: force)
        }
        print("""
            wrote \(summary.files) files in \(summary.directories) directories under \(out) \
            (\(summary.format.rawValue), seed \(summary.seed))
            articles written: \(summary.entries), planted duplicates: \(summary.duplicates), \
            distinct: \(summary.articles)
            bytes: \(summary.bytes) in \(String(format: "%.2f", seconds)) s
            """)
    }
}
