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

/// One slot per task; each task writes only its own slot, so no locking is needed.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func store(_ value: T, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    func values() -> [T] { slots.map { $0! } }
}

/// A buffer that parallel tasks write at disjoint positions (the caller guarantees disjointness).
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    @inline(__always) subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
