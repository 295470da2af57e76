import GazetteCore
import GazetteUI

extension BenchSuite {
    /// Load → store ready → first frame, timed phase by phase in each trial. Each trial drops the
    /// previous one's archive and store first, so the peak memory is that of one loaded corpus.
    public static func pipeline(width: Int = 120, height: Int = 40) -> BenchStep {
        BenchStep(name: "pipeline") { context in
            ResidentMemory.resetPeak()
            var load = [Double](), ready = [Double](), frame = [Double](), toFrame = [Double]()
            var store: ArticleStore?
            var articles = 0
            for _ in 0..<context.repetitions {
                store = nil
                let start = MonotonicClock.nanoseconds()
                let archive = try ArchiveLoader.load(directories: context.roots)
                let loaded = MonotonicClock.nanoseconds()
                let built = ArticleStore(articles: archive.articles)
                let stored = MonotonicClock.nanoseconds()
                var screen = BenchScreen(store: built, width: width, height: height)
                let canvas = screen.render()
                let drawn = MonotonicClock.nanoseconds()
                precondition(canvas.width == width, "the frame was drawn")
                articles = archive.articles.count
                store = built
                load.append(seconds(start, loaded))
                ready.append(seconds(loaded, stored))
                frame.append(seconds(stored, drawn))
                toFrame.append(seconds(start, drawn))
            }
            context.store = store
            context.articles = articles
            let searchReady = zip(load, ready).map(+)
            return [
                Figure("load: walk+read+parse+dedupe", .time(Sample(seconds: load))),
                Figure("store ready: sort+facets+index", .time(Sample(seconds: ready))),
                Figure("search ready (load+store)", .time(Sample(seconds: searchReady)), target: .ratioAtMost(2.5)),
                Figure("first frame render 120x40", .time(Sample(seconds: frame))),
                Figure("load + first frame", .time(Sample(seconds: toFrame)), target: .ratioAtMost(1.5)),
            ]
        }
    }

    static func seconds(_ start: UInt64, _ end: UInt64) -> Double { Double(end - start) / 1e9 }
}
