import Foundation

/// Runs independent pieces of work on all cores (index builds, facet tables).
enum Parallel {
    /// `body(i)` for each `i` in `0..<count`, concurrently; results in index order.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.store(body(index), at: index) }
        return results.values()
    }

    /// `body(i)` for each `i`, concurrently, for work that writes through `SharedBuffer`s.
    static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}

/// One slot per task in a buffer allocated up front; each task writes only its own slot.
///
/// Writing through a `[T?]`'s `withUnsafeMutableBufferPointer` from many threads raced on the
/// array's copy-on-write uniqueness check; a raw allocation has no such shared state.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func store(_ value: T, at index: Int) { slots[index] = value }
    /// Called after every task finished (`concurrentPerform` returns only then).
    func values() -> [T] {
        (0..<count).map { index in
            let value = (slots + index).move()
            (slots + index).initialize(to: nil)
            return value!
        }
    }
}

/// A buffer that parallel tasks write at disjoint positions (the caller guarantees disjointness).
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    @inline(__always) subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
