/// Merges a few sorted insertions into a long sorted run, placing each by binary search: a
/// refresh patch compares only O(k log n) kept elements (mapped records, folded names), not all.
enum SortedInsertion {
    /// `kept` and `inserted` (each already in order) merged into one run of outputs.
    /// `keptPrecedes(k, i)` says whether the kept element goes before the insertion; an insertion
    /// goes before every kept element that does not.
    static func merge<Kept, Inserted, Output>(kept: [Kept], inserted: [Inserted], keptPrecedes: (Kept, Inserted) -> Bool,
                                              keptOutput: (Kept) -> Output, insertedOutput: (Int, Inserted) -> Output) -> [Output] {
        var merged: [Output] = []
        merged.reserveCapacity(kept.count + inserted.count)
        var next = 0
        for (position, insertion) in inserted.enumerated() {
            var low = next, high = kept.count
            while low < high {
                let mid = (low + high) / 2
                if keptPrecedes(kept[mid], insertion) { low = mid + 1 } else { high = mid }
            }
            for element in kept[next..<low] { merged.append(keptOutput(element)) }
            merged.append(insertedOutput(position, insertion))
            next = low
        }
        for element in kept[next...] { merged.append(keptOutput(element)) }
        return merged
    }
}
