import GazetteCore
import GazetteUI

extension BenchSuite {
    /// Load → store ready → first frame → search ready, timed phase by phase in each trial, the
    /// way the app starts: the store is built with its full-text index in the background, the
    /// first frame drawn, then the index awaited. Each trial drops the previous one's archive and
    /// store first, so the peak memory is that of one loaded corpus.
    public static func pipeline(width: Int = 120, height: Int = 40) -> BenchStep {
        BenchStep(name: "pipeline") { context in
            ResidentMemory.resetPeak()
            var load = [Double](), ready = [Double](), frame = [Double](), toFrame = [Double]()
            var index = [Double](), searchReady = [Double](), readRare = [Double](), readFrequent = [Double]()
            var idleRare = [Double](), idleFrequent = [Double]()
            var store: ArticleStore?
            var articles = 0
            for _ in 0..<context.repetitions {
                store = nil
                let start = MonotonicClock.nanoseconds()
                let archive = try ArchiveLoader.load(directories: context.roots)
                let loaded = MonotonicClock.nanoseconds()
                let built = ArticleStore(articles: archive.articles, textIndexInBackground: true)
                let stored = MonotonicClock.nanoseconds()
                let canvas = BenchApp.firstFrame(store: built, width: width, height: height)
                let drawn = MonotonicClock.nanoseconds()
                // A word typed at once, while the index builds: answered by reading the articles,
                // as the app does (the words are picked untimed).
                let words = CorpusWords(store: built, sample: 500)
                var readTimes: [Double] = []
                for word in [words.rare, words.frequent] {
                    let asked = MonotonicClock.nanoseconds()
                    let answer = try built.evaluateByReading(Query.parse(word))
                    readTimes.append(seconds(asked, MonotonicClock.nanoseconds()))
                    precondition(answer.count > 0, "the word \(word) is in the corpus")
                }
                readRare.append(seconds(start, drawn) + readTimes[0])
                readFrequent.append(seconds(start, drawn) + readTimes[1])
                built.waitUntilTextIndexReady()
                let searchable = MonotonicClock.nanoseconds()
                // The same reads with nothing else running: what the index build takes from them.
                for (k, word) in [words.rare, words.frequent].enumerated() {
                    let asked = MonotonicClock.nanoseconds()
                    _ = try built.evaluateByReading(Query.parse(word))
                    let took = seconds(asked, MonotonicClock.nanoseconds())
                    if k == 0 { idleRare.append(took) } else { idleFrequent.append(took) }
                }
                precondition(canvas.width == width, "the frame was drawn")
                articles = archive.articles.count
                store = built
                load.append(seconds(start, loaded))
                ready.append(seconds(loaded, stored))
                frame.append(seconds(stored, drawn))
                toFrame.append(seconds(start, drawn))
                index.append(seconds(drawn, searchable))
                searchReady.append(seconds(start, searchable))
            }
            context.store = store
            context.articles = articles
            context.firstFrame = Sample(seconds: toFrame)
            return [
                Figure("load: walk+read+parse+dedupe", .time(Sample(seconds: load))),
                Figure("store ready to browse: sort+facets", .time(Sample(seconds: ready))),
                Figure("first frame render 120x40", .time(Sample(seconds: frame))),
                Figure("load + first full frame", .time(Sample(seconds: toFrame)), target: .ratioAtMost(1.5)),
                Figure("word answered by reading while indexing, rare word (from start)", .time(Sample(seconds: readRare)),
                       target: .ratioAtMost(2.5)),
                Figure("word answered by reading while indexing, frequent word (from start)", .time(Sample(seconds: readFrequent)),
                       target: .ratioAtMost(2.5)),
                Figure("reading alone (index built), rare word", .time(Sample(seconds: idleRare))),
                Figure("reading alone (index built), frequent word", .time(Sample(seconds: idleFrequent))),
                Figure("full-text index (background, rest; includes the two reads)", .time(Sample(seconds: index))),
                Figure("search ready (from start)", .time(Sample(seconds: searchReady)), target: .ratioAtMost(2.5)),
            ]
        }
    }

    static func seconds(_ start: UInt64, _ end: UInt64) -> Double { Double(end - start) / 1e9 }
}
