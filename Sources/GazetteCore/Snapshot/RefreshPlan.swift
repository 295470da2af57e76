import Foundation

/// Which files a warm start must read again, by comparing the walk with the snapshot's file table.
struct RefreshPlan: Equatable {
    /// For each walked file, its index in the snapshot when unchanged there (else -1).
    private(set) var unchanged: [Int] = []
    /// Walked files to read and parse.
    private(set) var reparse: [Int] = []
    /// Snapshot files no longer present.
    private(set) var removed = 0
    private var warnings: [Int: [LoadWarning]] = [:]

    /// Nothing to read: every walked file is unchanged and the snapshot has no others.
    var isUnchanged: Bool { reparse.isEmpty && removed == 0 }

    init(files: [String], stats: [FileStat], snapshot: Snapshot) {
        let table = snapshot.files
        var unchanged = [Int](repeating: -1, count: files.count)
        // Both lists are sorted by path (String order): one merge pass.
        var old = 0
        var matched = 0
        for (file, path) in files.enumerated() {
            while old < table.count && table.path(old) < path { old += 1 }
            guard old < table.count, table.path(old) == path else { continue }
            matched += 1
            if table.flags[old] & SnapshotFileFlag.failed == 0 && table.stat(old) == stats[file] { unchanged[file] = old }
            old += 1
        }
        self.init(unchanged: unchanged, removed: table.count - matched, snapshot: snapshot)
    }

    /// `unchanged`: per walked file, its snapshot index when unchanged (else -1).
    private init(unchanged: [Int], removed: Int, snapshot: Snapshot) {
        let table = snapshot.files
        self.unchanged = unchanged
        self.removed = removed
        reparse = unchanged.indices.filter { unchanged[$0] < 0 }
        // A file that lost an article to a duplicate elsewhere may have to keep it now: after any change, read it again.
        if !isUnchanged {
            for file in unchanged.indices where unchanged[file] >= 0 && table.flags[unchanged[file]] & SnapshotFileFlag.droppedDuplicate != 0 {
                self.unchanged[file] = -1
                reparse.append(file)
            }
            reparse.sort()
        }
        for (file, warning) in snapshot.report.fileWarnings { warnings[file, default: []].append(warning) }
    }

    /// The plan from `WarmCheck.delta`, with the listing the full walk would have given
    /// (`FileListing.walk`, which warns about nothing the delta accepts): the snapshot's files in their
    /// order, the removed left out, the added inserted in `String` order. nil when an added
    /// path compares equal to another as a `String` (spelled differently in Unicode): the full
    /// walk decides those.
    static func fromDelta(_ delta: WarmDelta, snapshot: Snapshot) -> (plan: RefreshPlan, listing: FileListing)? {
        let table = snapshot.files
        let added = delta.added.map { (path: String(decoding: $0.path, as: UTF8.self), stat: $0.stat) }.sorted { $0.path < $1.path }
        for index in added.indices.dropFirst() where added[index - 1].path == added[index].path { return nil }
        // Where each added file goes among the snapshot's (binary search, a `String` per step).
        var positions: [Int] = []
        for entry in added {
            var low = positions.last ?? 0, high = table.count
            while low < high {
                let middle = (low + high) / 2
                if table.path(middle) < entry.path { low = middle + 1 } else { high = middle }
            }
            if low < table.count && table.path(low) == entry.path { return nil }
            positions.append(low)
        }
        var changedStats: [Int: FileStat] = [:]
        for (file, stat) in delta.changed { changedStats[file] = stat }
        var gone = [Bool](repeating: false, count: table.count)
        for file in delta.removed { gone[file] = true }
        let count = table.count - delta.removed.count + added.count
        var files: [String] = [], stats: [FileStat] = [], unchanged: [Int] = []
        files.reserveCapacity(count)
        stats.reserveCapacity(count)
        unchanged.reserveCapacity(count)
        var next = 0
        for old in 0...table.count {
            while next < added.count && positions[next] == old {
                files.append(added[next].path)
                stats.append(added[next].stat)
                unchanged.append(-1)
                next += 1
            }
            guard old < table.count, !gone[old] else { continue }
            files.append(table.path(old))
            if let stat = changedStats[old] {
                stats.append(stat)
                unchanged.append(-1)
            } else {
                stats.append(table.stat(old))
                unchanged.append(old)
            }
        }
        return (RefreshPlan(unchanged: unchanged, removed: delta.removed.count, snapshot: snapshot),
                FileListing(files: files, stats: stats, discoveryWarnings: []))
    }

    /// The snapshot's index of the `k`th article of `file`, when the file is unchanged.
    func snapshotArticle(_ file: Int, _ k: Int, in snapshot: Snapshot) -> Int32? {
        let old = unchanged[file]
        guard old >= 0 else { return nil }
        return snapshot.files.articles[Int(snapshot.files.articleStarts[old]) + k]
    }

    /// What reading unchanged `file` gave last time: its articles (from the snapshot, unless
    /// `withArticles` is false) and warnings.
    func outcome(ofUnchanged file: Int, snapshot: Snapshot, size: Int, withArticles: Bool = true) -> ArchiveLoader.Outcome {
        let old = unchanged[file]
        let articles = withArticles ? snapshot.files.articleIndices(old).map { snapshot.store.articles[$0] } : []
        return .parsed(ParsedFile(articles: articles, warnings: warnings[old] ?? []), bytes: size)
    }

    /// Per snapshot article: whether it comes from a file that is unchanged (kept as it is).
    func keptArticles(in snapshot: Snapshot) -> [Bool] {
        var kept = [Bool](repeating: false, count: snapshot.store.count)
        for old in unchanged where old >= 0 {
            for k in Int(snapshot.files.articleStarts[old])..<Int(snapshot.files.articleStarts[old + 1]) {
                kept[Int(snapshot.files.articles[k])] = true
            }
        }
        return kept
    }
}
