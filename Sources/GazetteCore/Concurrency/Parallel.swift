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

    /// `body(i)` for each of a few coarse parts of unequal work, each on a thread of its own
    /// (part 0 on the caller's); results in index order.
    ///
    /// For parts that spread themselves over the cores (a table built in chunks, the text
    /// index): libdispatch runs a `concurrentPerform` called from inside another's worker on
    /// that one thread whenever the outer iterations are at least the cores, so under `map`
    /// such a part ran serially. A fresh thread is outside any `concurrentPerform`.
    static func parts<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let results = SlotArray<T>(count: count)
        let finished = ConditionValue(0)
        for part in 1..<count {
            let thread = Thread {
                results.set(part, body(part))
                finished.update { $0 += 1 }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        results.set(0, body(0))
        // The lock publishes each thread's result to this one.
        finished.wait { $0 == count - 1 ? () : nil }
        return results.takeAll()
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
