/// Bringing a facet table up to date after a refresh, from the delta alone.
///
/// A refresh keeps most articles as they were. Rebuilding the table would read every article's
/// values again (decoding every snapshot record); here the kept articles' value ids are copied
/// from the old table and renumbered, and only the new and changed articles' values are interned.
/// Values left without articles are dropped, new ones get ids after the old, and the rank order
/// is patched by inserting the new and renamed values. A value's name (its most common spelling)
/// is recounted only when a spelling other than its name is added or removed, which `plain` tells.
/// The result answers exactly as a table built over the same articles (`SnapshotDifferentialTests`).
extension FacetTable {
    /// The table over a refreshed store. `sources[k]`: the old article at new position `k` (>= 0)
    /// or `~f` for `freshValues[f]` (the raw values of a new or changed article, in its order);
    /// `oldToNew`: each old article's new position, -1 when removed; `oldRawValues`: an old
    /// article's raw values, read only to recount the spellings of a value that needs it.
    static func patched(_ old: FacetTable, sources: [Int32], oldToNew: [Int32], freshValues: [[String]],
                        oldRawValues: (Int) -> [String]) -> FacetTable {
        let oldCount = old.valueCount
        var totals = old.totals
        var recount = [Bool](repeating: false, count: oldCount)
        old.articleStarts.withUnsafeBufferPointer { starts in
            old.articleValues.withUnsafeBufferPointer { values in
                for article in oldToNew.indices where oldToNew[article] < 0 {
                    for k in Int(starts[article])..<Int(starts[article + 1]) {
                        let value = Int(values[k])
                        totals[value] -= 1
                        if old.plain[value] == 0 { recount[value] = true }
                    }
                }
            }
        }
        // The fresh articles' values: old ids where known, new ids (after the old) otherwise.
        var newKeys: [String: Int32] = [:]
        var newTotals: [Int32] = []
        // Per value the fresh articles touch, how often each exact spelling occurs (repeats in one article count).
        var freshSpellings: [Int32: [String: Int]] = [:]
        let freshLists: [[Int32]] = freshValues.map { raw in
            var list: [Int32] = []
            for spelling in raw {
                let key = Self.key(spelling, kind: old.kind)
                let value: Int32
                if let known = old.ids[key] {
                    value = known
                    if old.plain[Int(known)] == 0 || spelling != old.names[Int(known)] { recount[Int(known)] = true }
                } else if let known = newKeys[key] {
                    value = known
                } else {
                    value = Int32(oldCount + newTotals.count)
                    newKeys[key] = value
                    newTotals.append(0)
                }
                freshSpellings[value, default: [:]][spelling, default: 0] += 1
                guard !list.contains(value) else { continue }
                list.append(value)
                if Int(value) < oldCount { totals[Int(value)] += 1 } else { newTotals[Int(value) - oldCount] += 1 }
            }
            return list
        }
        // Names: an old value's is recounted over all its articles when a spelling change may move it.
        var names = old.names
        var folded = old.folded
        var plain = old.plain.array
        var renamed = [Bool](repeating: false, count: oldCount)
        for value in 0..<oldCount where recount[value] && totals[value] > 0 {
            var counts = freshSpellings[Int32(value)] ?? [:]
            let key = Self.key(old.names[value], kind: old.kind)
            for k in Int(old.postingStarts[value])..<Int(old.postingStarts[value + 1]) {
                let article = Int(old.postingDocs[k])
                guard oldToNew[article] >= 0 else { continue }
                for spelling in oldRawValues(article) where Self.key(spelling, kind: old.kind) == key {
                    counts[spelling, default: 0] += 1
                }
            }
            let (name, isPlain) = Self.displayName(counts)
            plain[value] = isPlain ? 1 : 0
            if name != names[value] {
                names[value] = name
                folded[value] = TextFolding.fold(name)
                renamed[value] = true
            }
        }
        let newOrder = newKeys.values.sorted()
        for value in newOrder {
            let (name, isPlain) = Self.displayName(freshSpellings[value] ?? [:])
            names.append(name)
            folded.append(TextFolding.fold(name))
            plain.append(isPlain ? 1 : 0)
        }
        // Renumber: values left without articles are dropped, the others keep their relative order.
        var newID = [Int32](repeating: -1, count: oldCount + newTotals.count)
        var alive: [Int] = []
        alive.reserveCapacity(newID.count)
        for value in 0..<newID.count where value >= oldCount || totals[value] > 0 {
            newID[value] = Int32(alive.count)
            alive.append(value)
        }
        let dropped = alive.count < newID.count
        var ids: [String: Int32]
        if dropped {
            ids = Dictionary(minimumCapacity: alive.count)
            for (id, value) in alive.enumerated() { ids[Self.key(names[value], kind: old.kind)] = Int32(id) }
        } else {
            ids = old.ids
            for (key, value) in newKeys { ids[key] = value }
        }
        let rank = Self.patchedRank(old, names: names, folded: folded, newID: newID, alive: alive, inserted: { value in
            value >= oldCount || renamed[value]
        })
        let (articleStarts, articleValues) = Self.patchedArticleValues(old, sources: sources, freshLists: freshLists, newID: newID)
        let (postingStarts, postingDocs) = Self.postings(valueCount: alive.count, articleStarts: articleStarts, articleValues: articleValues)
        return FacetTable(kind: old.kind, names: alive.map { names[$0] }, folded: Lazy(made: alive.map { folded[$0] }), ids: Lazy(made: ids),
                          rank: FlatArray(rank), plain: FlatArray(alive.map { plain[$0] }),
                          articleStarts: FlatArray(articleStarts), articleValues: FlatArray(articleValues),
                          postingStarts: FlatArray(postingStarts), postingDocs: FlatArray(postingDocs))
    }

    /// The display name from exact spellings and their occurrence counts, as the build picks it:
    /// the most common, ties to the smaller; and whether that is the only spelling, unchanged by trimming.
    private static func displayName(_ counts: [String: Int]) -> (name: String, plain: Bool) {
        var best: (text: String, count: Int)?
        for (text, count) in counts {
            guard let current = best else { best = (text, count); continue }
            if count > current.count || (count == current.count && text < current.text) { best = (text, count) }
        }
        let text = best?.text ?? ""
        let name = trimmed(text)
        return (name, counts.count == 1 && name == text)
    }

    /// Ranks after the patch: the old value order without dropped and renamed values, and the
    /// inserted ones (new, renamed) placed by binary search, so only they are compared as strings.
    private static func patchedRank(_ old: FacetTable, names: [String], folded: [String], newID: [Int32], alive: [Int],
                                    inserted: (Int) -> Bool) -> [Int32] {
        var byOldRank = [Int](repeating: 0, count: old.valueCount)
        for value in 0..<old.valueCount { byOldRank[Int(old.rank[value])] = value }
        let kept = byOldRank.filter { newID[$0] >= 0 && !inserted($0) }
        let keys = sortKeys(names, folded: folded, kind: old.kind)
        let precedes = { (a: Int, b: Int) in (keys[a], names[a]) < (keys[b], names[b]) }
        let insert = alive.filter(inserted).sorted(by: precedes)
        let order = SortedInsertion.merge(kept: kept, inserted: insert, keptPrecedes: precedes,
                                          keptOutput: { $0 }, insertedOutput: { _, value in value })
        var rank = [Int32](repeating: 0, count: alive.count)
        for (position, value) in order.enumerated() { rank[Int(newID[value])] = Int32(position) }
        return rank
    }

    /// Per new article, its value ids: an old article's copied and renumbered, a fresh one's interned.
    private static func patchedArticleValues(_ old: FacetTable, sources: [Int32], freshLists: [[Int32]],
                                             newID: [Int32]) -> (starts: [Int32], values: [Int32]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(sources.count + 1)
        var values: [Int32] = []
        values.reserveCapacity(old.articleValues.count + freshLists.reduce(0) { $0 + $1.count })
        old.articleStarts.withUnsafeBufferPointer { oldStarts in
            old.articleValues.withUnsafeBufferPointer { oldValues in
                for source in sources {
                    if source >= 0 {
                        for k in Int(oldStarts[Int(source)])..<Int(oldStarts[Int(source) + 1]) { values.append(newID[Int(oldValues[k])]) }
                    } else {
                        for value in freshLists[Int(~source)] { values.append(newID[Int(value)]) }
                    }
                    starts.append(Int32(values.count))
                }
            }
        }
        return (starts, values)
    }

    /// Postings from per-article values, by counting sort: article indices come out ascending.
    static func postings(valueCount: Int, articleStarts: [Int32], articleValues: [Int32]) -> (starts: [Int32], docs: [Int32]) {
        var postingStarts = [Int32](repeating: 0, count: valueCount + 1)
        for value in articleValues { postingStarts[Int(value) + 1] += 1 }
        for v in 0..<valueCount { postingStarts[v + 1] += postingStarts[v] }
        var cursor = postingStarts
        var docs = [Int32](repeating: 0, count: articleValues.count)
        for article in 0..<articleStarts.count - 1 {
            for k in Int(articleStarts[article])..<Int(articleStarts[article + 1]) {
                let value = Int(articleValues[k])
                docs[Int(cursor[value])] = Int32(article)
                cursor[value] += 1
            }
        }
        return (postingStarts, docs)
    }
}
