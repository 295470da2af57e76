/// The reader's state laid over a store by article index: read, starred, and the reader's own
/// tags (added, or a file's tag hidden). Bitsets, so `is:unread` and `tag:` cost word operations.
///
/// Built once from the state database's rows and updated in place per change; it knows nothing
/// of where the state is kept.
public struct ReaderOverlay: Sendable {
    /// Articles in the store it was built for.
    public let count: Int
    var read: Bitset
    var starred: Bitset
    /// Tags the reader added, by case-insensitive key.
    var added: [String: Bitset] = [:]
    /// File tags the reader hid, by key.
    var hidden: [String: Bitset] = [:]
    /// The reader's spelling of each tag key it added.
    private(set) var spellings: [String: String] = [:]

    /// Nothing read, starred or tagged, over `count` articles.
    public init(count: Int) {
        self.count = count
        read = Bitset(count: count)
        starred = Bitset(count: count)
    }

    /// Whether article `index` has been read.
    public func isRead(_ index: Int) -> Bool { read.contains(index) }

    /// Whether article `index` is starred.
    public func isStarred(_ index: Int) -> Bool { starred.contains(index) }

    /// Sets the read flag of article `index`.
    public mutating func setRead(_ index: Int, _ value: Bool) { read.set(index, value) }

    /// Sets the starred flag of article `index`.
    public mutating func setStarred(_ index: Int, _ value: Bool) { starred.set(index, value) }

    /// Sets the reader's mark of `tag` on article `index`: +1 added, -1 hidden, 0 neither.
    public mutating func setTag(_ index: Int, _ tag: String, sign: Int) {
        let key = FacetTable.key(tag)
        guard !key.isEmpty else { return }
        if sign > 0 {
            added[key, default: Bitset(count: count)].insert(index)
            if spellings[key] == nil { spellings[key] = tag }
        } else {
            added[key]?.set(index, false)
        }
        if sign < 0 { hidden[key, default: Bitset(count: count)].insert(index) } else { hidden[key]?.set(index, false) }
    }

    /// Unread articles among `indices`.
    public func unreadCount(of indices: [Int32]) -> Int {
        var unread = 0
        for index in indices where !read.contains(Int(index)) { unread += 1 }
        return unread
    }

    /// Articles in `order` not marked read (counted in any order: no sort is finished for it).
    public func unreadCount(of order: ResultOrder) -> Int {
        var unread = 0
        order.forEachMember { index in if !read.contains(Int(index)) { unread += 1 } }
        return unread
    }

    /// How many articles `is:` `flag` selects.
    public func cardinality(_ flag: ReaderFlag) -> Int { bitset(flag).cardinality }

    /// Articles `is:` selects.
    func bitset(_ flag: ReaderFlag) -> Bitset {
        switch flag {
        case .read: return read
        case .starred: return starred
        case .unread:
            var set = read
            set.formComplement()
            return set
        }
    }

    /// Tags the reader added to article `index` (its spelling), and file tags it hid (keys).
    public func userTags(ofArticle index: Int) -> (added: [String], hidden: Set<String>) {
        let addedTags = added.compactMap { key, set in set.contains(index) ? spellings[key] ?? key : nil }.sorted()
        let hiddenKeys = Set(hidden.compactMap { key, set in set.contains(index) ? key : nil })
        return (addedTags, hiddenKeys)
    }

    /// Every tag the reader added to some article, in its spelling, sorted.
    public var addedTagNames: [String] {
        added.compactMap { key, set in set.cardinality > 0 ? spellings[key] ?? key : nil }.sorted()
    }
}

extension Bitset {
    @inline(__always) mutating func set(_ index: Int, _ value: Bool) {
        if value { insert(index) } else { remove(index) }
    }

    @inline(__always) mutating func remove(_ index: Int) {
        words[index >> 6] &= ~(1 << UInt64(index & 63))
    }
}

extension ReaderOverlay {
    /// Applies committed edits (explicit values; toggles are resolved by the database) to the
    /// articles of `store` they name; ids not loaded are skipped.
    public mutating func apply(_ edits: [StateEdit], store: ArticleStore) {
        for edit in edits {
            guard let articleID = ArticleID(edit.id), let index = store.index(of: articleID), index < count else { continue }
            switch edit {
            case .read(_, let value?): setRead(index, value)
            case .starred(_, let value?): setStarred(index, value)
            case .tag(_, let tag, let sign): setTag(index, tag, sign: sign)
            default: break
            }
        }
    }
}
