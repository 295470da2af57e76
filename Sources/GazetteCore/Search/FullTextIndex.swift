import Foundation

/// The inverted index over titles and bodies: a sorted term dictionary and postings with term frequencies.
///
/// Terms are sorted by bytes, so a prefix is a contiguous range of term ids found by binary
/// search. Postings are one flat array of article indices (ascending per term) with a parallel
/// array of packed title/body frequencies.
final class FullTextIndex: Sendable {
    let termBytes: [UInt8]
    let termOffsets: [Int]
    let postingStarts: [Int]
    let docs: [Int32]
    let tfs: [UInt16]
    /// Weighted length (title tokens × title weight + body tokens) per article.
    let lengths: [UInt32]
    let averageLength: Double
    /// Word positions: per posting one block (see `PositionCoding`), grouped like `docs`.
    let positions: [UInt8]
    /// Where each term's position blocks begin in `positions`.
    let positionStarts: [Int]
    /// Offset in `positions` of posting `k` for every `k` divisible by `skipInterval` (parallel phrase scans start there).
    let skips: [Int]
    static let skipInterval = 64

    var termCount: Int { termOffsets.count - 1 }

    /// Builds the index over `articles`, splitting them into chunks built in parallel.
    init(articles: [Article]) {
        let chunkCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 2, articles.count / 512))
        let bounds = (0...chunkCount).map { articles.count * $0 / chunkCount }
        let parts = Parallel.map(chunkCount) { chunk in
            var builder = TextIndexBuilder()
            for index in bounds[chunk]..<bounds[chunk + 1] { builder.add(article: articles[index], index: index) }
            return builder.finish()
        }

        // Merge the chunk dictionaries, then number terms in byte order.
        var global = TermTable(capacity: parts.first.map { $0.table.termCount * 2 } ?? 16)
        let localToGlobal: [[Int32]] = parts.map { part in
            (0..<part.table.termCount).map { local in
                part.table.withTermBytes(local) { key in
                    let hash = TermTable.hash(key)
                    return global.find(key, hash: hash) ?? global.insert(key, hash: hash)
                }
            }
        }
        var globalBytes: [UInt8] = []
        var globalOffsets: [Int] = [0]
        for term in 0..<global.termCount {
            global.withTermBytes(term) { globalBytes.append(contentsOf: $0) }
            globalOffsets.append(globalBytes.count)
        }
        let order: [Int32] = globalBytes.withUnsafeBufferPointer { bytes in
            Array(0..<Int32(global.termCount)).sorted { a, b in
                Self.compare(bytes, globalOffsets[Int(a)], globalOffsets[Int(a) + 1],
                             bytes, globalOffsets[Int(b)], globalOffsets[Int(b) + 1]) < 0
            }
        }
        var rank = Array(repeating: Int32(0), count: order.count)
        var sortedBytes: [UInt8] = []
        sortedBytes.reserveCapacity(globalBytes.count)
        var sortedOffsets: [Int] = [0]
        for (position, term) in order.enumerated() {
            rank[Int(term)] = Int32(position)
            sortedBytes.append(contentsOf: globalBytes[globalOffsets[Int(term)]..<globalOffsets[Int(term) + 1]])
            sortedOffsets.append(sortedBytes.count)
        }

        // Place each chunk's postings after those of earlier chunks: article order is preserved.
        var starts = Array(repeating: 0, count: order.count + 1)
        var byteStarts = Array(repeating: 0, count: order.count + 1)
        for (p, part) in parts.enumerated() {
            for local in 0..<part.table.termCount {
                let term = Int(rank[Int(localToGlobal[p][local])]) + 1
                starts[term] += part.termStarts[local + 1] - part.termStarts[local]
                byteStarts[term] += part.termPositionStarts[local + 1] - part.termPositionStarts[local]
            }
        }
        for t in 0..<order.count {
            starts[t + 1] += starts[t]
            byteStarts[t + 1] += byteStarts[t]
        }
        var cursor = starts
        var byteCursor = byteStarts
        var destinations: [[(slot: Int, byte: Int)]] = []
        for (p, part) in parts.enumerated() {
            destinations.append((0..<part.table.termCount).map { local in
                let term = Int(rank[Int(localToGlobal[p][local])])
                let slot = cursor[term], byte = byteCursor[term]
                cursor[term] += part.termStarts[local + 1] - part.termStarts[local]
                byteCursor[term] += part.termPositionStarts[local + 1] - part.termPositionStarts[local]
                return (slot, byte)
            })
        }
        let total = starts[order.count]
        var docs = Array(repeating: Int32(0), count: total)
        var tfs = Array(repeating: UInt16(0), count: total)
        var positions = [UInt8](repeating: 0, count: byteStarts[order.count])
        docs.withUnsafeMutableBufferPointer { docsBuffer in
            tfs.withUnsafeMutableBufferPointer { tfsBuffer in
                positions.withUnsafeMutableBufferPointer { positionsBuffer in
                    let docsOut = SharedBuffer(base: docsBuffer), tfsOut = SharedBuffer(base: tfsBuffer)
                    let positionsOut = SharedBuffer(base: positionsBuffer)
                    let destinations = destinations
                    Parallel.forEach(parts.count) { p in
                        let part = parts[p]
                        let destination = destinations[p]
                        for local in 0..<part.table.termCount {
                            var slot = destination[local].slot
                            for k in part.termStarts[local]..<part.termStarts[local + 1] {
                                docsOut[slot] = part.docs[k]
                                tfsOut[slot] = part.tfs[k]
                                slot += 1
                            }
                            var byte = destination[local].byte
                            for k in part.termPositionStarts[local]..<part.termPositionStarts[local + 1] {
                                positionsOut[byte] = part.positions[k]
                                byte += 1
                            }
                        }
                    }
                }
            }
        }
        var skips: [Int] = []
        skips.reserveCapacity(total / Self.skipInterval + 1)
        positions.withUnsafeBufferPointer { positions in
            var offset = 0
            for k in 0..<total {
                if k % Self.skipInterval == 0 { skips.append(offset) }
                offset = PositionCoding.skipBlock(positions, offset)
            }
        }
        self.positions = positions
        positionStarts = byteStarts
        self.skips = skips
        termBytes = sortedBytes
        termOffsets = sortedOffsets
        postingStarts = starts
        self.docs = docs
        self.tfs = tfs
        lengths = parts.flatMap(\.lengths)
        averageLength = articles.isEmpty ? 1 : max(1, Double(lengths.reduce(0) { $0 + Int($1) }) / Double(articles.count))
    }

    @inline(__always)
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ aStart: Int, _ aEnd: Int,
                        _ b: UnsafeBufferPointer<UInt8>, _ bStart: Int, _ bEnd: Int) -> Int {
        let common = min(aEnd - aStart, bEnd - bStart)
        if common > 0 {
            let result = memcmp(a.baseAddress! + aStart, b.baseAddress! + bStart, common)
            if result != 0 { return Int(result) }
        }
        return (aEnd - aStart) - (bEnd - bStart)
    }

    /// The first term id whose bytes are not less than `key` (or, with `prefix`, whose bytes do not start with and are not less than it).
    private func lowerBound(_ key: [UInt8], pastPrefix: Bool) -> Int {
        termBytes.withUnsafeBufferPointer { terms in
            key.withUnsafeBufferPointer { key in
                var low = 0
                var high = termCount
                while low < high {
                    let mid = (low + high) / 2
                    let start = termOffsets[mid]
                    var end = termOffsets[mid + 1]
                    if pastPrefix { end = min(end, start + key.count) }
                    let comparison = Self.compare(terms, start, end, key, 0, key.count)
                    if comparison < 0 || (pastPrefix && comparison == 0) { low = mid + 1 } else { high = mid }
                }
                return low
            }
        }
    }

    /// The term ids a search term covers: one exact term, or every term with the prefix.
    func termRange(_ term: SearchTerm) -> Range<Int> {
        let key = Array(term.folded.utf8)
        let low = lowerBound(key, pastPrefix: false)
        if term.isPrefix { return low..<lowerBound(key, pastPrefix: true) }
        guard low < termCount, termOffsets[low + 1] - termOffsets[low] == key.count,
              termBytes[termOffsets[low]..<termOffsets[low + 1]].elementsEqual(key) else { return low..<low }
        return low..<low + 1
    }

    /// Number of articles containing term `id`.
    func documentFrequency(_ id: Int) -> Int { postingStarts[id + 1] - postingStarts[id] }

    /// Sets the bit of every article containing any term in `terms`.
    func addPostings(of terms: Range<Int>, to bitset: inout Bitset) {
        guard !terms.isEmpty else { return }
        docs.withUnsafeBufferPointer { docs in
            for k in postingStarts[terms.lowerBound]..<postingStarts[terms.upperBound] { bitset.insert(Int(docs[k])) }
        }
    }

    /// Adds the BM25 score of term `id` to `scores` for articles in `within`.
    func addScores(of id: Int, documentCount: Int, within: Bitset, to scores: inout [Float]) {
        let k1 = 1.2, b = 0.75
        let df = Double(documentFrequency(id))
        let idf = Float(log(1 + (Double(documentCount) - df + 0.5) / (df + 0.5)))
        let norm = Float(k1 * (1 - b)), lengthFactor = Float(k1 * b / averageLength), boost = Float(k1 + 1)
        docs.withUnsafeBufferPointer { docs in
            tfs.withUnsafeBufferPointer { tfs in
                lengths.withUnsafeBufferPointer { lengths in
                    scores.withUnsafeMutableBufferPointer { scores in
                        for k in postingStarts[id]..<postingStarts[id + 1] {
                            let doc = Int(docs[k])
                            guard within.contains(doc) else { continue }
                            let tf = Float(TextIndexBuilder.weightedTF(tfs[k]))
                            scores[doc] += idf * tf * boost / (tf + norm + lengthFactor * Float(lengths[doc]))
                        }
                    }
                }
            }
        }
    }
}
