import Foundation
@testable import GazetteCore

/// The full-text index built the slow, obvious way: words grouped in a `Dictionary` by their
/// folded bytes, one article after another, then encoded. The oracle for the parallel builder
/// (chunked builders, the packed `TermTable`, the merge's scatter): every table must be equal.
/// Pairs of common words (`CommonWords`) are found afterwards from each article's word sequence.
struct ReferenceTextIndex {
    private struct Posting {
        var doc: Int
        var title = 0
        var body = 0
        var positions: [UInt32] = []
    }

    /// Every table in the order `IndexUpdateTests.tables` lists them.
    let tables: [[Int]]

    init(articles: [Article], commonWords: CommonWords? = nil) {
        let common = commonWords ?? CommonWords.chosen(from: articles)
        var termIDs: [[UInt8]: Int] = [:]
        var lists: [[Posting]] = []
        var lengths: [Int] = []
        for (doc, article) in articles.enumerated() {
            var position: UInt32 = 0
            var titleLength = 0, bodyLength = 0
            var sequence: [(term: [UInt8], position: UInt32, isTitle: Bool)] = []
            func add(_ bytes: [UInt8], isTitle: Bool) {
                bytes.withUnsafeBufferPointer { buffer in
                    Tokenizer.scan(buffer) { start, end, ascii in
                        let term = Self.fold(Array(buffer[start..<end]), ascii: ascii)
                        let id = termIDs[term] ?? lists.count
                        if id == lists.count { termIDs[term] = id; lists.append([]) }
                        if lists[id].last?.doc != doc { lists[id].append(Posting(doc: doc)) }
                        let last = lists[id].count - 1
                        if isTitle { lists[id][last].title += 1; titleLength += 1 } else { lists[id][last].body += 1; bodyLength += 1 }
                        lists[id][last].positions.append(position)
                        sequence.append((term, position, isTitle))
                        position += 1
                    }
                }
            }
            add(Array(article.title.utf8), isTitle: true)
            // A paragraph (a run of non-empty lines) starts one position past the previous word.
            var paragraphOpen = false
            if !article.bodyUTF8.isEmpty {
                for line in article.bodyUTF8.split(separator: 0x0A, omittingEmptySubsequences: false) {
                    if line.isEmpty { paragraphOpen = false; continue }
                    if !paragraphOpen { position += 1 }
                    paragraphOpen = true
                    add(Array(line), isTitle: false)
                }
            }
            for (first, second) in zip(sequence, sequence.dropFirst())
            where second.position == first.position + 1 && common.words.contains(first.term) && common.words.contains(second.term) {
                let term = CommonWords.pairTerm(first.term, second.term)
                let id = termIDs[term] ?? lists.count
                if id == lists.count { termIDs[term] = id; lists.append([]) }
                if lists[id].last?.doc != doc { lists[id].append(Posting(doc: doc)) }
                let last = lists[id].count - 1
                if first.isTitle { lists[id][last].title += 1 } else { lists[id][last].body += 1 }
                lists[id][last].positions.append(first.position)
            }
            lengths.append(titleLength * 3 + bodyLength)
        }
        let terms = termIDs.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var termBytes: [Int] = [], termOffsets = [0], postingStarts = [0], docStarts = [0], docBytes: [Int] = []
        var tfs: [Int] = [], positions: [Int] = [], positionStarts = [0]
        var skipDocs: [Int] = [], skipDocBytes: [Int] = [], skipPositions: [Int] = []
        var posting = 0
        for term in terms {
            termBytes += term.map(Int.init)
            termOffsets.append(termBytes.count)
            var previous = 0
            for entry in lists[termIDs[term]!] {
                if posting % FullTextIndex.skipInterval == 0 {
                    skipDocs.append(entry.doc)
                    skipDocBytes.append(docBytes.count)
                    skipPositions.append(positions.count)
                }
                docBytes += Self.varint(entry.doc - previous)
                previous = entry.doc
                tfs.append(min(entry.title, 3) << 6 | min(entry.body, 63))
                var block: [Int] = [], last: UInt32 = 0
                for position in entry.positions {
                    block += Self.varint(Int(position - last))
                    last = position
                }
                positions += Self.varint(block.count) + block
                posting += 1
            }
            postingStarts.append(posting)
            docStarts.append(docBytes.count)
            positionStarts.append(positions.count)
        }
        let average = articles.isEmpty ? 1 : max(1, Double(lengths.reduce(0, +)) / Double(articles.count))
        tables = [termBytes, termOffsets, postingStarts, docStarts, docBytes, tfs, lengths, [Int(average.bitPattern)],
                  positions, positionStarts, skipDocs, skipDocBytes, skipPositions]
    }

    /// The index's folding: ASCII lower-cased; a word with other letters folded by Foundation.
    private static func fold(_ word: [UInt8], ascii: Bool) -> [UInt8] {
        let lowered = word.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        if ascii { return lowered }
        return Array(TextFolding.foldUnicode(String(decoding: lowered, as: UTF8.self)).utf8)
    }

    private static func varint(_ value: Int) -> [Int] {
        var value = value, bytes: [Int] = []
        while value >= 0x80 {
            bytes.append(value & 0x7F | 0x80)
            value >>= 7
        }
        return bytes + [value]
    }
}
