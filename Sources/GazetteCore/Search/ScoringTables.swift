/// BM25's per-article and per-frequency factors, computed once per index instead of per hit.
///
/// `lengthTerms[doc]` is `Float(k1 · b / average) · Float(length)` and `weightedTFs[packed]` is
/// the weighted term frequency as a Float: exactly the values the per-hit formula computed, so
/// rankings do not move by a rounding.
struct ScoringTables: Sendable {
    static let k1 = 1.2, b = 0.75
    /// `k1 (1 − b)`.
    let norm = Float(k1 * (1 - b))
    /// `k1 + 1`.
    let boost = Float(k1 + 1)
    let lengthTerms: [Float]
    /// By packed title/body frequency byte.
    let weightedTFs: [Float]

    init(lengths: FlatArray<UInt32>, averageLength: Double) {
        let lengthFactor = Float(Self.k1 * Self.b / averageLength)
        lengthTerms = lengths.map { lengthFactor * Float($0) }
        weightedTFs = (0...255).map { Float(TextIndexBuilder.weightedTF(UInt8($0))) }
    }

    /// Made on first use (a store that is never ranked never pays for it).
    static func lazy(lengths: FlatArray<UInt32>, averageLength: Double) -> Lazy<ScoringTables> {
        Lazy { ScoringTables(lengths: lengths, averageLength: averageLength) }
    }
}
