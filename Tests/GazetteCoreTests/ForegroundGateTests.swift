import Foundation
import Testing
@testable import GazetteCore

/// The gate a background index build stops at while a reading (a word typed before the index is
/// ready) runs: the build sleeps for as long as the reading runs, and goes on when it is done.
@Suite struct ForegroundGateTests {
    @Test func aCheckpointWaitsForForegroundWorkAndOnlyForIt() async throws {
        let gate = ForegroundGate()
        // Nothing in the foreground: the build passes at once.
        gate.checkpoint()

        let passed = LockedValue(false)
        let passedWhileHeld = gate.foreground { () -> Bool in
            let thread = Thread {
                gate.checkpoint()
                passed.set(true)
            }
            thread.start()
            Thread.sleep(forTimeInterval: 0.3)
            return passed.value
        }
        #expect(!passedWhileHeld, "the background work went on while the foreground ran")
        let deadline = ContinuousClock.now + .seconds(20)
        while !passed.value, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(passed.value, "the background work did not resume")
    }

    @Test func overlappingForegroundWorkHoldsUntilTheLastEnds() async throws {
        let gate = ForegroundGate()
        let passed = LockedValue(false)
        let secondStarted = LockedValue(false)
        let releaseSecond = LockedValue(false)
        gate.foreground {
            Thread {
                gate.checkpoint()
                passed.set(true)
            }.start()
            // Another reading starts before the first one ends and outlives it.
            Thread {
                gate.foreground {
                    secondStarted.set(true)
                    while !releaseSecond.value { Thread.sleep(forTimeInterval: 0.005) }
                }
            }.start()
            while !secondStarted.value { Thread.sleep(forTimeInterval: 0.005) }
        }
        // The first reading has ended; the second still runs.
        try await Task.sleep(for: .milliseconds(200))
        #expect(!passed.value, "resumed while the second reading still ran")
        releaseSecond.set(true)
        let deadline = ContinuousClock.now + .seconds(20)
        while !passed.value, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(passed.value, "the background work did not resume")
    }

    /// A store answering by reading while its index builds stops the build, and the build still
    /// finishes afterwards with the same answers (no deadlock: reading never needs the index).
    @Test func readingDuringABackgroundBuildThenTheIndexAgrees() throws {
        let articles = (0..<4000).map { StoreOracleTests.store.articles[$0] }
        let store = ArticleStore(articles: articles, textIndexInBackground: true)
        var random = StoreOracleTests.Random(state: 77)
        var queries: [Query] = []
        var answers: [[Int32]] = []
        for _ in 0..<6 {
            let query = try Query.parse(StoreOracleTests.randomQuery(&random))
            queries.append(query)
            answers.append(store.evaluateByReading(query).indices)
        }
        store.waitUntilTextIndexReady()
        for (query, answer) in zip(queries, answers) {
            #expect(store.evaluate(query).indices == answer, "\(query)")
        }
    }
}
