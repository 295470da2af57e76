/// Durations of repeated trials, in seconds, in the order they ran.
public struct Sample: Sendable, Codable, Equatable {
    public let seconds: [Double]

    /// A sample of at least one duration.
    public init(seconds: [Double]) {
        precondition(!seconds.isEmpty, "a sample needs at least one trial")
        self.seconds = seconds
    }

    private var sorted: [Double] { seconds.sorted() }

    /// The middle duration (mean of the two middle ones for an even count).
    public var median: Double {
        let values = sorted
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }

    /// The 95th percentile by nearest rank: no more than 5% of trials took longer.
    public var p95: Double { percentile(95) }

    /// The `percent`th percentile by nearest rank.
    public func percentile(_ percent: Int) -> Double {
        let values = sorted
        let rank = (percent * values.count + 99) / 100
        return values[min(values.count, max(1, rank)) - 1]
    }

    public var minimum: Double { sorted[0] }
    public var maximum: Double { sorted[seconds.count - 1] }
}

/// Runs a closure repeatedly and times each run.
public enum Trials {
    /// Times `repetitions` runs of `body` after `warmup` untimed ones.
    public static func measure(repetitions: Int, warmup: Int = 0, _ body: () throws -> Void) rethrows -> Sample {
        try measureReturning(repetitions: repetitions, warmup: warmup, body).sample
    }

    /// Like `measure`, also returning the last run's result (for checks and figures).
    public static func measureReturning<T>(repetitions: Int, warmup: Int = 0,
                                           _ body: () throws -> T) rethrows -> (sample: Sample, last: T) {
        precondition(repetitions > 0, "at least one repetition")
        for _ in 0..<warmup { _ = try body() }
        var durations = [Double]()
        durations.reserveCapacity(repetitions)
        var last: T?
        for _ in 0..<repetitions {
            let (seconds, result) = try MonotonicClock.time(body)
            durations.append(seconds)
            last = result
        }
        return (Sample(seconds: durations), last!)
    }
}
