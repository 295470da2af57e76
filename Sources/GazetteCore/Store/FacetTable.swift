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
    var folded: [String] { lazyFolded.wrapped }
    /// Position of each value in ascending value order, for stable tie-breaking.
    let rank: FlatArray<Int32>
    /// 1 when every occurrence of the value in the corpus is spelled exactly as its name: a
    /// refresh that adds or removes only such spellings keeps the name without recounting.
    let plain: FlatArray<UInt8>
    var ids: [String: Int32] { lazyIDs.wrapped }
    // Made on first use when read from a snapshot: a CLI run that never asks for a facet value
    // by name (`show`, `list WORD`) does not fold and hash thousands of names.
    private let lazyFolded: Lazy<[String]>
    private let lazyIDs: Lazy<[String: Int32]>
    let articleStarts: FlatArray<Int32>
    let articleValues: FlatArray<Int32>
    let postingStarts: FlatArray<Int32>
    let postingDocs: FlatArray<Int32>
    /// Articles carrying each value, over the whole store.
    let totals: [Int32]

    var valueCount: Int { names.count }

    /// The lookup key for a value: case-insensitive, surrounding spaces ignored.
    static func key(_ value: String) -> String {
        // ASCII without surrounding blanks (nearly every value) skips Foundation's trimming and Unicode lower-casing.
        let ascii: String? = value.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard let first = bytes.first, let last = bytes.last, !isBlank(first), !isBlank(last) else { return nil }
            for byte in bytes where byte >= 0x80 { return nil }
            return String(decoding: bytes.lazy.map(TextFolding.asciiLower), as: UTF8.self)
        } ?? nil
        return ascii ?? value.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The lookup key for a value of `kind`: authors by their `Name <address>` form
    /// (`AuthorName.full`), so `"Ada K." <ada@x>`, `Ada K. <ada@x>` and `ada@x (Ada K.)` are one
    /// value; every other kind as `key(_:)`.
    static func key(_ value: String, kind: FacetKind) -> String {
        guard kind == .author, value.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "(") }) else { return key(value) }
        return key(AuthorName(value).full)
    }

    /// What values sort by (the sidebar's A–Z, the author sort): the folded value, but for an
    /// author the name a person reads (`AuthorName.short`), so `zed@x (Anna Apple)` is with the
    /// A's and a quoted `"Bob"` is not before every name.
    static func sortKeys(_ names: [String], folded: [String], kind: FacetKind) -> [String] {
        guard kind == .author else { return folded }
        return names.indices.map { index in
            names[index].utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "\"") })
                ? TextFolding.fold(AuthorName(names[index]).short) : folded[index]
        }
    }

    static func trimmed(_ value: String) -> String {
        let clean = value.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.first.map { !isBlank($0) } == true && bytes.last.map { !isBlank($0) } == true
        } ?? false
        return clean ? value : value.trimmingCharacters(in: .whitespaces)
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte >= 0x80 }

    /// The four tables (tag, category, author, year), built in parallel (each also in chunks).
    static func build(articles: [Article]) -> [FacetTable] {
        Parallel.parts(FacetKind.allCases.count) { FacetTable(kind: FacetKind.allCases[$0], articles: articles) }
    }

    /// One chunk's exact spellings: interned per chunk in parallel, merged by `String` afterwards.
    private struct ChunkSpellings: Sendable {
        var spellings: [String]
        var counts: [Int32]
        /// Per occurrence, the chunk-local spelling id; per article, where its occurrences start.
        var occurrences: [Int32]
        var starts: [Int32]
    }

    private static func internChunk(_ articles: ArraySlice<Article>, kind: FacetKind) -> ChunkSpellings {
        var table = SpellingTable()
        var occurrences: [Int32] = []
        var starts: [Int32] = []
        starts.reserveCapacity(articles.count)
        articles.withUnsafeBufferPointer { articles in
            for article in articles.indices {
                starts.append(Int32(occurrences.count))
                values(of: articles, article, kind: kind) { value in
                    var value = value
                    occurrences.append(value.withUTF8 { table.intern($0) })
                }
            }
        }
        return ChunkSpellings(spellings: (0..<table.count).map(table.string), counts: table.counts,
                              occurrences: occurrences, starts: starts)
    }

    init(kind: FacetKind, articles: [Article]) {
        self.kind = kind
        let chunkCount = max(1, min(8, articles.count / 8192))
        let chunks = Parallel.map(chunkCount) { chunk in
            Self.internChunk(articles[articles.count * chunk / chunkCount..<articles.count * (chunk + 1) / chunkCount], kind: kind)
        }
        // Exact spellings across chunks; each chunk-local id maps to a global spelling id.
        var spellingIDs: [String: Int32] = [:]
        var spellings: [String] = []
        var spellingCounts: [Int] = []
        let globalOfLocal: [[Int32]] = chunks.map { chunk in
            chunk.spellings.enumerated().map { local, text in
                let id: Int32
                if let known = spellingIDs[text] {
                    id = known
                } else {
                    id = Int32(spellings.count)
                    spellingIDs[text] = id
                    spellings.append(text)
                    spellingCounts.append(0)
                }
                spellingCounts[Int(id)] += Int(chunk.counts[local])
                return id
            }
        }
        var starts: [Int32] = []
        starts.reserveCapacity(articles.count + 1)
        var spellingOfValue: [Int32] = []
        spellingOfValue.reserveCapacity(chunks.reduce(0) { $0 + $1.occurrences.count })
        for (c, chunk) in chunks.enumerated() {
            for start in chunk.starts { starts.append(start + Int32(spellingOfValue.count)) }
            for local in chunk.occurrences { spellingOfValue.append(globalOfLocal[c][Int(local)]) }
        }
        starts.append(Int32(spellingOfValue.count))
        // Spellings → case-insensitive values; the display form is the most common spelling.
        var ids: [String: Int32] = [:]
        var valueOfSpelling: [Int32] = []
        var bestSpelling: [Int32] = []
        for (spelling, text) in spellings.enumerated() {
            let key = Self.key(text, kind: kind)
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
            }
            valueOfSpelling.append(value)
        }
        names = bestSpelling.map { Self.trimmed(spellings[Int($0)]) }
        let folded = names.map { TextFolding.fold($0) }
        lazyFolded = Lazy(made: folded)
        lazyIDs = Lazy(made: ids)
        var plain = [UInt8](repeating: 1, count: names.count)
        for (spelling, text) in spellings.enumerated() where text != names[Int(valueOfSpelling[spelling])] {
            plain[Int(valueOfSpelling[spelling])] = 0
        }
        self.plain = FlatArray(plain)
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
        articleStarts = FlatArray(dedupedStarts)
        articleValues = FlatArray(values)
        let (postingStarts, docs) = Self.postings(valueCount: names.count, articleStarts: dedupedStarts, articleValues: values)
        self.postingStarts = FlatArray(postingStarts)
        postingDocs = FlatArray(docs)
        totals = (0..<names.count).map { postingStarts[$0 + 1] - postingStarts[$0] }
        let names = names
        let sortKeys = Self.sortKeys(names, folded: folded, kind: kind)
        let order = (0..<names.count).sorted { (sortKeys[$0], names[$0]) < (sortKeys[$1], names[$1]) }
        var rank = Array(repeating: Int32(0), count: names.count)
        for (position, value) in order.enumerated() { rank[value] = Int32(position) }
        self.rank = FlatArray(rank)
    }

    /// A table whose arrays already exist (read in place from a snapshot); the small per-value
    /// lookups (folded names, ids, totals) are made again from `names`.
    convenience init(kind: FacetKind, names: [String], rank: FlatArray<Int32>, plain: FlatArray<UInt8>, articleStarts: FlatArray<Int32>,
                     articleValues: FlatArray<Int32>, postingStarts: FlatArray<Int32>, postingDocs: FlatArray<Int32>) {
        // Every spelling of a value has the key of its (trimmed) display name.
        let ids = Lazy {
            var ids: [String: Int32] = [:]
            for (value, name) in names.enumerated() { ids[Self.key(name, kind: kind)] = Int32(value) }
            return ids
        }
        self.init(kind: kind, names: names, folded: Lazy { names.map { TextFolding.fold($0) } }, ids: ids, rank: rank, plain: plain,
                  articleStarts: articleStarts, articleValues: articleValues, postingStarts: postingStarts, postingDocs: postingDocs)
    }

    /// A table from all its parts (a snapshot's, or one patched after a refresh).
    init(kind: FacetKind, names: [String], folded: Lazy<[String]>, ids: Lazy<[String: Int32]>, rank: FlatArray<Int32>, plain: FlatArray<UInt8>,
         articleStarts: FlatArray<Int32>, articleValues: FlatArray<Int32>, postingStarts: FlatArray<Int32>, postingDocs: FlatArray<Int32>) {
        self.kind = kind
        self.names = names
        lazyFolded = folded
        lazyIDs = ids
        self.rank = rank
        self.plain = plain
        self.articleStarts = articleStarts
        self.articleValues = articleValues
        self.postingStarts = postingStarts
        self.postingDocs = postingDocs
        totals = (0..<names.count).map { postingStarts[$0 + 1] - postingStarts[$0] }
    }

    /// The values of `articles[index]`, read field by field: copying a whole `Article` retains all its fields.
    private static func values(of articles: UnsafeBufferPointer<Article>, _ index: Int, kind: FacetKind, _ body: (String) -> Void) {
        switch kind {
        case .tag: for tag in articles[index].tags where !tag.isEmpty { body(tag) }
        case .category: for category in articles[index].categories where !category.isEmpty { body(category) }
        case .author: if let author = articles[index].author, !author.isEmpty { body(author) }
        case .year: if let date = articles[index].date { body(String(date.year)) }
        }
    }

    /// The values of one kind among an article's fields, in the article's order, empty ones skipped
    /// (as `values(of:_:kind:_:)` reads them).
    static func rawValues(_ kind: FacetKind, tags: [String], categories: [String], author: String?, date: ArticleDate?) -> [String] {
        switch kind {
        case .tag: tags.filter { !$0.isEmpty }
        case .category: categories.filter { !$0.isEmpty }
        case .author: author.map { $0.isEmpty ? [] : [$0] } ?? []
        case .year: date.map { [String($0.year)] } ?? []
        }
    }

    /// The id of `value` (case-insensitive), if any article carries it.
    func id(of value: String) -> Int32? { ids[Self.key(value, kind: kind)] }

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
