/// Samples ranks `0..<count` with Zipf–Mandelbrot weights `1 / (rank + 1 + shift)`.
///
/// Weights are fixed-point integers, so sampling needs no floating point and is reproducible.
public struct ZipfTable: Sendable {
    /// Cumulative weights; `cumulative[i]` is the total weight of ranks `0...i`.
    private let cumulative: [UInt64]

    /// Number of ranks.
    public var count: Int { cumulative.count }

    /// A table over `count` ranks; a larger `shift` flattens the head.
    public init(count: Int, shift: UInt64 = 0) {
        precondition(count > 0, "a Zipf table needs at least one rank")
        var sums = [UInt64]()
        sums.reserveCapacity(count)
        var total: UInt64 = 0
        let scale: UInt64 = 1 << 40
        for rank in 0..<count {
            total += max(1, scale / (UInt64(rank) + 1 + shift))
            sums.append(total)
        }
        cumulative = sums
    }

    /// A random rank: low ranks are the most frequent.
    public func sample(_ random: inout DeterministicRandom) -> Int {
        let target = random.below(cumulative[cumulative.count - 1])
        // First index whose cumulative weight exceeds target.
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
