/// The two ways a refresh makes its store: patching the snapshot's (the common case) or, when
/// the delta could change what the snapshot's articles are, merging decoded articles and rebuilding.

/// The outcomes of the files read again, taken out of their slots so they can be looked at before
/// being moved into the archive.
final class ReparsedOutcomes {
    private var outcomes: [ArchiveLoader.Outcome]

    init(_ slots: OutcomeSlots, count: Int) {
        outcomes = (0..<count).map { slots.take($0) }
    }

    /// Every article read again, in file order (a look, nothing moved).
    func forEachArticle(_ body: (Article) -> Void) {
        for outcome in outcomes {
            if case .parsed(let parsed, _) = outcome { parsed.articles.forEach(body) }
        }
    }

    /// The outcome of slot `index`, moved out: no copy retains its articles, so the archive takes them without copying.
    func take(_ index: Int) -> ArchiveLoader.Outcome {
        let outcome = outcomes[index]
        outcomes[index] = .failed("taken")
        return outcome
    }
}

extension RefreshPlan {
    /// The refreshed store patched from the snapshot's (`ArticleStore.patched`), or nil when the
    /// delta may change a kept article: a read article shares a kept one's short id (a duplicate
    /// or a collision decides which is kept and lengthens ids), a kept article has a long id
    /// (its collision may be gone), or most articles are new (rebuilding pays more).
    func patchedLoad(snapshot: Snapshot, files: [String], discoveryWarnings: [LoadWarning], directories: [String],
                     outcomes: ReparsedOutcomes, parsedSlot: [Int], size: (Int) -> Int) -> (ArticleStore, LoadReport)? {
        let old = snapshot.store
        guard case .some((let records, _)) = old.articles.records else { return nil }
        let kept = keptArticles(in: snapshot)
        var freshCount = 0
        var clash = false
        outcomes.forEachArticle { article in
            freshCount += 1
            guard !clash else { return }
            var position = old.lowerBound(article.id.sortKey)
            while position < old.sortedIDs.count, old.sortedIDs[position] == article.id.sortKey {
                if kept[Int(old.sortedIDIndices[position])] { clash = true }
                position += 1
            }
        }
        let keptCount = kept.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard !clash, freshCount <= (keptCount + freshCount) / 2,
              !kept.indices.contains(where: { kept[$0] && records.withRecord($0) { ArticleCodec.hasLongID($0) } })
        else { return nil }
        // The read articles are merged (and deduplicated) among themselves only: no kept article shares an id with them.
        var archive = ArchiveLoader.assemble(files: files, discoveryWarnings: discoveryWarnings, directories: directories,
                                             capacity: freshCount, outcome: { file in
            parsedSlot[file] >= 0 ? outcomes.take(parsedSlot[file])
                : outcome(ofUnchanged: file, snapshot: snapshot, size: size(file), withArticles: false)
        })
        archive.report.articles += keptCount
        let store = ArticleStore.patched(old: old, records: records, kept: kept, fresh: archive.articles)
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
