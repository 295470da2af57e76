import GazetteCore

/// "More like this" found off the key path, for one article of one store.
public struct FoundRelated: Sendable, Hashable {
    /// The store it was found in (article indices belong to one store; a reload makes another):
    /// its `serial`.
    public var store: UInt64
    public var article: Int
    public var related: [Int]

    public init(store: ArticleStore, article: Int, related: [Int]) {
        self.store = store.serial
        self.article = article
        self.related = related
    }
}

/// Where the reader's "More like this" comes from.
enum RelatedSource: Sendable, Equatable {
    /// Not listed: the text index is not ready, or a large archive's list is still being found.
    case unavailable
    /// Found while laying the article out (a small archive: a few ms).
    case inline
    /// Found in the background.
    case found([Int])

    /// The list for store article `index`.
    func articles(of index: Int, in store: ArticleStore) -> [Int]? {
        switch self {
        case .unavailable: nil
        case .inline: ReaderExtras.relatedArticles(of: index, in: store)
        case .found(let related): related
        }
    }
}

extension AppState {
    /// Archives this large find "More like this" in the background: its cost grows with the
    /// archive (tens of ms a selection at 1M articles), and a key must not wait for it.
    static let relatedInBackgroundFrom = 150_000

    /// Finds "More like this" in the background from `articles` articles on (the browser's
    /// `GAZETTE_RELATED_IN_BACKGROUND_FROM`, for tests of the background path on small archives).
    public mutating func findRelatedInBackground(from articles: Int) {
        relatedInBackgroundThreshold = articles
        syncLayout()
    }

    private var findsRelatedInBackground: Bool { store.count >= relatedInBackgroundThreshold }

    /// The reader's article when its "More like this" should be found in the background now
    /// (the run loop finds it and sends `.relatedFound`); nil otherwise.
    public var relatedRequest: Int? {
        guard layout.reader != nil, let article = reader.article, store.isTextIndexReady, findsRelatedInBackground,
              !isFound(article) else { return nil }
        return article
    }

    /// What the reader lists under "More like this" for its article.
    var readerRelatedSource: RelatedSource {
        guard let article = reader.article, store.isTextIndexReady else { return .unavailable }
        guard findsRelatedInBackground else { return .inline }
        guard let found = foundRelated, isFound(article) else { return .unavailable }
        return .found(found.related)
    }

    private func isFound(_ article: Int) -> Bool {
        foundRelated.map { $0.store == store.serial && $0.article == article } ?? false
    }

    /// The background search reported: shown if it is still the reader's article in this store.
    mutating func relatedFound(_ found: FoundRelated) {
        guard found.store == store.serial else { return }
        foundRelated = found
        syncLayout()
    }
}
