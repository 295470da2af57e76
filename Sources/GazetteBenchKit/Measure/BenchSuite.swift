import Foundation
import GazetteCore

/// What every measurement step sees, and what earlier steps left for later ones.
public struct BenchContext: Sendable {
    public let roots: [String]
    /// The data files, found once with the suite's discovery function.
    public let files: [String]
    public let corpusBytes: Int
    /// Distinct articles when known (generator summary now; the loaded store later).
    public var articles: Int?
    public let repetitions: Int
    /// Set by the baseline step; ratios are taken against its median.
    public var baseline: Sample?
    /// Set by the pipeline step: the store the keystroke steps work on.
    public var store: ArticleStore?
    /// Set by the keystroke step: the corpus words its queries used.
    public var words: CorpusWords?
    /// Set by the pipeline step: load + first full frame (the reader-state step's yardstick).
    public var firstFrame: Sample?
}

/// One named measurement; it may record state in the context for later steps.
public struct BenchStep: Sendable {
    public let name: String
    public let run: @Sendable (inout BenchContext) throws -> [Figure]

    public init(name: String, run: @escaping @Sendable (inout BenchContext) throws -> [Figure]) {
        self.name = name
        self.run = run
    }
}

/// An ordered list of steps run in one process; `gazette-bench run` uses `standard`.
public struct BenchSuite: Sendable {
    public var discover: FileDiscovery
    public var steps: [BenchStep]

    public init(discover: @escaping FileDiscovery = CorpusWalk.dataFiles, steps: [BenchStep]) {
        self.discover = discover
        self.steps = steps
    }

    /// Whether a corpus is at the 1M scale, whose targets are looser: 1M generated files hold
    /// ~990k distinct articles (the generator plants 1% duplicates).
    static func millionScale(_ articles: Int) -> Bool { articles >= 900_000 }

    /// The loader's own walk, so the baseline reads exactly the files a load reads.
    public static let loaderWalk: FileDiscovery = CorpusWalk.dataFiles

    /// Baseline, load → store → first frame, keystrokes, related articles, reader state, memory,
    /// then a giant body's blocks and a huge article in the app.
    public static func standard(discover: @escaping FileDiscovery = loaderWalk, keystrokeTrials: Int = 30) -> BenchSuite {
        BenchSuite(discover: discover, steps: [
            baseline(discover: discover), pipeline(), keystrokes(trials: keystrokeTrials), related(trials: keystrokeTrials),
            readerState(trials: keystrokeTrials), memory,
            // After memory: the giant body's layout would otherwise count in the archive's peak.
            bodyBlocks(), hugeArticle(trials: keystrokeTrials),
        ])
    }

    /// Walk + read every byte in parallel (one untimed warm-up so the page cache is as warm for
    /// the baseline as for what follows), plus the walk alone.
    public static func baseline(discover: @escaping FileDiscovery) -> BenchStep {
        BenchStep(name: "baseline") { context in
            let roots = context.roots
            let (sample, totals) = try Trials.measureReturning(repetitions: context.repetitions, warmup: 1) {
                try BaselineReader.walkAndRead(roots, discover: discover)
            }
            guard totals.bytes == context.corpusBytes else {
                throw BenchError.corpusChanged(expected: context.corpusBytes, read: totals.bytes)
            }
            context.baseline = sample
            let walk = try Trials.measure(repetitions: context.repetitions) { _ = try discover(roots) }
            return [Figure("baseline: walk + read all", .time(sample), target: .ratioAtMost(1)),
                    Figure("walk only", .time(walk))]
        }
    }

    /// Peak resident memory so far, per article when the count is known.
    public static let memory = BenchStep(name: "memory") { context in
        var figures = [Figure]()
        // Targets: ≤ the corpus size up to 100k articles, ≤ 1.2× at 1M.
        let factor = millionScale(context.articles ?? 0) ? 1.2 : 1.0
        if let peak = ResidentMemory.peakBytes() {
            figures.append(Figure("peak resident memory", .bytes(peak),
                                  target: .bytesAtMost(Int(Double(context.corpusBytes) * factor))))
            if let articles = context.articles, articles > 0 {
                figures.append(Figure("peak memory per article", .bytes(peak / articles)))
            }
        }
        figures.append(Figure("corpus bytes", .bytes(context.corpusBytes)))
        return figures
    }

    /// Discovers the files once, then runs every step in order.
    public func run(roots: [String], articles: Int?, repetitions: Int) throws -> BenchReport {
        let files = try discover(roots)
        let sizes = files.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        var context = BenchContext(roots: roots, files: files, corpusBytes: sizes, articles: articles,
                                   repetitions: repetitions, baseline: nil)
        var figures = [Figure]()
        for step in steps { figures += try step.run(&context) }
        return BenchReport(
            machine: .current,
            corpus: CorpusInfo(roots: roots, files: files.count, bytes: sizes, articles: context.articles),
            baseline: context.baseline, figures: figures)
    }
}

/// Why a benchmark run stopped.
public enum BenchError: Error, CustomStringConvertible {
    case corpusChanged(expected: Int, read: Int)
    case commandFailed(String, status: Int32)

    public var description: String {
        switch self {
        case let .corpusChanged(expected, read):
            "the corpus changed during the run: \(expected) bytes on disk, \(read) read"
        case let .commandFailed(command, status):
            "\(command) exited with status \(status)"
        }
    }
}
