import Foundation

/// The store's article permutations, computed from integer keys and bytes rather than `String`s.
enum ArticleOrdering {
    /// Newest first (instant, then written day), undated last; equal dates by folded title in
    /// natural order (`Bulletin 2` before `Bulletin 10`), then id.
    ///
    /// Dates sort as integer keys; titles matter only inside runs of equal dates, sorted on all cores
    /// and compared by packed ASCII prefixes, falling back to `compareFoldedTitles` on a tie.
    static func dateOrder(_ articles: [Article]) -> [Int32] {
        struct Key { var primary: UInt64; var secondary: UInt64; var index: Int32 }
        var keys = [Key]()
        keys.reserveCapacity(articles.count)
        var prefixes = [TitlePrefix]()
        prefixes.reserveCapacity(articles.count)
        // Fields are read through the buffer: copying a whole `Article` retains all its fields.
        articles.withUnsafeBufferPointer { articles in
            for index in articles.indices {
                prefixes.append(TitlePrefix(articles[index].title))
                let key = dateKey(articles[index].date)
                keys.append(Key(primary: key.primary, secondary: key.secondary, index: Int32(index)))
            }
        }
        keys.sort { a, b in
            if a.primary != b.primary { return a.primary < b.primary }
            if a.secondary != b.secondary { return a.secondary < b.secondary }
            return a.index < b.index
        }
        var order = keys.map(\.index)
        var runs: [Range<Int>] = []
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count && keys[end].primary == keys[start].primary && keys[end].secondary == keys[start].secondary {
                end += 1
            }
            if end - start > 1 { runs.append(start..<end) }
            start = end
        }
        guard !runs.isEmpty else { return order }
        let unsorted = order, tied = runs, titles = prefixes, chunks = max(1, min(8, runs.count / 256))
        let sortedRuns: [[Int32]] = Parallel.map(chunks) { chunk in
            var sorted: [Int32] = []
            articles.withUnsafeBufferPointer { articles in
                for run in tied[tied.count * chunk / chunks..<tied.count * (chunk + 1) / chunks] {
                    let members = Array(unsorted[run])
                    let local = members.indices.sorted { a, b in
                        let x = Int(members[a]), y = Int(members[b])
                        let sign = TitlePrefix.compare(titles[x], titles[y]) ?? compareFoldedTitles(articles[x].title, articles[y].title)
                        return sign != 0 ? sign < 0 : articles[x].id < articles[y].id
                    }
                    sorted.append(contentsOf: local.lazy.map { members[$0] })
                }
            }
            return sorted
        }
        var next = 0
        let flat = sortedRuns.flatMap { $0 }
        for run in runs {
            order.replaceSubrange(run, with: flat[next..<next + run.count])
            next += run.count
        }
        return order
    }

    /// The integer part of date order: newest instant first, then latest written day; undated last.
    static func dateKey(_ date: ArticleDate?) -> (primary: UInt64, secondary: UInt64) {
        guard let date else { return (.max, .max) }
        // Descending instant: complement of the sign-flipped value. Then descending day.
        let primary = ~(UInt64(bitPattern: date.instant) ^ (1 << 63))
        let day = Int64(clamping: date.year * 10000 + date.month * 100 + date.day)
        return (primary, UInt64(bitPattern: (1 << 61) - min(max(day, -(1 << 60)), 1 << 60)))
    }

    /// Whether an article with these fields comes before the other in date order (`dateOrder`'s
    /// comparison, for merging a few articles into an existing order).
    static func precedesInDateOrder(_ a: (id: ArticleID, title: String, date: ArticleDate?),
                                    _ b: (id: ArticleID, title: String, date: ArticleDate?)) -> Bool {
        let x = dateKey(a.date), y = dateKey(b.date)
        if x.primary != y.primary { return x.primary < y.primary }
        if x.secondary != y.secondary { return x.secondary < y.secondary }
        let sign = compareFoldedTitles(a.title, b.title)
        return sign != 0 ? sign < 0 : a.id < b.id
    }

    /// The leading ASCII bytes of a title (up to 16), lowered, packed big-endian: most titles in a
    /// run of equal dates differ there, which decides `compareFoldedTitles` without the strings.
    struct TitlePrefix {
        var high: UInt64 = 0
        var low: UInt64 = 0
        /// How many leading bytes (at most 16) are ASCII and packed.
        var count: Int = 0

        init(_ title: String) {
            var title = title
            title.withUTF8 { utf8 in
                while count < min(16, utf8.count) && utf8[count] < 0x80 {
                    let byte = UInt64(TextFolding.asciiLower(utf8[count]))
                    if count < 8 { high |= byte << (56 - 8 * count) } else { low |= byte << (120 - 8 * count) }
                    count += 1
                }
            }
        }

        /// The sign `compareFoldedTitles` gives, when the first difference lies in both packed parts
        /// and no number is compared there (a digit at it or just before it: `Part 9` against
        /// `Part 10` is decided by the numbers, which the strings' remainders hold).
        static func compare(_ a: TitlePrefix, _ b: TitlePrefix) -> Int? {
            let differsHigh = a.high != b.high
            let difference = differsHigh ? a.high ^ b.high : a.low ^ b.low
            guard difference != 0 else { return nil }
            let position = difference.leadingZeroBitCount / 8 + (differsHigh ? 0 : 8)
            guard position < min(a.count, b.count) else { return nil }
            guard !isDigit(a.byte(position)), !isDigit(b.byte(position)), position == 0 || !isDigit(a.byte(position - 1)) else { return nil }
            return (differsHigh ? a.high < b.high : a.low < b.low) ? -1 : 1
        }

        /// The packed byte at `position` (below 16).
        func byte(_ position: Int) -> UInt8 {
            UInt8(truncatingIfNeeded: position < 8 ? high >> (56 - 8 * position) : low >> (120 - 8 * position))
        }
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// Natural order of two sequences (bytes of ASCII titles, or scalars of folded ones): a run of
    /// ASCII digits is compared as the number it writes, so `Part 2` comes before `Part 10`, and
    /// `Vol. 3, No. 12` after `Vol. 3, No. 9`; everything else by code point. Equal numbers
    /// written differently (`007`, `7`) are told apart by the written form last, so the order is
    /// total and consistent with equality.
    static func naturalCompare<C: Collection>(_ a: C, _ b: C, digit: (C.Element) -> UInt8?) -> Int where C.Element: Comparable {
        var i = a.startIndex, j = b.startIndex
        var tie = 0
        while i != a.endIndex && j != b.endIndex {
            let x = a[i], y = b[j]
            if digit(x) != nil, digit(y) != nil {
                // Two numbers: by value. Leading zeros aside, more digits is larger, else the
                // first differing digit decides.
                let zerosA = skipZeros(a, &i, digit), zerosB = skipZeros(b, &j, digit)
                let startA = i, startB = j
                let lengthA = skipDigits(a, &i, digit), lengthB = skipDigits(b, &j, digit)
                if lengthA != lengthB { return lengthA < lengthB ? -1 : 1 }
                var p = startA, q = startB
                while p != i {
                    let dx = digit(a[p])!, dy = digit(b[q])!
                    if dx != dy { return dx < dy ? -1 : 1 }
                    a.formIndex(after: &p)
                    b.formIndex(after: &q)
                }
                if tie == 0 && zerosA != zerosB { tie = zerosA > zerosB ? -1 : 1 }
                continue
            }
            if x != y { return x < y ? -1 : 1 }
            a.formIndex(after: &i)
            b.formIndex(after: &j)
        }
        if i != a.endIndex { return 1 }
        if j != b.endIndex { return -1 }
        return tie
    }

    private static func skipZeros<C: Collection>(_ text: C, _ index: inout C.Index, _ digit: (C.Element) -> UInt8?) -> Int {
        var count = 0
        while index != text.endIndex, digit(text[index]) == 0 { text.formIndex(after: &index); count += 1 }
        return count
    }

    private static func skipDigits<C: Collection>(_ text: C, _ index: inout C.Index, _ digit: (C.Element) -> UInt8?) -> Int {
        var count = 0
        while index != text.endIndex, digit(text[index]) != nil { text.formIndex(after: &index); count += 1 }
        return count
    }

    /// What natural order compares of a folded title: its scalars, composed (NFC), as numbers.
    static func naturalKey(_ folded: String) -> [UInt32] {
        var copy = folded
        let ascii: [UInt32]? = copy.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 { return nil }
            return bytes.map(UInt32.init)
        }
        return ascii ?? folded.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
    }

    /// Natural order of two keys (`naturalKey`).
    static func naturalCompare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        naturalCompare(a, b) { $0 &- 0x30 < 10 ? UInt8(truncatingIfNeeded: $0 &- 0x30) : nil }
    }

    /// Natural order of two folded titles.
    static func naturalCompareFolded(_ a: String, _ b: String) -> Int {
        naturalCompare(naturalKey(a), naturalKey(b))
    }

    /// Sign of folded `a` compared with folded `b`, in natural order (`naturalCompareFolded`).
    static func compareFoldedTitles(_ a: String, _ b: String) -> Int {
        let fast: Int? = a.utf8.withContiguousStorageIfAvailable { a in
            b.utf8.withContiguousStorageIfAvailable { b -> Int? in
                for byte in a where byte >= 0x80 { return nil }
                for byte in b where byte >= 0x80 { return nil }
                return naturalCompare(a.lazy.map(TextFolding.asciiLower), b.lazy.map(TextFolding.asciiLower)) { isDigit($0) ? $0 - 0x30 : nil }
            } ?? nil
        } ?? nil
        if let fast { return fast }
        return naturalCompareFolded(TextFolding.fold(a), TextFolding.fold(b))
    }

    /// Article indices by folded title in natural order, ties by index (date order).
    static func titleOrder(_ articles: [Article]) -> [Int32] {
        let chunks = max(1, min(16, articles.count / 4096))
        let keys: [[UInt32]] = Parallel.map(chunks) { chunk in
            articles[articles.count * chunk / chunks..<articles.count * (chunk + 1) / chunks].map { naturalKey(TextFolding.fold($0.title)) }
        }.flatMap { $0 }
        return (0..<Int32(articles.count)).sorted { (a: Int32, b: Int32) -> Bool in
            let sign = naturalCompare(keys[Int(a)], keys[Int(b)])
            return sign != 0 ? sign < 0 : a < b
        }
    }

    /// Title order's comparison: folded titles in natural order, then index.
    static func titlePrecedes(_ a: (folded: String, index: Int32), _ b: (folded: String, index: Int32)) -> Bool {
        let sign = a.folded == b.folded ? 0 : naturalCompareFolded(a.folded, b.folded)
        return sign != 0 ? sign < 0 : a.index < b.index
    }

    /// Article indices by folded author (the interned value's rank), no author last, ties by index.
    static func authorOrder(_ authors: FacetTable) -> [Int32] {
        let count = authors.articleStarts.count - 1
        var keys = [UInt64]()
        keys.reserveCapacity(count)
        for article in 0..<count {
            let start = Int(authors.articleStarts[article])
            let rank: UInt64 = start < Int(authors.articleStarts[article + 1])
                ? UInt64(authors.rank[Int(authors.articleValues[start])]) : UInt64(UInt32.max)
            keys.append(rank << 32 | UInt64(article))
        }
        keys.sort()
        return keys.map { Int32(truncatingIfNeeded: $0) }
    }
}
