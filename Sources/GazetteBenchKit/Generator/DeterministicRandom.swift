/// SplitMix64: a tiny, well-mixed generator used to seed others and to hash (seed, index) pairs.
///
/// Written out here (never `SystemRandomNumberGenerator`) so that a seed gives the same
/// numbers on every machine and every toolchain.
public struct SplitMix64: Sendable {
    public private(set) var state: UInt64

    /// A generator starting at `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A well-mixed 64-bit value for `(seed, stream, index)`; lets any item be generated alone.
    public static func mix(_ seed: UInt64, _ stream: UInt64, _ index: UInt64) -> UInt64 {
        var a = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = a.next()
        var b = SplitMix64(seed: a.next() ^ (index &* 0x9E37_79B9_7F4A_7C15))
        return b.next()
    }
}

/// xoshiro256**: the generator behind every random choice of the corpus generator.
///
/// Only integer arithmetic is used downstream (no `Double` rounding, no libm), so the same
/// seed yields the same corpus everywhere.
public struct DeterministicRandom: Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator whose state is expanded from `seed` with SplitMix64.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    /// A generator for item `index` of `stream`, independent of every other item.
    public init(seed: UInt64, stream: UInt64, index: UInt64) {
        self.init(seed: SplitMix64.mix(seed, stream, index))
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection; bound > 0).
    public mutating func below(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniform `Int` in the closed range.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(below(UInt64(range.upperBound - range.lowerBound + 1)))
    }

    /// A uniform index into a collection of `count` elements.
    public mutating func index(_ count: Int) -> Int { Int(below(UInt64(count))) }

    /// True with probability `percent`/100.
    public mutating func percent(_ percent: Int) -> Bool { below(100) < UInt64(percent) }

    /// True with probability `perMille`/1000.
    public mutating func perMille(_ perMille: Int) -> Bool { below(1000) < UInt64(perMille) }

    /// One element of a non-empty array, uniformly.
    public mutating func pick<T>(_ items: [T]) -> T { items[index(items.count)] }
}
