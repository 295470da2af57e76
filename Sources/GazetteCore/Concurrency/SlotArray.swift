/// A fixed number of slots allocated up front, each written once by one task and then moved
/// out on one thread: how parallel work hands back results without sharing an `Array`.
///
/// Writing through a `[T?]`'s `withUnsafeMutableBufferPointer` from many threads races on the
/// array's copy-on-write uniqueness check; a raw allocation has no such shared state.
final class SlotArray<Element>: @unchecked Sendable {
    // Slot `i` is written by exactly one task (`set`) and read only after every task finished.
    private let slots: UnsafeMutablePointer<Element?>
    let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Fills slot `index` (once, from the one task that owns it).
    func set(_ index: Int, _ value: Element) { slots[index] = value }

    /// Reads slot `index` in place (while no task writes it).
    func read<R>(_ index: Int, _ body: (Element) -> R) -> R { body(slots[index]!) }

    /// Moves the value out of slot `index`, leaving it empty (after the writers finished).
    func take(_ index: Int) -> Element {
        let value = (slots + index).move()
        (slots + index).initialize(to: nil)
        return value!
    }

    /// Moves the value out of slot `index` if it was ever filled.
    func takeIfSet(_ index: Int) -> Element? {
        let value = (slots + index).move()
        (slots + index).initialize(to: nil)
        return value
    }

    /// Every value, in slot order, moved out.
    func takeAll() -> [Element] { (0..<count).map(take) }
}
