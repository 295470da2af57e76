import Foundation

/// One facet dimension, interned: each distinct value (case-insensitively) is a small id.
///
/// Per-article value ids live in one flat array with offsets, and each value has a sorted
/// postings list of article indices, so counting and filtering never touch strings.
final class FacetTable: Sendable {
    let kind: FacetKind
    /// Display form per value id (for tags: the most common spelling in the corpus).
    let names: [String]
    /// Folded display form per value id (author substring search, value ordering).
    let folded: [String]
    /// Position of each value in ascending value order, for stable tie-breaking.
    let rank: [Int32]
    private let ids: [String: Int32]
    let articleStarts: [Int32]
    let articleValues: [Int32]
    let postingStarts: [Int32]
    let postingDocs: [Int32]
    /// Articles carrying each value, over the whole store.
    let totals: [Int32]

    var valueCount: Int { names.count }

    /// The lookup key for a value: case-insensitive, surrounding spaces ignored.
    static func key(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespaces).lowercased()
    }

    init(kind: FacetKind, articles: [Article]) {
        self.kind = kind
        // Exact spellings are interned first, so each occurrence costs one hash lookup.
        var spellingIDs: [String: Int32] = [:]
        var spellings: [String] = []
        var spellingCounts: [Int] = []
        var starts: [Int32] = [0]
        starts.reserveCapacity(articles.count + 1)
        var spellingOfValue: [Int32] = []
        for article in articles {
            Self.values(of: article, kind: kind) { value in
                let id: Int32
                if let known = spellingIDs[value] {
                    id = known
                } else {
                    id = Int32(spellings.count)
                    spellingIDs[value] = id
                    spellings.append(value)
                    spellingCounts.append(0)
                }
                spellingCounts[Int(id)] += 1
                spellingOfValue.append(id)
            }
            starts.append(Int32(spellingOfValue.count))
        }
        // Spellings → case-insensitive values; the display form is the most common spelling.
        var ids: [String: Int32] = [:]
        var valueOfSpelling: [Int32] = []
        var bestSpelling: [Int32] = []
        var valueCounts: [Int] = []
        for (spelling, text) in spellings.enumerated() {
            let key = Self.key(text)
            let value: Int32
            if let known = ids[key] {
                value = known
                let best = Int(bestSpelling[Int(value)])
                let count = spellingCounts[spelling], bestCount = spellingCounts[best]
                if count > bestCount || (count == bestCount && text < spellings[best]) {
                    bestSpelling[Int(value)] = Int32(spelling)
                }
            } else {
                value = Int32(bestSpelling.count)
                ids[key] = value
                bestSpelling.append(Int32(spelling))
                valueCounts.append(0)
            }
            valueOfSpelling.append(value)
        }
        names = bestSpelling.map { spellings[Int($0)].trimmingCharacters(in: .whitespaces) }
        folded = names.map { TextFolding.fold($0) }
        self.ids = ids
        // Per-article value ids, with values repeated in one article (`CIA`, `cia`) kept once.
        var values: [Int32] = []
        values.reserveCapacity(spellingOfValue.count)
        var dedupedStarts: [Int32] = [0]
        dedupedStarts.reserveCapacity(articles.count + 1)
        for article in 0..<articles.count {
            let first = values.count
            for k in Int(starts[article])..<Int(starts[article + 1]) {
                let value = valueOfSpelling[Int(spellingOfValue[k])]
                if !values[first...].contains(value) { values.append(value) }
            }
            dedupedStarts.append(Int32(values.count))
        }
        articleStarts = dedupedStarts
        articleValues = values
        // Postings by counting sort; article indices come out ascending.
        var postingStarts = Array(repeating: Int32(0), count: names.count + 1)
        for value in values { postingStarts[Int(value) + 1] += 1 }
        for v in 0..<names.count { postingStarts[v + 1] += postingStarts[v] }
        var cursor = postingStarts
        var docs = Array(repeating: Int32(0), count: values.count)
        for article in 0..<articles.count {
            for k in Int(dedupedStarts[article])..<Int(dedupedStarts[article + 1]) {
                let value = Int(values[k])
                docs[Int(cursor[value])] = Int32(article)
                cursor[value] += 1
            }
        }
        self.postingStarts = postingStarts
        postingDocs = docs
        totals = (0..<names.count).map { postingStarts[$0 + 1] - postingStarts[$0] }
        let names = names, folded = folded
        let order = (0..<names.count).sorted { (folded[$0], names[$0]) < (folded[$1], names[$1]) }
        var rank = Array(repeating: Int32(0), count: names.count)
        for (position, value) in order.enumerated() { rank[value] = Int32(position) }
        self.rank = rank
    }

    private static func values(of article: Article, kind: FacetKind, _ body: (String) -> Void) {
        switch kind {
        case .tag: for tag in article.tags where !tag.isEmpty { body(tag) }
        case .category: for category in article.categories where !category.isEmpty { body(category) }
        case .author: if let author = article.author, !author.isEmpty { body(author) }
        case .year: if let date = article.date { body(String(date.year)) }
        }
    }

    /// The id of `value` (case-insensitive), if any article carries it.
    func id(of value: String) -> Int32? { ids[Self.key(value)] }

    /// Entries with a non-zero count, count descending then value ascending.
    func entries(counts: [Int32]) -> [FacetEntry] {
        (0..<counts.count).filter { counts[$0] > 0 }
            .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : rank[$0] < rank[$1] }
            .map { FacetEntry(kind: kind, value: names[$0], count: Int(counts[$0])) }
    }

    /// Value counts over the articles in `matches`, from the flat per-article ids.
    func counts(over matches: Bitset) -> [Int32] {
        let articleCount = articleStarts.count - 1
        // Counting the smaller side is cheaper; a large result is totals minus its complement.
        let useComplement = matches.cardinality > articleCount / 2
        var set = matches
        if useComplement { set.formComplement() }
        var counts = Array(repeating: Int32(0), count: valueCount)
        counts.withUnsafeMutableBufferPointer { counts in
            articleStarts.withUnsafeBufferPointer { starts in
                articleValues.withUnsafeBufferPointer { values in
                    set.forEach { article in
                        for k in Int(starts[article])..<Int(starts[article + 1]) { counts[Int(values[k])] &+= 1 }
                    }
                }
            }
        }
        if useComplement {
            for v in 0..<counts.count { counts[v] = totals[v] - counts[v] }
        }
        return counts
    }
}

extension FacetKind {
    /// Position in `allCases`, used to index per-kind arrays.
    var ordinal: Int {
        switch self {
        case .tag: 0
        case .category: 1
        case .author: 2
        case .year: 3
        }
    }
}
