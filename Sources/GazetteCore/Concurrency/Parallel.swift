import Foundation

/// Runs independent pieces of work on all cores (index builds, facet tables, the warm walk).
public enum Parallel {
    /// `body(i)` for each `i` in `0..<count`, concurrently; results in index order.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        slots(count, body).takeAll()
    }

    /// Like `map`, but the results stay in their slots, so a consumer can move each one out
    /// (and free it) as soon as it is done with it.
    static func slots<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> SlotArray<T> {
        let results = SlotArray<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.set(index, body(index)) }
        return results
    }

    /// `body(i)` for each `i`, concurrently, for work that writes through `SharedBuffer`s.
    static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    /// `0..<count` cut into `parts` contiguous ranges as equal as can be, in order.
    static func ranges(_ count: Int, parts: Int) -> [Range<Int>] {
        let parts = max(1, parts)
        return (0..<parts).map { count * $0 / parts..<count * ($0 + 1) / parts }
    }

    /// `0..<count` cut into ranges of `size` (the last one shorter), in order.
    static func ranges(_ count: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: max(1, size)).map { $0..<min(count, $0 + size) }
    }
}
