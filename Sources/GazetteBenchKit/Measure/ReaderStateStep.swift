import Foundation
import GazetteCore
import GazetteState
import GazetteUI

extension BenchSuite {
    /// The reading state at scale, through the real `AppState`/`reduce`/`render` and the real
    /// store: every article read, one in ten starred, one in twenty tagged; then what it adds
    /// before the first frame, a toggle (frame and commit), `M` on up to 100k articles and
    /// `is:unread` as a keystroke.
    public static func readerState(trials: Int = 30) -> BenchStep {
        BenchStep(name: "reader state") { context in
            guard let store = context.store else { return [] }
            let directory = NSTemporaryDirectory() + "gazette-bench-state-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let ids = store.articles.map(\.id.description)
            var edits: [StateEdit] = []
            edits.reserveCapacity(ids.count * 2)
            for (index, id) in ids.enumerated() {
                edits.append(.read(id: id, value: true))
                if index % 10 == 0 { edits.append(.starred(id: id, value: true)) }
                if index % 20 == 0 { edits.append(.tag(id: id, tag: "bench\(index % 5)", sign: 1)) }
            }
            let database = StateDatabase.open(directory: directory)
            let (populate, _) = try MonotonicClock.time { try database.apply(edits) }
            var figures = [Figure("state: write \(edits.count) changes in one commit", .time(Sample(seconds: [populate])))]

            // What opening the state adds before the first frame: open, read every row, build the overlay.
            var session: ReaderStateSession?
            let load = Trials.measure(repetitions: context.repetitions) {
                session = ReaderStateSession(database: StateDatabase.open(directory: directory), store: store)
            }
            let budget = (context.firstFrame?.median ?? 0) * 0.10
            figures.append(Figure("state: open + read + overlay (target ≤ 10% of load+frame = \(Int(budget * 1000)) ms)",
                                  .time(load), target: .p95AtMost(seconds: budget)))
            guard let session else { return figures }

            let frameLimit = millionScale(store.count) ? 0.050 : 0.016
            var state = AppState(store: store, width: 120, height: 40, overlay: session.overlay, views: session.views)
            _ = render(state)
            var generation = 0
            var commits = [Double](), frames = [Double]()
            for _ in 0..<trials {
                for effect in reduce(&state, .toggleRead) {
                    guard case .changeState(let change) = effect else { continue }
                    let (commitSeconds, commit) = try MonotonicClock.time { try session.apply(change.edits) }
                    generation += 1
                    let update = StateUpdate(overlay: session.overlay, views: session.views, change: change,
                                             inverse: commit.inverse, generation: generation)
                    let (frameSeconds, _) = MonotonicClock.time {
                        _ = reduce(&state, .stateChanged(update))
                        return render(state)
                    }
                    commits.append(commitSeconds)
                    frames.append(frameSeconds)
                }
            }
            figures.append(Figure("toggle read: new frame", .time(Sample(seconds: frames)), target: .p95AtMost(seconds: frameLimit)))
            figures.append(Figure("toggle read: commit (synchronous, fsync)", .time(Sample(seconds: commits)), target: .p95AtMost(seconds: 0.020)))

            // M on up to 100k unread articles: commit and the frame after it.
            let batch = min(100_000, store.count)
            try session.apply(ids.prefix(batch).map { .read(id: $0, value: false) })
            generation += 1
            _ = reduce(&state, .stateChanged(StateUpdate(overlay: session.overlay, views: session.views, generation: generation)))
            _ = reduce(&state, .markAllRead)
            // The key that confirms it: the ids of every unread article in the view, as edits.
            let (confirmSeconds, effects) = MonotonicClock.time { reduce(&state, .promptInsert("y")) }
            let (markSeconds, _) = try MonotonicClock.time {
                for case .changeState(let change) in effects {
                    let commit = try session.apply(change.edits)
                    generation += 1
                    _ = reduce(&state, .stateChanged(StateUpdate(overlay: session.overlay, views: session.views, change: change,
                                                                 inverse: commit.inverse, generation: generation)))
                    _ = render(state)
                }
            }
            figures.append(Figure("M: mark \(batch) read, commit + frame", .time(Sample(seconds: [markSeconds])), target: .p95AtMost(seconds: 1.0)))
            figures.append(Figure("M: the confirming key to its frame (edits + commit + frame)",
                                  .time(Sample(seconds: [confirmSeconds + markSeconds])), target: .p95AtMost(seconds: 1.0)))

            // is:unread typed at the prompt: the keystroke that completes it, with the frame.
            try session.apply(ids.enumerated().filter { $0.offset % 3 == 0 }.map { .read(id: $0.element, value: false) })
            generation += 1
            _ = reduce(&state, .stateChanged(StateUpdate(overlay: session.overlay, views: session.views, generation: generation)))
            var matched = 0
            var keystrokes = [Double]()
            for _ in 0..<trials {
                var typing = state
                _ = reduce(&typing, .startQuery)
                _ = reduce(&typing, .promptClear)
                for character in "is:unrea" { _ = reduce(&typing, .promptInsert(character)) }
                let (seconds, _) = MonotonicClock.time {
                    _ = reduce(&typing, .promptInsert("d"))
                    return render(typing)
                }
                keystrokes.append(seconds)
                matched = typing.result.count
            }
            let unread = Sample(seconds: keystrokes)
            figures.append(Figure("is:unread: the completing keystroke to its frame → \(matched)", .time(unread),
                                  target: .p95AtMost(seconds: frameLimit)))
            return figures
        }
    }
}
