import GazetteCore
import GazetteUI

extension BenchSuite {
    /// One huge article (`megabytes` MB of every block shape, as `bodyBlocks`) in the real app:
    /// the first frame with it selected, `G`, and paging down the reader, each ≤ 16 ms; with the
    /// whole layout the reader used to make before its first frame as the baseline of the same run.
    public static func hugeArticle(megabytes: Int = 94, trials: Int = 30) -> BenchStep {
        BenchStep(name: "huge article") { context in
            let body = BodyShapes.body(bytes: megabytes << 20)
            let article = Article(title: "Giant thread", paragraphs: [body], source: SourceLocation(path: "bench", line: 1))
            let target = BenchTarget.p95AtMost(seconds: 0.016)
            let size = "\(megabytes) MB"

            // `gazette show`'s text, streamed (written nowhere): throughput against ≥ 50 MB/s.
            // First, before anything big is allocated, so the peak it adds is its own.
            var streamed = 0
            _ = ResidentMemory.resetPeak()
            let before = ResidentMemory.currentBytes() ?? 0
            let show = Trials.measure(repetitions: 1) {
                ArticleTextRenderer.stream(article, tags: [], width: 80, bytes: { streamed += $0.count })
            }
            let showPeak = max(0, (ResidentMemory.peakBytes() ?? 0) - before)
            let rate = Double(article.bodyUTF8.count) / 1_048_576 / max(show.median, 1e-9)

            // Its text index builds in the background, as in the app; the reader does not wait for it.
            let store = ArticleStore(articles: [article], textIndexInBackground: true)
            // The baseline: the whole body parsed and wrapped at the reader's width, once.
            let readerWidth = BenchApp(store: store).state.layout.reader?.width ?? 80
            var wholeLines = 0
            let whole = Trials.measure(repetitions: 1) {
                wholeLines = ReaderDocument.layout(article, width: readerWidth).lines.count
            }

            var opened = BenchApp(store: store)
            let first = Trials.measure(repetitions: trials) {
                opened = BenchApp(store: store)
                _ = opened.frame()
            }
            opened.send(.openArticle)
            let laidOut = opened.state.reader.document?.linesLaidOut ?? 0

            let end = Trials.measure(repetitions: trials) {
                var app = opened
                app.send(.moveToBottom)
                _ = app.frame()
            }
            var atEnd = opened
            atEnd.send(.moveToBottom)
            let up = Trials.measure(repetitions: trials) {
                atEnd.send(.pageUp)
                _ = atEnd.frame()
            }
            var reading = opened
            let down = Trials.measure(repetitions: max(trials, 100)) {
                reading.send(.pageDown)
                _ = reading.frame()
            }
            func times(_ sample: Sample) -> String {
                let ratio = sample.median / max(whole.median, 1e-9)
                return ratio < 0.001 ? String(format: "%.5f× whole", ratio) : String(format: "%.3f× whole", ratio)
            }
            return [
                Figure("huge article \(size): whole layout (\(wholeLines) lines, the old first frame)", .time(whole)),
                Figure("huge article \(size): first frame, \(laidOut) lines laid out (\(times(first)))", .time(first), target: target),
                Figure("huge article \(size): G (\(times(end)))", .time(end), target: target),
                Figure("huge article \(size): PgUp from the end (\(times(up)))", .time(up), target: target),
                Figure("huge article \(size): PgDn (\(times(down)))", .time(down), target: target),
                Figure("huge article \(size): show streamed, \(streamed >> 20) MB out (\(Int(rate)) MB/s, \(times(show)))", .time(show),
                       target: .p95AtMost(seconds: Double(megabytes) / 50)),
                Figure("huge article \(size): show streamed, peak memory beyond the article", .bytes(showPeak), target: .bytesAtMost(8 << 20)),
            ]
        }
    }
}
