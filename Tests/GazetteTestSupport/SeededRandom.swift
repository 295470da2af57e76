import Foundation

/// A reproducible random generator (SplitMix64) for randomized tests, shared by the test targets.
///
/// The seed comes from `GAZETTE_SEED` when set, else it is drawn fresh, so runs keep exploring;
/// every failure message carries `reproduce`, which names the seed to run the same cases again.
public struct SeededRandom: RandomNumberGenerator {
    /// The seed the sequence started from.
    public let seed: UInt64
    private var state: UInt64

    /// A generator from `seed`, else `GAZETTE_SEED`, else a fresh random seed.
    public init(seed: UInt64? = nil) {
        let chosen = seed ?? ProcessInfo.processInfo.environment["GAZETTE_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 0...UInt64.max)
        self.seed = chosen
        state = chosen
    }

    /// The next 64 random bits (SplitMix64).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// For failure messages: how to run the same random cases again.
    public var reproduce: String { "seed \(seed) (GAZETTE_SEED=\(seed) swift test … reproduces)" }
}
