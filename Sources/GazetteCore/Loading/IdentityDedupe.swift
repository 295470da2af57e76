/// Keeps one article per identity while the loader merges files, and gives articles whose
/// short ids collide (different identities, same 48 bits) the long 16-digit form instead of
/// dropping one.
struct IdentityDedupe {
    /// Short id → position in the kept list of the first article that hashed to it. One `Int`,
    /// not an array per article: 100k array allocations (and their release) were most of this
    /// serial step of every cold load.
    private var byShortID: [ArticleID: Int] = [:]
    /// Short id → positions of the further articles that hashed to it (rare: collisions).
    private var collided: [ArticleID: [Int]] = [:]
    /// Long ids handed out, so two of them can never be equal either.
    private var longIDs: Set<ArticleID> = []

    init(capacity: Int) { byShortID.reserveCapacity(capacity) }

    /// What to do with an article whose id is `article.id` (a short id, as the parsers make them).
    enum Decision {
        /// A new identity: append it.
        case keep
        /// The same identity as the article kept at this position; `conflict` when they share
        /// a Message-ID or Link but their bodies differ.
        case duplicate(of: Int, conflict: ArticleIdentity?)
    }

    /// Decides about `article`, which will sit at position `articles.count` if kept; may
    /// lengthen its id and the ids of the kept articles it collides with.
    mutating func admit(_ article: inout Article, among articles: inout [Article]) -> Decision {
        let shortID = article.id
        guard let first = byShortID[shortID] else {
            byShortID[shortID] = articles.count
            return .keep
        }
        let group = [first] + collided[shortID, default: []]
        // Compute identities in full and compare them exactly. Not rare in a large archive (the
        // same post in two dumps): this runs on the serial merge, so bodies are digested on bytes.
        let identity = ArticleIdentity.fast(of: article)
        for position in group where ArticleIdentity.fast(of: articles[position]) == identity {
            return .duplicate(of: position, conflict: identity.canConflict && Self.bodiesDiffer(articles[position], article) ? identity : nil)
        }
        for position in group where !articles[position].id.isLong {
            articles[position].id = uniqueLongID(ArticleIdentity.fast(of: articles[position]))
        }
        article.id = uniqueLongID(identity)
        collided[shortID, default: []].append(articles.count)
        return .keep
    }

    /// Whether the two bodies differ once whitespace is collapsed (`IdentityText.bodyDigest`):
    /// equal bytes (the usual duplicate) are told by one comparison, without digesting either.
    static func bodiesDiffer(_ a: Article, _ b: Article) -> Bool {
        a.bodyUTF8 != b.bodyUTF8 && ArticleID.fastBodyDigest(a.bodyUTF8) != ArticleID.fastBodyDigest(b.bodyUTF8)
    }

    /// The full 64-bit hash of the identity as a long id; should even that collide, the next free value.
    private mutating func uniqueLongID(_ identity: ArticleIdentity) -> ArticleID {
        var hash = ArticleID.fnv1a(identity.key.utf8)
        while !longIDs.insert(ArticleID(longHash: hash)).inserted { hash &+= 1 }
        return ArticleID(longHash: hash)
    }
}
