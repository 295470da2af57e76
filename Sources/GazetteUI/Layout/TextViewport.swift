/// Scroll position of a block of text lines (the reader), clamped to the text.
public struct TextViewport: Sendable, Equatable {
    public private(set) var total: Int
    public private(set) var height: Int
    public private(set) var offset: Int

    public init(total: Int, height: Int, offset: Int = 0) {
        self.total = max(0, total)
        self.height = max(0, height)
        self.offset = offset
        clamp()
    }

    /// The largest useful offset: the last line at the bottom of the view.
    public var maxOffset: Int { max(0, total - height) }
    /// Whether the end of the text is on screen.
    public var isAtEnd: Bool { offset >= maxOffset }

    /// Scrolls by `delta` lines.
    public mutating func scroll(by delta: Int) {
        offset = delta > 0 ? (offset > Int.max - delta ? Int.max : offset + delta) : max(0, offset + delta)
        clamp()
    }
    /// Scrolls so that `line` is at the top (clamped).
    public mutating func scroll(toLine line: Int) {
        offset = line
        clamp()
    }
    /// Down one screen, keeping one line of context.
    public mutating func pageDown() { scroll(by: max(1, height - 1)) }
    /// Up one screen, keeping one line of context.
    public mutating func pageUp() { scroll(by: -max(1, height - 1)) }
    /// Down half a screen.
    public mutating func halfPageDown() { scroll(by: max(1, height / 2)) }
    /// Up half a screen.
    public mutating func halfPageUp() { scroll(by: -max(1, height / 2)) }
    /// To the top.
    public mutating func home() { offset = 0 }
    /// To the bottom.
    public mutating func end() { offset = maxOffset }

    /// The text was re-laid out (new width or article): keep the offset where it still fits.
    public mutating func setTotal(_ newTotal: Int) {
        total = max(0, newTotal)
        clamp()
    }
    /// The view height changed.
    public mutating func setHeight(_ newHeight: Int) {
        height = max(0, newHeight)
        clamp()
    }

    /// Where the view is, as shown in the reader: `All`, `Top`, `Bot` or a percentage.
    public var positionLabel: String {
        if total <= height { return "All" }
        if offset <= 0 { return "Top" }
        if offset >= maxOffset { return "Bot" }
        return "\(offset * 100 / maxOffset)%"
    }

    private mutating func clamp() {
        offset = min(max(0, offset), maxOffset)
    }
}
