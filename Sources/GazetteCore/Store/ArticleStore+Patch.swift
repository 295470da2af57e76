import Foundation

/// The store after a refresh, patched from the snapshot's instead of rebuilt.
///
/// A refresh after 1% of the files changed used to decode every unchanged article from the
/// snapshot and rebuild the orders and facet tables from them. Here the unchanged articles stay
/// snapshot records (`ArticleList` interleaves them with the new ones), and every table is
/// patched with the delta: new articles are merged into date order by binary search (reading
/// only the leading fields of the records compared), kept articles are renumbered, facet tables
/// and id tables copy the kept entries and add the new (`FacetTable.patched`), the text index is
/// updated in the background (`FullTextIndex.updated`). Title order and threads are made on
/// first use: the title order patched the same way, threads from the records' reply headers. The result equals a fresh build over the
/// same articles, table by table (`SnapshotDifferentialTests`).
extension ArticleStore {
    /// `old`: a snapshot's store whose articles are `records`; `kept[i]`: old article `i` is kept
    /// unchanged; `fresh`: every other article of the refreshed archive (new, changed), ids final.
    static func patched(old: ArticleStore, records: SnapshotArticles, kept: [Bool], fresh input: [Article]) -> ArticleStore {
        let fresh = ArticleOrdering.dateOrder(input).map { input[Int($0)] }
        let (sources, oldToNew) = mergedDateOrder(records: records, kept: kept, fresh: fresh)
        let list = ArticleList(mapped: records, owned: fresh, sources: sources)
        let facets: [FacetTable] = Parallel.map(FacetKind.allCases.count) { ordinal in
            let kind = FacetKind.allCases[ordinal]
            let freshValues = fresh.map { FacetTable.rawValues(kind, tags: $0.tags, categories: $0.categories, author: $0.author, date: $0.date) }
            return FacetTable.patched(old.facets[ordinal], sources: sources, oldToNew: oldToNew, freshValues: freshValues) { article in
                let head = records.head(at: article)
                return FacetTable.rawValues(kind, tags: head.tags, categories: head.categories, author: head.author, date: head.date)
            }
        }
        var dayKeys: [Int32] = []
        dayKeys.reserveCapacity(sources.count)
        for source in sources {
            dayKeys.append(source >= 0 ? old.dayKeys[Int(source)] : fresh[Int(~source)].date.map { Int32($0.year * 10000 + $0.month * 100 + $0.day) } ?? 0)
        }
        let (sortedIDs, sortedIDIndices) = patchedIDs(old: old, oldToNew: oldToNew, fresh: fresh, sources: sources)
        let textSlot = Eventual<FullTextIndex>()
        let previous = sources.map { max($0, -1) }
        DispatchQueue.global(qos: .userInitiated).async {
            textSlot.set(FullTextIndex.updated(old.text, previous: previous, articles: list) ?? FullTextIndex(articles: Array(list)))
        }
        let authors = facets[FacetKind.author.ordinal]
        return ArticleStore(articles: list, facets: facets, textSlot: textSlot, dayKeys: FlatArray(dayKeys),
                            titleOrder: Lazy { patchedTitleOrder(old.titleOrder, records: records, oldToNew: oldToNew, fresh: fresh, sources: sources) },
                            authorOrder: Lazy { ArticleOrdering.authorOrder(authors) },
                            sortedIDs: FlatArray(sortedIDs), sortedIDIndices: FlatArray(sortedIDIndices), threads: Lazy {
            // No reply links before, and the fresh articles have no reply headers at all (a feed
            // archive, typically): no link can appear, since kept articles keep their relative
            // order, so each message id still resolves to the same kept article or to none.
            // Decoding every record's reply headers would only confirm it (a first frame asks).
            if old.threads.replies.isEmpty, fresh.allSatisfy({ $0.messageID == nil && $0.inReplyTo == nil && $0.references.isEmpty }) {
                return ThreadTable(unlinked: sources.count)
            }
            // Reply headers only: the kept records' bodies are not copied.
            return ThreadTable(count: sources.count) { position in
                let source = Int(sources[position])
                guard source < 0 else { return records.threadFields(at: source) }
                let article = fresh[~source]
                return ThreadFields(messageID: article.messageID, inReplyTo: article.inReplyTo, references: article.references)
            }
        })
    }

    /// Date order of the kept records and the fresh articles (already in date order): per new
    /// position its record (>= 0) or `~f` for `fresh[f]`; and each record's new position (-1: gone).
    private static func mergedDateOrder(records: SnapshotArticles, kept: [Bool], fresh: [Article]) -> (sources: [Int32], oldToNew: [Int32]) {
        let keptRecords = kept.indices.filter { kept[$0] }
        let sources = SortedInsertion.merge(kept: keptRecords, inserted: fresh, keptPrecedes: { record, article in
            let head = records.head(at: record)
            return ArticleOrdering.precedesInDateOrder((head.id, head.title, head.date), (article.id, article.title, article.date))
        }, keptOutput: { Int32($0) }, insertedOutput: { f, _ in ~Int32(f) })
        var oldToNew = [Int32](repeating: -1, count: kept.count)
        for (position, source) in sources.enumerated() where source >= 0 { oldToNew[Int(source)] = Int32(position) }
        return (sources, oldToNew)
    }

    /// The id table (sort keys ascending, ties by article index): the kept entries renumbered
    /// (renumbering keeps their order), merged with the fresh articles' entries.
    private static func patchedIDs(old: ArticleStore, oldToNew: [Int32], fresh: [Article], sources: [Int32]) -> ([UInt64], [Int32]) {
        var freshPositions = [Int32](repeating: 0, count: fresh.count)
        for (position, source) in sources.enumerated() where source < 0 { freshPositions[Int(~source)] = Int32(position) }
        let added = fresh.indices.map { (value: fresh[$0].id.sortKey, index: freshPositions[$0]) }
            .sorted { $0.value != $1.value ? $0.value < $1.value : $0.index < $1.index }
        var values: [UInt64] = [], indices: [Int32] = []
        values.reserveCapacity(sources.count)
        indices.reserveCapacity(sources.count)
        var next = 0
        for position in 0..<old.sortedIDs.count {
            let index = oldToNew[Int(old.sortedIDIndices[position])]
            guard index >= 0 else { continue }
            let value = old.sortedIDs[position]
            while next < added.count, (added[next].value, added[next].index) < (value, index) {
                values.append(added[next].value)
                indices.append(added[next].index)
                next += 1
            }
            values.append(value)
            indices.append(index)
        }
        for entry in added[next...] {
            values.append(entry.value)
            indices.append(entry.index)
        }
        return (values, indices)
    }

    /// Title order (folded title in natural order, ties by index) from the old one: kept articles renumbered, the
    /// fresh ones inserted by binary search, folding only the titles compared.
    private static func patchedTitleOrder(_ oldOrder: [Int32], records: SnapshotArticles, oldToNew: [Int32], fresh: [Article],
                                          sources: [Int32]) -> [Int32] {
        let kept = oldOrder.compactMap { oldToNew[Int($0)] >= 0 ? oldToNew[Int($0)] : nil }
        let inserted = sources.indices.filter { sources[$0] < 0 }
            .map { (title: TextFolding.fold(fresh[Int(~sources[$0])].title), index: Int32($0)) }
            .sorted { ArticleOrdering.titlePrecedes(($0.title, $0.index), ($1.title, $1.index)) }
        return SortedInsertion.merge(kept: kept, inserted: inserted, keptPrecedes: { index, entry in
            ArticleOrdering.titlePrecedes((TextFolding.fold(records.head(at: Int(sources[Int(index)])).title), index), (entry.title, entry.index))
        }, keptOutput: { $0 }, insertedOutput: { _, entry in entry.index })
    }
}
