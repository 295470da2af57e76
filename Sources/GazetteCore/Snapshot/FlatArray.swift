import Foundation

/// A read-only array of plain values: a Swift array after a build, or a table read in place
/// from a memory-mapped snapshot (no copy, no decode step when a snapshot is opened).
struct FlatArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    // `mapped` points into `owner`'s memory, which lives as long as any copy of this value;
    // neither is ever written after creation.
    private let owned: [Element]
    private let mapped: UnsafeBufferPointer<Element>?
    private let owner: AnyObject?

    /// An array built in memory.
    init(_ array: [Element]) {
        owned = array
        mapped = nil
        owner = nil
    }

    /// Elements living in `owner`'s memory (a snapshot mapping), used in place.
    init(mapped: UnsafeBufferPointer<Element>, owner: AnyObject) {
        owned = []
        self.mapped = mapped
        self.owner = owner
    }

    var startIndex: Int { 0 }
    var endIndex: Int { mapped?.count ?? owned.count }

    @inline(__always)
    subscript(position: Int) -> Element {
        if let mapped {
            precondition(position >= 0 && position < mapped.count, "FlatArray index out of range")
            return mapped[position]
        }
        return owned[position]
    }

    /// Calls `body` with the elements' contiguous storage.
    @inline(__always)
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        if let mapped { return try body(mapped) }
        return try owned.withUnsafeBufferPointer(body)
    }

    /// The elements as a Swift array (a copy when mapped).
    var array: [Element] { mapped.map { Array($0) } ?? owned }
}

extension FlatArray: ExpressibleByArrayLiteral {
    init(arrayLiteral elements: Element...) { self.init(elements) }
}
