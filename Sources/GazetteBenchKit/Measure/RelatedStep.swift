import GazetteCore

extension BenchSuite {
    /// "More like this" for articles spread over the archive, against its 30 ms target (p95).
    ///
    /// Each trial scores a different article (every `count / trials`-th), so long and short
    /// bodies and common and rare tags all count; the text index is ready first (the reader
    /// asks only once it is).
    public static func related(trials: Int = 30) -> BenchStep {
        BenchStep(name: "related") { context in
            guard let store = context.store, store.count > 1 else { return [] }
            store.waitUntilTextIndexReady()
            let stride = max(1, store.count / max(1, trials))
            var next = 0
            var found = 0
            let sample = Trials.measure(repetitions: trials, warmup: 1) {
                found += store.related(toArticle: next % store.count).count
                next += stride
            }
            return [Figure("more like this (\(found / max(1, trials + 1)) per article)", .time(sample), target: .p95AtMost(seconds: 0.030))]
        }
    }
}
