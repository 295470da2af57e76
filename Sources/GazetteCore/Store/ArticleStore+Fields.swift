/// How the query fields evaluate against the store (the `evaluate` column of `QueryFields.table`),
/// and the reader's tags folded into facet counts and display.
extension ArticleStore {
    /// A facet value matched exactly; for tags, with the reader's added tags and minus the hidden ones.
    func facetBitset(_ kind: FacetKind, _ argument: FieldArgument, overlay: ReaderOverlay?) -> Bitset {
        var set = Bitset(count: count)
        guard case .exact(let key) = argument else { return set }
        let table = facets[kind.ordinal]
        if let id = table.id(of: key) { addPostings(table, Int(id), to: &set) }
        if kind == .tag, let overlay {
            let key = FacetTable.key(key)
            if let added = overlay.added[key] { set.formUnion(added) }
            if let hidden = overlay.hidden[key] { set.subtract(hidden) }
        }
        return set
    }

    /// Authors: a typed `author:` matches a substring of the folded name; a sidebar mark the exact name.
    func authorBitset(_ argument: FieldArgument) -> Bitset {
        switch argument {
        case .contains(let needle):
            var set = Bitset(count: count)
            let table = facets[FacetKind.author.ordinal]
            let folded = table.folded
            for id in 0..<table.valueCount where folded[id].contains(needle) {
                addPostings(table, id, to: &set)
            }
            return set
        default:
            return facetBitset(.author, argument, overlay: nil)
        }
    }

    /// Dated articles whose written day is in `[from, before)`; undated ones never match.
    func dayBitset(from: Int32?, before: Int32?) -> Bitset {
        let low = from ?? Int32.min, high = before ?? Int32.max
        var set = Bitset(count: count)
        dayKeys.withUnsafeBufferPointer { keys in
            for article in 0..<keys.count where keys[article] != 0 && keys[article] >= low && keys[article] < high {
                set.insert(article)
            }
        }
        return set
    }

    /// `is:` — without reader state every article is unread and none is starred.
    func flagBitset(_ flag: ReaderFlag, overlay: ReaderOverlay?) -> Bitset {
        if let overlay { return overlay.bitset(flag) }
        return flag == .unread ? .full(count: count) : Bitset(count: count)
    }

    /// Moves the tag counts over `matches` from the files' tags to what the reader sees (added
    /// tags counted, hidden ones not); returns the reader's tags no file carries, with their counts.
    func adjustTagCounts(_ counts: inout [Int32], over matches: Bitset, overlay: ReaderOverlay) -> [FacetEntry] {
        let table = facets[FacetKind.tag.ordinal]
        func fileHas(_ article: Int, _ id: Int32) -> Bool {
            (Int(table.articleStarts[article])..<Int(table.articleStarts[article + 1])).contains { table.articleValues[$0] == id }
        }
        for (key, hidden) in overlay.hidden {
            guard let id = table.id(of: key) else { continue }
            var set = hidden
            set.formIntersection(matches)
            set.forEach { article in if fileHas(article, id) { counts[Int(id)] -= 1 } }
        }
        var extra: [FacetEntry] = []
        for (key, added) in overlay.added {
            var set = added
            set.formIntersection(matches)
            if let id = table.id(of: key) {
                set.forEach { article in if !fileHas(article, id) { counts[Int(id)] += 1 } }
            } else {
                let total = set.cardinality
                if total > 0 { extra.append(FacetEntry(kind: .tag, value: overlay.spellings[key] ?? key, count: total)) }
            }
        }
        return extra
    }

    /// The tags the reader sees on article `index`: the file's (less those hidden), then those added.
    public func tagDisplayNames(ofArticle index: Int, overlay: ReaderOverlay?) -> [String] {
        let fileTags = tagDisplayNames(ofArticle: index)
        guard let overlay, overlay.count == count else { return fileTags }
        let user = overlay.userTags(ofArticle: index)
        let shown = fileTags.filter { !user.hidden.contains(FacetTable.key($0)) }
        let shownKeys = Set(shown.map(FacetTable.key))
        return shown + user.added.filter { !shownKeys.contains(FacetTable.key($0)) }
    }

    /// Every tag in the store or added by the reader, for completion: display spelling, sorted case-insensitively.
    public func knownTags(overlay: ReaderOverlay?) -> [String] {
        var names = facets[FacetKind.tag.ordinal].names
        let keys = Set(names.map(FacetTable.key))
        names += (overlay?.addedTagNames ?? []).filter { !keys.contains(FacetTable.key($0)) }
        return names.sorted { $0.lowercased() < $1.lowercased() }
    }
}

extension ArticleStore {
    /// Whether some article's file gives it `tag` (case-insensitively): one hash lookup.
    public func isFileTag(_ tag: String) -> Bool {
        facets[FacetKind.tag.ordinal].id(of: tag) != nil
    }

    /// Whether article `index`'s file gives it `tag` (case-insensitively).
    public func fileHasTag(_ index: Int, _ tag: String) -> Bool {
        let table = facets[FacetKind.tag.ordinal]
        guard let id = table.id(of: tag) else { return false }
        return (Int(table.articleStarts[index])..<Int(table.articleStarts[index + 1])).contains { table.articleValues[$0] == id }
    }

    /// The edit that makes article `index` show (`add`) or not show `tag`: the reader's mark is
    /// kept as a difference from the file (+1 only for tags the file lacks, -1 only to hide one it has).
    public func tagEdit(_ index: Int, _ tag: String, add: Bool) -> StateEdit {
        let fileHas = fileHasTag(index, tag)
        let sign = add ? (fileHas ? 0 : 1) : (fileHas ? -1 : 0)
        return .tag(id: articles[index].id.description, tag: tag, sign: sign)
    }
}
