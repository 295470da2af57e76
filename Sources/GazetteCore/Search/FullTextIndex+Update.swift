import Foundation

/// Bringing an index up to date after a few articles changed, without re-reading the others.
///
/// A refresh after 1% of the files changed used to rebuild the whole index (tokenising every
/// article again: most of a cold load's CPU). Here only the new and changed articles are
/// tokenised, into one builder chunk; every other posting is copied from the old index (its
/// frequency byte and position block verbatim, its article renumbered), merged term by term with
/// the chunk's, on all cores (`IndexUpdateMerge`). The result is the index a fresh build over the
/// same articles would make: same terms, same postings in the same order, same lengths, so the
/// same answers and scores.
extension FullTextIndex {
    /// The index over `articles`, from `old` and `previous[k]`: the article of `old` that article
    /// `k` is (same text), or -1 for a new or changed one. nil when the update would not pay
    /// (most articles new) or the kept articles changed their relative order: the caller rebuilds.
    /// `parts`: how many ranges of terms the merge is cut into (tests vary it; the answer is the same).
    static func updated(_ old: FullTextIndex, previous: [Int32], articles: ArticleList,
                        parts: Int = ProcessInfo.processInfo.activeProcessorCount * 4) -> FullTextIndex? {
        let count = articles.count
        guard previous.count == count else { return nil }
        var oldToNew = [Int32](repeating: -1, count: old.lengths.count)
        var fresh: [Int32] = []
        var last: Int32 = -1
        for k in 0..<count {
            let before = previous[k]
            if before < 0 {
                fresh.append(Int32(k))
                continue
            }
            guard before > last, Int(before) < oldToNew.count else { return nil }
            last = before
            oldToNew[Int(before)] = Int32(k)
        }
        guard fresh.count <= count / 2 else { return nil }
        let chunk = FreshPostings(articles: articles, fresh: fresh, commonWords: old.commonWords)
        let out = IndexUpdateMerge(old: old, oldToNew: oldToNew, chunk: chunk)
            .run(parts: parts)
        var lengths = [UInt32](repeating: 0, count: count)
        var next = 0
        for k in 0..<count {
            if previous[k] >= 0 {
                lengths[k] = old.lengths[Int(previous[k])]
            } else {
                lengths[k] = chunk.lengths[next]
                next += 1
            }
        }
        let average = count == 0 ? 1 : max(1, Double(lengths.reduce(0) { $0 + Int($1) }) / Double(count))
        return FullTextIndex(termBytes: FlatArray(out.termBytes), termOffsets: FlatArray(out.termOffsets),
                             postingStarts: FlatArray(out.postingStarts), docStarts: FlatArray(out.docStarts),
                             docBytes: FlatArray(out.docBytes), tfs: FlatArray(out.tfs), lengths: FlatArray(lengths),
                             averageLength: average, positions: FlatArray(out.positions),
                             positionStarts: FlatArray(out.positionStarts), skipDocs: FlatArray(out.skipDocs),
                             skipDocBytes: FlatArray(out.skipDocBytes), skipPositions: FlatArray(out.skipPositions))
    }
}
