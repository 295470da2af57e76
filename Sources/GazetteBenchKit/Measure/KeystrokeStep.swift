import GazetteCore
import GazetteUI

extension BenchSuite {
    /// Per-keystroke actions on the loaded store, each including the full redraw, against the
    /// one-frame target (16 ms up to 100k articles, 50 ms at 1M).
    public static func keystrokes(trials: Int = 30) -> BenchStep {
        BenchStep(name: "keystrokes") { context in
            guard let store = context.store else { return [] }
            let words = CorpusWords(store: store)
            context.words = words
            let limit = millionScale(store.count) ? 0.050 : 0.016
            let target = BenchTarget.p95AtMost(seconds: limit)
            // The app as the first frame leaves it; every trial starts from a copy of it.
            let base = BenchApp(store: store)
            _ = base.frame()

            /// Times the last key of typing `text` at the `/` prompt (the keys before it typed
            /// untimed): the live filter's evaluation, the facet recount and the redraw.
            /// `wholeOrder`: the list's whole order is also sorted, as every key did before the
            /// order was settled lazily (the same run's reference for the rows without it).
            func query(_ name: String, _ text: String, wholeOrder: Bool = false) -> Figure {
                var typed = base
                typed.type(String(text.dropLast()))
                var matched = 0
                let sample = Trials.measure(repetitions: trials, warmup: 1) {
                    var app = typed
                    app.send(.promptInsert(text.last!))
                    if wholeOrder { _ = app.state.result.indices }
                    _ = app.frame()
                    matched = app.shown
                }
                return Figure("\(name): \(text) → \(matched)", .time(sample), target: wholeOrder ? nil : target)
            }

            var figures = [
                query("include common tag", QuerySyntax.term("tag", words.commonTag)),
                query("include rare tag", QuerySyntax.term("tag", words.rareTag)),
                query("exclude a tag", "-" + QuerySyntax.term("tag", words.commonTag)),
                query("one-word query", words.frequent),
                query("one rare word", words.rare),
                query("three-word query", words.threeWords.joined(separator: " ")),
                query("phrase", "\"" + words.phrase.joined(separator: " ") + "\""),
                query("phrase of the commonest pair", "\"" + words.commonPhrase.joined(separator: " ") + "\""),
                query("prefix query", String(words.frequent.prefix(3)) + "*"),
                // References: the same keys with the whole relevance order sorted.
                query("three-word query, whole order sorted", words.threeWords.joined(separator: " "), wholeOrder: true),
                query("commonest pair, whole order sorted", "\"" + words.commonPhrase.joined(separator: " ") + "\"", wholeOrder: true),
                query("prefix query, whole order sorted", String(words.frequent.prefix(3)) + "*", wholeOrder: true),
            ]

            // The live filter: one sample per key of a word typed at the prompt.
            var typing = [Double]()
            var prompt = base
            prompt.send(.startQuery)
            for _ in 0..<max(1, trials / 3) {
                var app = prompt
                for character in words.tenLetters {
                    let (seconds, _) = MonotonicClock.time {
                        app.send(.promptInsert(character))
                        return app.frame()
                    }
                    typing.append(seconds)
                }
            }
            figures.append(Figure("live filter, per keystroke: \(words.tenLetters)", .time(Sample(seconds: typing)), target: target))

            // Facet recount alone: every facet's counts over a broad result.
            let broad = try store.evaluate(Query.parse("-" + QuerySyntax.term("tag", words.commonTag)))
            let recount = Trials.measure(repetitions: trials) { _ = FacetKind.allCases.map { broad.facet($0) } }
            figures.append(Figure("facet recount (broad result)", .time(recount), target: target))

            var moving = base
            let move = Trials.measure(repetitions: trials) {
                moving.send(.moveDown)
                _ = moving.frame()
            }
            figures.append(Figure("move selection", .time(move), target: target))

            // The reader focused on the selected article, paged down (back to the top at its end).
            var reading = base
            reading.send(.openArticle)
            let page = Trials.measure(repetitions: trials) {
                reading.send(reading.state.reader.viewport.isAtEnd ? .moveToTop : .pageDown)
                _ = reading.frame()
            }
            figures.append(Figure("page the reader", .time(page), target: target))
            return figures
        }
    }
}
