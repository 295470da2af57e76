/// Phrase matching from word positions: no article text is read.
extension FullTextIndex {
    /// The candidates in which the terms `ids` occur at consecutive positions of one field.
    ///
    /// Every candidate must contain every term (the caller intersects their postings first).
    func phraseMatches(_ ids: [Int], candidates: Bitset) -> Bitset {
        let members = candidates.members
        var result = Bitset(count: candidates.count)
        guard !members.isEmpty, !ids.isEmpty else { return result }
        let chunks = members.count > 8192 ? 4 : 1
        let parts = Parallel.map(chunks) { chunk in
            self.phraseMatches(ids, in: members[members.count * chunk / chunks..<members.count * (chunk + 1) / chunks])
        }
        for part in parts { for article in part { result.insert(Int(article)) } }
        return result
    }

    private func phraseMatches(_ ids: [Int], in articles: ArraySlice<Int32>) -> [Int32] {
        guard let first = articles.first else { return [] }
        return docs.withUnsafeBufferPointer { docs in
            positions.withUnsafeBufferPointer { positions in
                // Per term, a posting cursor and the offset of its position block, from the first candidate on.
                var posting = ids.map { lowerBound(docs, postingStarts[$0], postingStarts[$0 + 1], first) }
                var offset = posting.map { blockOffset(positions, $0) }
                var matched: [Int32] = []
                var starts: [UInt32] = [], block: [UInt32] = []
                for article in articles {
                    var found = true
                    for (j, id) in ids.enumerated() {
                        let end = postingStarts[id + 1]
                        while posting[j] < end && docs[posting[j]] < article {
                            offset[j] = PositionCoding.skipBlock(positions, offset[j])
                            posting[j] += 1
                        }
                        guard posting[j] < end && docs[posting[j]] == article else { found = false; break }
                        if j == 0 {
                            PositionCoding.decodeBlock(positions, offset[j], into: &starts)
                        } else {
                            PositionCoding.decodeBlock(positions, offset[j], into: &block)
                            Self.keepFollowed(&starts, by: block, distance: UInt32(j))
                        }
                        if starts.isEmpty { found = false; break }
                    }
                    if found { matched.append(article) }
                }
                return matched
            }
        }
    }

    /// Keeps the start positions `p` for which `p + distance` is in `block` (both ascending).
    private static func keepFollowed(_ starts: inout [UInt32], by block: [UInt32], distance: UInt32) {
        var kept = 0, k = 0
        for p in starts {
            let wanted = p + distance
            while k < block.count && block[k] < wanted { k += 1 }
            if k == block.count { break }
            if block[k] == wanted {
                starts[kept] = p
                kept += 1
            }
        }
        starts.removeLast(starts.count - kept)
    }

    /// The first posting in `low..<high` whose article is not below `article`.
    private func lowerBound(_ docs: UnsafeBufferPointer<Int32>, _ low: Int, _ high: Int, _ article: Int32) -> Int {
        var low = low, high = high
        while low < high {
            let mid = (low + high) / 2
            if docs[mid] < article { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The offset of posting `k`'s position block, from the skip table.
    private func blockOffset(_ positions: UnsafeBufferPointer<UInt8>, _ k: Int) -> Int {
        let base = k / Self.skipInterval
        guard base < skips.count else { return positions.count }
        var offset = skips[base]
        for _ in base * Self.skipInterval..<k { offset = PositionCoding.skipBlock(positions, offset) }
        return offset
    }
}
