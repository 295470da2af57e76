import GazetteCore

/// A word query asked while the full-text index builds, to be answered by reading the articles
/// (`ArticleStore.evaluateByReading`) off the key path.
public struct ReadingRequest: Sendable {
    public let store: ArticleStore
    /// View AND marks AND the waiting typed query.
    public let query: Query
    public let sort: SortOrder
    public let overlay: ReaderOverlay?
    /// Which request of this state it answers (a newer filter makes an older answer stale).
    public let generation: Int

    /// Evaluates the request (slow: reads every candidate article's text).
    public func answer() -> ReadingAnswer {
        ReadingAnswer(store: store, generation: generation,
                      result: store.evaluateByReading(query, sort: sort, overlay: overlay))
    }
}

/// The answer to a `ReadingRequest`, for the run loop to hand back as an action.
public struct ReadingAnswer: Sendable, Hashable {
    /// The store's `serial`.
    public let store: UInt64
    public let generation: Int
    public let result: QueryResult

    public init(store: ArticleStore, generation: Int, result: QueryResult) {
        self.store = store.serial
        self.generation = generation
        self.result = result
    }

    public static func == (a: ReadingAnswer, b: ReadingAnswer) -> Bool { a.store == b.store && a.generation == b.generation }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(store)
        hasher.combine(generation)
    }
}

extension AppState {
    /// The waiting word query to answer by reading now (the run loop asks a background worker
    /// and sends `.answeredByReading`); nil when nothing waits, the index is ready, the store
    /// cannot read (a snapshot not yet verified) or this filter was already answered.
    public var readingRequest: ReadingRequest? {
        guard let pending = filter.pending, !store.isTextIndexReady, store.answersByReading,
              readingAnswered != readingGeneration else { return nil }
        return ReadingRequest(store: store, query: Query.and([filter.view, filter.marks.query, pending]),
                              sort: sortChoice ?? (pending.hasWords ? .relevance : .date), overlay: overlay,
                              generation: readingGeneration)
    }

    /// Shows a reading answer if it answers the filter still waiting in this store. The matches
    /// and counts are final; a relevance order waits for the index (the query stays pending and
    /// is ranked when `.textIndexReady` comes), every other order is final too.
    mutating func answeredByReading(_ answer: ReadingAnswer) {
        guard answer.store == store.serial, answer.generation == readingGeneration,
              let pending = filter.pending else { return }
        readingAnswered = answer.generation
        show(answer.result, typed: pending)
        if sort != .relevance { filter.pending = nil }
    }

    /// The status bar's word while a typed query waits for the index.
    var waitingMessage: String? {
        guard let pending = filter.pending?.text else { return nil }
        if readingAnswered == readingGeneration { return "Newest first until the word index is ready (then by relevance): \(pending)" }
        return store.answersByReading ? "Searching… \(pending)" : "Indexing words… \(pending)"
    }
}
