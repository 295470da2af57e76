import Foundation

/// When `ArticleStore` builds its full-text index.
public enum TextIndexTiming: Sendable {
    /// Before `init` returns: every query is answerable at once.
    case immediately
    /// On a background thread after `init` returns, so browsing starts before search is ready.
    /// Queries without words (facets, dates, authors) never wait; a word query waits for the index.
    case inBackground
}

/// The full-text index, possibly still being built: readers wait, callbacks fire once it is set.
final class TextIndexSlot: @unchecked Sendable {
    private let condition = NSCondition()
    private var index: FullTextIndex?
    private var waiting: [@Sendable () -> Void] = []

    init(_ index: FullTextIndex? = nil) { self.index = index }

    var isReady: Bool {
        condition.lock(); defer { condition.unlock() }
        return index != nil
    }

    /// The index, blocking until it has been built.
    var value: FullTextIndex {
        condition.lock(); defer { condition.unlock() }
        while index == nil { condition.wait() }
        return index!
    }

    func set(_ built: FullTextIndex) {
        condition.lock()
        index = built
        let callbacks = waiting
        waiting = []
        condition.broadcast()
        condition.unlock()
        for callback in callbacks { callback() }
    }

    /// Runs `body` once the index is ready (at once, on this thread, if it already is).
    func whenReady(_ body: @escaping @Sendable () -> Void) {
        condition.lock()
        guard index == nil else {
            condition.unlock()
            body()
            return
        }
        waiting.append(body)
        condition.unlock()
    }
}
