/// A fixed-size set of article indices, one bit each, combined with whole-word operations.
struct Bitset: Sendable, Equatable {
    var words: [UInt64]
    let count: Int

    /// An empty set over `count` articles.
    init(count: Int) {
        self.count = count
        words = Array(repeating: 0, count: (count + 63) >> 6)
    }

    /// Every article.
    static func full(count: Int) -> Bitset {
        var set = Bitset(count: count)
        set.formComplement()
        return set
    }

    @inline(__always) func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    @inline(__always) mutating func insert(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    mutating func formIntersection(_ other: Bitset) {
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for k in 0..<mine.count { mine[k] &= theirs[k] }
            }
        }
    }

    mutating func formUnion(_ other: Bitset) {
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for k in 0..<mine.count { mine[k] |= theirs[k] }
            }
        }
    }

    mutating func subtract(_ other: Bitset) {
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for k in 0..<mine.count { mine[k] &= ~theirs[k] }
            }
        }
    }

    /// Flips every bit, keeping bits past `count` clear.
    mutating func formComplement() {
        guard !words.isEmpty else { return }
        for k in 0..<words.count { words[k] = ~words[k] }
        let tail = count & 63
        if tail != 0 { words[words.count - 1] &= (1 << UInt64(tail)) - 1 }
    }

    var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Calls `body` with each member in ascending order.
    @inline(__always)
    func forEach(_ body: (Int) -> Void) {
        words.withUnsafeBufferPointer { words in
            for k in 0..<words.count {
                var word = words[k]
                while word != 0 {
                    body(k << 6 | word.trailingZeroBitCount)
                    word &= word - 1
                }
            }
        }
    }

    /// The members in ascending order.
    var members: [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(cardinality)
        forEach { result.append(Int32($0)) }
        return result
    }
}
