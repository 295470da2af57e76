/// Selection and scroll position of a list, kept consistent under every move and resize.
///
/// Invariants: `selection` is nil exactly when `count == 0`, otherwise in `0..<count`;
/// `offset` is in `0...max(0, count - height)`; the selection is visible, with `scrollMargin`
/// rows of context above and below it when the list allows.
public struct ListViewport: Sendable, Equatable {
    public private(set) var count: Int
    public private(set) var selection: Int?
    public private(set) var offset: Int
    public private(set) var height: Int
    /// Rows of context kept around the selection while scrolling.
    public var scrollMargin: Int

    public init(count: Int, height: Int, selection: Int? = 0, offset: Int = 0, scrollMargin: Int = 2) {
        self.count = max(0, count)
        self.height = max(0, height)
        self.scrollMargin = max(0, scrollMargin)
        self.selection = selection
        self.offset = offset
        normalise()
    }

    /// The indices on screen.
    public var visibleRange: Range<Int> { offset..<min(count, offset + height) }

    /// The margin actually used: never more than fits around a selection in the middle.
    var effectiveMargin: Int { min(scrollMargin, max(0, (height - 1) / 2)) }

    /// Moves the selection by `delta` rows (negative = up), clamped to the list.
    public mutating func move(by delta: Int) {
        guard let current = selection else { return }
        select(clampedAdd(current, delta))
    }

    /// Selects `index` (clamped) and scrolls just enough to show it with its margin.
    public mutating func select(_ index: Int) {
        guard count > 0 else { return }
        selection = min(max(0, index), count - 1)
        scrollToSelection()
    }

    /// Moves down a page: the selection and the view move together by one screen.
    public mutating func pageDown() { page(by: max(1, height)) }
    /// Moves up a page.
    public mutating func pageUp() { page(by: -max(1, height)) }
    /// Moves down half a page.
    public mutating func halfPageDown() { page(by: max(1, height / 2)) }
    /// Moves up half a page.
    public mutating func halfPageUp() { page(by: -max(1, height / 2)) }
    /// Selects the first row.
    public mutating func home() { select(0) }
    /// Selects the last row.
    public mutating func end() { select(count - 1) }

    /// The list now has `newCount` rows: the selection stays put when it can, else clamps.
    public mutating func setCount(_ newCount: Int, selection newSelection: Int? = nil) {
        count = max(0, newCount)
        if let newSelection { selection = newSelection }
        normalise()
    }

    /// The visible height changed (resize): keep the selection visible.
    public mutating func setHeight(_ newHeight: Int) {
        height = max(0, newHeight)
        normalise()
    }

    private mutating func page(by delta: Int) {
        guard let current = selection else { return }
        let target = min(max(0, clampedAdd(current, delta)), count - 1)
        offset = clampedAdd(offset, target - current)
        clampOffset()
        selection = target
        scrollToSelection()
    }

    private mutating func normalise() {
        if count == 0 {
            selection = nil
            offset = 0
            return
        }
        selection = min(max(0, selection ?? 0), count - 1)
        clampOffset()
        scrollToSelection()
    }

    private mutating func scrollToSelection() {
        guard let selection else { return }
        if height == 0 {
            offset = min(selection, max(0, count - 1))
            return
        }
        let margin = effectiveMargin
        if selection - margin < offset { offset = selection - margin }
        if selection + margin >= offset + height { offset = selection + margin - height + 1 }
        clampOffset()
    }

    private mutating func clampOffset() {
        offset = min(max(0, offset), max(0, count - height))
    }

    private func clampedAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int.max : Int.min) : sum
    }
}
