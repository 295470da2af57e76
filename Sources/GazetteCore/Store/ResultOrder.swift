/// A result's article order, put in order only as far as it is looked at.
///
/// A relevance order of ~99k hits costs a full sort (≈ 8 ms at 100k on one core) although the
/// first frame shows 40 rows. Here the ranking keys are kept unsorted and each position asked
/// for is settled by quickselect (Hoare's FIND): the segment between the two nearest settled
/// positions is partitioned until the position is in place, and small segments are sorted
/// whole. Every key is distinct (the article index is in its low bits), so each position gets
/// exactly the article a full sort puts there; `all` finishes the sort for callers that want it.
public final class ResultOrder: Sendable {
    /// Number of articles in the order.
    public let count: Int
    private let storage: LockedValue<Storage>

    private enum Storage {
        /// Already in order (date, title and author orders come from precomputed permutations).
        case sorted([Int32])
        /// Ranking keys (smaller first, article index in the low 32 bits), settled on demand.
        case selecting(QuickselectKeys)
    }

    /// An order given in full.
    public init(_ indices: [Int32]) {
        count = indices.count
        storage = LockedValue(.sorted(indices))
    }

    /// The order of ascending `keys`, each holding its article index in its low 32 bits;
    /// keys must be distinct.
    init(keys: [UInt64]) {
        count = keys.count
        storage = LockedValue(.selecting(QuickselectKeys(keys)))
    }

    /// The article index at `position` (0 ≤ position < count).
    public subscript(position: Int) -> Int32 {
        articles(at: position..<position + 1)[0]
    }

    /// The article indices at `positions`, in that order.
    public func articles(at positions: Range<Int>) -> [Int32] {
        // Most of the order wanted: one sort is cheaper than selecting piece by piece.
        if positions.count > count / 4 { return Array(all[positions]) }
        return storage.update { storage in
            switch storage {
            case .sorted(let indices):
                return Array(indices[positions])
            case .selecting(var keys):
                // Take the keys out of the enum while settling, so they are not copied.
                storage = .sorted([])
                let found = positions.map { Int32(truncatingIfNeeded: keys.settle($0)) }
                storage = .selecting(keys)
                return found
            }
        }
    }

    /// Where article `index` stands in the order; nil when it is not in it. Needs no sort:
    /// a key's position is the number of keys below it.
    public func position(of index: Int32) -> Int? {
        storage.update { storage in
            switch storage {
            case .sorted(let indices):
                return indices.firstIndex(of: index)
            case .selecting(let keys):
                return keys.rank(ofArticle: index)
            }
        }
    }

    /// Every article index, in order (finishes the sort once; later calls reuse it).
    public var all: [Int32] {
        storage.update { storage in
            switch storage {
            case .sorted(let indices):
                return indices
            case .selecting(var keys):
                storage = .sorted([])
                let indices = keys.sortedArticles()
                storage = .sorted(indices)
                return indices
            }
        }
    }

    /// The articles in the order, in no particular order (for counts that need no ranking).
    public func forEachMember(_ body: (Int32) -> Void) {
        storage.update { storage in
            switch storage {
            case .sorted(let indices):
                indices.forEach(body)
            case .selecting(let keys):
                keys.forEachArticle(body)
            }
        }
    }
}

/// Distinct keys settled position by position: `settled[i]` marks a key in its final place,
/// so the keys between two settled places are exactly those ranks, in some order.
struct QuickselectKeys {
    private(set) var keys: [UInt64]
    private var settled: [Bool]
    /// Segments at most this long are sorted whole (the rows near a settled one are asked next).
    static let sortRun = 48

    init(_ keys: [UInt64]) {
        self.keys = keys
        settled = Array(repeating: false, count: keys.count)
    }

    /// The key that a full ascending sort puts at `position`.
    mutating func settle(_ position: Int) -> UInt64 {
        if settled[position] { return keys[position] }
        var low = position, high = position + 1
        while low > 0 && !settled[low - 1] { low -= 1 }
        while high < keys.count && !settled[high] { high += 1 }
        // Introselect's guard: past ~2 log2(n) partitions, a bad pivot run is ended by sorting.
        var budget = 2 * (Int.bitWidth - keys.count.leadingZeroBitCount) + 4
        keys.withUnsafeMutableBufferPointer { keys in
            settled.withUnsafeMutableBufferPointer { settled in
                while high - low > Self.sortRun && budget > 0 {
                    budget -= 1
                    let middle = Self.partition(keys, low, high)
                    settled[middle] = true
                    if middle == position { return }
                    if position < middle { high = middle } else { low = middle + 1 }
                }
                keys[low..<high].sort()
                for index in low..<high { settled[index] = true }
            }
        }
        return keys[position]
    }

    /// Partitions `keys[low..<high]` around a median-of-three pivot; returns the pivot's place.
    private static func partition(_ keys: UnsafeMutableBufferPointer<UInt64>, _ low: Int, _ high: Int) -> Int {
        let middle = low + (high - low) / 2
        // Order low, middle, last so the middle holds the median of the three.
        if keys[middle] < keys[low] { keys.swapAt(middle, low) }
        if keys[high - 1] < keys[low] { keys.swapAt(high - 1, low) }
        if keys[high - 1] < keys[middle] { keys.swapAt(high - 1, middle) }
        let pivot = keys[middle]
        keys.swapAt(middle, high - 1)
        var store = low
        for index in low..<(high - 1) where keys[index] < pivot {
            keys.swapAt(index, store)
            store += 1
        }
        keys.swapAt(store, high - 1)
        return store
    }

    /// The position of `article`'s key in the full order; nil when it has none.
    func rank(ofArticle article: Int32) -> Int? {
        let low = UInt64(UInt32(bitPattern: article))
        guard let key = keys.first(where: { $0 & 0xFFFF_FFFF == low }) else { return nil }
        var below = 0
        for other in keys where other < key { below += 1 }
        return below
    }

    /// Finishes the sort; the article indices in order.
    mutating func sortedArticles() -> [Int32] {
        keys.sort()
        for index in settled.indices { settled[index] = true }
        return keys.map { Int32(truncatingIfNeeded: $0) }
    }

    func forEachArticle(_ body: (Int32) -> Void) {
        for key in keys { body(Int32(truncatingIfNeeded: key)) }
    }
}
