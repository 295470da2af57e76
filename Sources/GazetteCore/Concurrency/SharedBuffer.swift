/// A buffer that parallel tasks write at disjoint positions (the caller guarantees disjointness):
/// output arrays allocated up front and filled on all cores.
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    @inline(__always) subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    /// Initializes position `index` of uninitialized memory.
    @inline(__always) func initialize(_ index: Int, to value: Element) {
        (base.baseAddress! + index).initialize(to: value)
    }
}
