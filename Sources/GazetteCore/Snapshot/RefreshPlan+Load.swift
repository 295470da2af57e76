/// The two ways a refresh makes its store: patching the snapshot's (the common case) or, when
/// the delta could change what the snapshot's articles are, merging decoded articles and rebuilding.

/// The outcomes of the files read again, taken out of their slots so they can be looked at before
/// being moved into the archive. A slot taken twice (a patch given up halfway) is read again.
final class ReparsedOutcomes {
    private var outcomes: [ArchiveLoader.Outcome?]
    private let paths: [String]

    init(_ slots: OutcomeSlots, paths: [String]) {
        outcomes = paths.indices.map { slots.take($0) }
        self.paths = paths
    }

    /// Every article read again, in file order (a look, nothing moved).
    func forEachArticle(_ body: (Article) -> Void) {
        for case .parsed(let parsed, _)? in outcomes { parsed.articles.forEach(body) }
    }

    /// The outcome of slot `index`, moved out: no copy retains its articles, so the archive takes them without copying.
    func take(_ index: Int) -> ArchiveLoader.Outcome {
        guard let outcome = outcomes[index] else { return ArchiveLoader.parseAll([paths[index]], progress: nil).take(0) }
        outcomes[index] = nil
        return outcome
    }
}

extension RefreshPlan {
    /// The refreshed store patched from the snapshot's (`ArticleStore.patched`), or nil when the
    /// delta changes a kept article: a read article takes a kept one's place (same identity, earlier
    /// file) or collides with its short id (both ids lengthen), a kept article has a long id (its
    /// collision may be gone), or most articles are new (rebuilding pays more).
    ///
    /// The read articles are merged with only the kept ones that share their short ids (decoded):
    /// no other kept article can interact with them, so `assemble` decides about duplicates and
    /// collisions exactly as over every article.
    func patchedLoad(snapshot: Snapshot, files: [String], discoveryWarnings: [LoadWarning], directories: [String],
                     outcomes: ReparsedOutcomes, parsedSlot: [Int], size: (Int) -> Int) -> (ArticleStore, LoadReport)? {
        let old = snapshot.store
        guard let records = old.articles.snapshotRecords else { return nil }
        let kept = keptArticles(in: snapshot)
        var freshCount = 0
        var clashing = Set<Int>()
        outcomes.forEachArticle { article in
            freshCount += 1
            var position = old.lowerBound(article.id.sortKey)
            while position < old.sortedIDs.count, old.sortedIDs[position] == article.id.sortKey {
                let record = Int(old.sortedIDIndices[position])
                if kept[record] { clashing.insert(record) }
                position += 1
            }
        }
        let keptCount = kept.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard freshCount <= (keptCount + freshCount) / 2,
              !kept.indices.contains(where: { kept[$0] && records.id(at: $0).isLong })
        else { return nil }
        // Per unchanged file, the clashing kept records given to `assemble`, in file order.
        var given: [Int: [Int]] = [:]
        for file in files.indices where !clashing.isEmpty && parsedSlot[file] < 0 {
            let clashes = snapshot.files.articleIndices(unchanged[file]).filter(clashing.contains)
            if !clashes.isEmpty { given[file] = clashes }
        }
        var keptAgain: [Int] = []
        var givenPositions = Set<Int>()
        var position = 0
        var archive = ArchiveLoader.assemble(files: files, discoveryWarnings: discoveryWarnings, directories: directories,
                                             capacity: freshCount + clashing.count, outcome: { file in
            if parsedSlot[file] >= 0 { return outcomes.take(parsedSlot[file]) }
            guard case .parsed(var parsed, let bytes) = outcome(ofUnchanged: file, snapshot: snapshot, size: size(file), withArticles: false)
            else { preconditionFailure("an unchanged file's outcome is parsed") }
            parsed.articles = (given[file] ?? []).map { records.article(at: $0) }
            return .parsed(parsed, bytes: bytes)
        }, kept: { file, slot in
            if parsedSlot[file] < 0 {
                keptAgain.append(given[file]![slot])
                givenPositions.insert(position)
            }
            position += 1
        })
        // Every clashing kept article must still be kept, under the same id.
        guard keptAgain.count == clashing.count,
              givenPositions.allSatisfy({ !archive.articles[$0].id.isLong }) else { return nil }
        let fresh = archive.articles.indices.filter { !givenPositions.contains($0) }.map { archive.articles[$0] }
        archive.report.articles = keptCount + fresh.count
        let store = ArticleStore.patched(old: old, records: records, kept: kept, fresh: fresh)
        return (store, archive.report)
    }

    /// The refreshed store built from every article, the unchanged ones decoded from the snapshot;
    /// its text index is still updated from the snapshot's rather than rebuilt.
    func rebuiltLoad(snapshot: Snapshot, files: [String], discoveryWarnings: [LoadWarning], directories: [String],
                     outcomes: ReparsedOutcomes, parsedSlot: [Int], size: (Int) -> Int) -> (ArticleStore, LoadReport) {
        // Which snapshot article each kept article is (-1: read again), so the text index is updated, not rebuilt.
        var previous: [Int32] = []
        let archive = ArchiveLoader.assemble(files: files, discoveryWarnings: discoveryWarnings, directories: directories,
                                             capacity: snapshot.store.count, outcome: { file in
            parsedSlot[file] >= 0 ? outcomes.take(parsedSlot[file]) : outcome(ofUnchanged: file, snapshot: snapshot, size: size(file))
        }, kept: { file, k in
            previous.append(snapshotArticle(file, k, in: snapshot) ?? -1)
        })
        let reuse = ArticleStore.IndexReuse(index: snapshot.store.textIndex, previous: previous)
        return (ArticleStore(articles: archive.articles, textIndexInBackground: true, reusing: reuse), archive.report)
    }
}
