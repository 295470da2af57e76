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
        if ids.count == 2 { return pairMatches(ids[0], ids[1], in: articles) }
        return docBytes.withUnsafeBufferPointer { docBytes in
            positions.withUnsafeBufferPointer { positions in
                tfs.withUnsafeBufferPointer { tfs in
                    // One cursor per distinct word: a word said twice ("bora bora") walks its postings once.
                    var distinct: [Int] = []
                    for id in ids where !distinct.contains(id) { distinct.append(id) }
                    let cursorOf = ids.map { distinct.firstIndex(of: $0)! }
                    var cursors = distinct.map { PostingCursor(index: self, term: $0, docBytes: docBytes) }
                    var offsets = [Int](repeating: 0, count: distinct.count)
                    var matched: [Int32] = []
                    var streams = [PositionStream](repeating: PositionStream(), count: ids.count)
                    candidates: for article in articles {
                        for c in cursors.indices {
                            cursors[c].advance(to: article, index: self, docBytes: docBytes)
                            guard cursors[c].doc == article else { continue candidates }
                            offsets[c] = cursors[c].positionOffset(index: self, positions: positions)
                        }
                        // Anchor on the word with the fewest occurrences here; the others are read only
                        // as far as the positions the anchor asks for.
                        var anchor = 0
                        for j in ids.indices {
                            streams[j] = PositionStream(positions, offsets[cursorOf[j]])
                            if Self.occurrences(tfs[cursors[cursorOf[j]].k]) < Self.occurrences(tfs[cursors[cursorOf[anchor]].k]) { anchor = j }
                        }
                        if Self.matches(&streams, anchor: anchor, positions) { matched.append(article) }
                    }
                    return matched
                }
            }
        }
    }

    /// The two-word phrase (the common case) with its cursors and streams in locals: the same
    /// steps as the general loop without its arrays (bounds and uniqueness checks per position).
    private func pairMatches(_ firstID: Int, _ secondID: Int, in articles: ArraySlice<Int32>) -> [Int32] {
        docBytes.withUnsafeBufferPointer { docBytes in
            positions.withUnsafeBufferPointer { positions in
                tfs.withUnsafeBufferPointer { tfs in
                    let same = firstID == secondID
                    var first = PostingCursor(index: self, term: firstID, docBytes: docBytes)
                    var second = PostingCursor(index: self, term: secondID, docBytes: docBytes)
                    var matched: [Int32] = []
                    for article in articles {
                        first.advance(to: article, index: self, docBytes: docBytes)
                        guard first.doc == article else { continue }
                        let firstOffset = first.positionOffset(index: self, positions: positions)
                        var secondOffset = firstOffset
                        if !same {
                            second.advance(to: article, index: self, docBytes: docBytes)
                            guard second.doc == article else { continue }
                            secondOffset = second.positionOffset(index: self, positions: positions)
                        }
                        var a = PositionStream(positions, firstOffset)
                        var b = PositionStream(positions, secondOffset)
                        // Anchor on the rarer word here, as the general loop does (the first on a tie).
                        let anchorFirst = same || Self.occurrences(tfs[second.k]) >= Self.occurrences(tfs[first.k])
                        if Self.pairMatches(&a, &b, anchorFirst: anchorFirst, positions) { matched.append(article) }
                    }
                    return matched
                }
            }
        }
    }

    /// Whether some position of the first word is followed by the second word.
    @inline(__always)
    private static func pairMatches(
        _ first: inout PositionStream, _ second: inout PositionStream, anchorFirst: Bool, _ positions: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        if anchorFirst {
            while let position = first.next(positions) {
                guard let found = second.first(notBelow: position + 1, positions) else { return false }
                if found == position + 1 { return true }
            }
        } else {
            while let position = second.next(positions) {
                guard position >= 1 else { continue }
                guard let found = first.first(notBelow: position - 1, positions) else { return false }
                if found == position - 1 { return true }
            }
        }
        return false
    }

    @inline(__always)
    private static func occurrences(_ packed: UInt8) -> Int { Int(packed >> 6) + Int(packed & 63) }

    /// Whether some occurrence of the anchor word has every other word at its place relative to it.
    private static func matches(_ streams: inout [PositionStream], anchor: Int, _ positions: UnsafeBufferPointer<UInt8>) -> Bool {
        let anchorDistance = UInt32(anchor)
        while let position = streams[anchor].next(positions) {
            guard position >= anchorDistance else { continue }
            let start = position - anchorDistance
            var all = true
            for j in streams.indices where j != anchor {
                let wanted = start + UInt32(j)
                guard let found = streams[j].first(notBelow: wanted, positions) else { return false }
                if found != wanted { all = false; break }
            }
            if all { return true }
        }
        return false
    }
}

/// Reads one position block incrementally, so a phrase check stops as soon as it has its answer.
struct PositionStream {
    private var offset = 0
    private var end = 0
    private(set) var value: UInt32 = 0
    private var started = false

    init() {}

    init(_ positions: UnsafeBufferPointer<UInt8>, _ blockOffset: Int) {
        offset = blockOffset
        end = Int(PositionCoding.readVarint(positions, &offset)) + offset
    }

    @inline(__always)
    mutating func next(_ positions: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard offset < end else { return nil }
        value &+= PositionCoding.readVarint(positions, &offset)
        started = true
        return value
    }

    /// The first position at or after `wanted` (the current one counts), or nil past the block's end.
    @inline(__always)
    mutating func first(notBelow wanted: UInt32, _ positions: UnsafeBufferPointer<UInt8>) -> UInt32? {
        if started && value >= wanted { return value }
        while let position = next(positions) {
            if position >= wanted { return position }
        }
        return nil
    }
}

/// A cursor over one term's postings that seeks with the skip table and finds position blocks lazily.
struct PostingCursor {
    private(set) var k: Int
    private let end: Int
    private(set) var doc: Int32
    /// Offset in `docBytes` of posting `k + 1`'s delta.
    private var nextDoc: Int
    /// The posting whose position block starts at `positionAt`.
    private var positionPosting: Int
    private var positionAt: Int

    init(index: FullTextIndex, term: Int, docBytes: UnsafeBufferPointer<UInt8>) {
        k = index.postingStarts[term]
        end = index.postingStarts[term + 1]
        nextDoc = index.docStarts[term]
        doc = k < end ? Int32(PositionCoding.readVarint(docBytes, &nextDoc)) : Int32.max
        positionPosting = k
        positionAt = index.positionStarts[term]
    }

    /// Moves to the first posting whose article is not below `target` (`doc` is `Int32.max` past the end).
    @inline(__always)
    mutating func advance(to target: Int32, index: FullTextIndex, docBytes: UnsafeBufferPointer<UInt8>) {
        guard doc < target else { return }
        let interval = FullTextIndex.skipInterval
        while true {
            let skip = k / interval + 1
            guard skip * interval < end, index.skipDocs[skip] <= target else { break }
            k = skip * interval
            doc = index.skipDocs[skip]
            nextDoc = index.skipDocBytes[skip]
            _ = PositionCoding.readVarint(docBytes, &nextDoc)
        }
        while doc < target {
            k += 1
            guard k < end else { doc = Int32.max; return }
            doc &+= Int32(PositionCoding.readVarint(docBytes, &nextDoc))
        }
    }

    /// The offset of the current posting's position block.
    @inline(__always)
    mutating func positionOffset(index: FullTextIndex, positions: UnsafeBufferPointer<UInt8>) -> Int {
        let interval = FullTextIndex.skipInterval
        if k / interval > positionPosting / interval {
            positionPosting = k / interval * interval
            positionAt = index.skipPositions[k / interval]
        }
        while positionPosting < k {
            positionAt = PositionCoding.skipBlock(positions, positionAt)
            positionPosting += 1
        }
        return positionAt
    }
}
