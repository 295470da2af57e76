import Foundation

/// Holds the full-text index, which may still be building in the background.
///
/// Browsing needs only the facets, so a UI can show the list first; the first word query
/// then waits here until the index is ready.
final class TextIndexSlot: @unchecked Sendable {
    // All access to `index` goes through `condition`.
    private let condition = NSCondition()
    private var index: FullTextIndex?

    init(_ index: FullTextIndex? = nil) { self.index = index }

    func set(_ built: FullTextIndex) {
        condition.lock()
        index = built
        condition.broadcast()
        condition.unlock()
    }

    var isReady: Bool {
        condition.lock()
        defer { condition.unlock() }
        return index != nil
    }

    /// The index, waiting for the background build if needed.
    var value: FullTextIndex {
        condition.lock()
        defer { condition.unlock() }
        while index == nil { condition.wait() }
        return index!
    }
}
