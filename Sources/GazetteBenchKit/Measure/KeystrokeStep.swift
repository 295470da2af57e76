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
            let limit = store.count >= 1_000_000 ? 0.050 : 0.016
            let target = BenchTarget.p95AtMost(seconds: limit)
            var settled = BenchScreen(store: store)
            _ = settled.render()
            let base = settled

            /// Times `action` from the settled starting screen, `trials` times.
            func query(_ name: String, _ text: String) -> Figure {
                var matched = 0
                let sample = Trials.measure(repetitions: trials, warmup: 1) {
                    var screen = base
                    screen.setQuery(text)
                    _ = screen.render()
                    matched = screen.result.count
                }
                return Figure("\(name): \(text) → \(matched)", .time(sample), target: target)
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
            ]

            // The live filter: one sample per keystroke, the word typed so far searched as a prefix.
            var typing = [Double]()
            var prompt = base
            prompt.promptActive = true
            for _ in 0..<max(1, trials / 3) {
                var screen = prompt
                for length in 1...words.tenLetters.count {
                    let text = String(words.tenLetters.prefix(length)) + "*"
                    let (seconds, _) = MonotonicClock.time {
                        screen.setQuery(text)
                        return screen.render()
                    }
                    typing.append(seconds)
                }
            }
            figures.append(Figure("live filter, per keystroke: \(words.tenLetters)", .time(Sample(seconds: typing)), target: target))

            // Facet recount alone: the sidebar's sections over a broad result.
            var broad = base
            broad.setQuery("-" + QuerySyntax.term("tag", words.commonTag))
            let recount = Trials.measure(repetitions: trials) { _ = BenchScreen.sections(broad.result) }
            figures.append(Figure("facet recount (broad result)", .time(recount), target: target))

            var moving = base
            let move = Trials.measure(repetitions: trials) {
                moving.moveSelection(by: 1)
                _ = moving.render()
            }
            figures.append(Figure("move selection", .time(move), target: target))

            var reading = base
            let page = Trials.measure(repetitions: trials) {
                reading.pageReader()
                _ = reading.render()
            }
            figures.append(Figure("page the reader", .time(page), target: target))
            return figures
        }
    }
}
