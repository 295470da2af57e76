/// Safe drawing on a Canvas: clipped text, styled spans and filled rectangles.
///
/// Every function here clips to the canvas and to the given area, never leaves half of a wide
/// character behind, and does nothing for empty or out-of-bounds areas.
extension Canvas {
    /// What to do when text is wider than the room it is given.
    public enum Overflow: Sendable {
        /// Cut at the last whole character that fits.
        case clip
        /// Cut earlier and end with `…`.
        case ellipsis
    }

    /// The ellipsis drawn when text is truncated.
    public static let ellipsis = "\u{2026}"

    /// Writes one cell if it lies inside the canvas and `clip`, repairing any wide character it
    /// would cut in half. Returns whether it was written.
    @discardableResult
    public mutating func setCell(_ cell: Cell, x: Int, y: Int, clip: Rect? = nil) -> Bool {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        guard area.contains(x: x, y: y) else { return false }
        if cell.width == 2 {
            guard area.contains(x: x + 1, y: y) else { return false }
        }
        clearWideNeighbours(x: x, y: y)
        self[x, y] = cell
        if cell.width == 2 {
            clearWideNeighbours(x: x + 1, y: y)
            self[x + 1, y] = .continuation
        }
        return true
    }

    /// Before overwriting (x, y): a wide cell loses its continuation, a continuation its head.
    private mutating func clearWideNeighbours(x: Int, y: Int) {
        let old = self[x, y]
        if old.isContinuation, x > 0, self[x - 1, y].width == 2 {
            self[x - 1, y] = Cell(style: self[x - 1, y].style)
        } else if old.width == 2, x + 1 < width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(style: old.style)
        }
    }

    /// Fills `rect` (clipped to the canvas) with `character` in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, character: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let glyph = Glyph.make(String(character), style: style).first
        let cell = glyph.map { Cell(text: $0.text, width: UInt8($0.width), style: style) } ?? Cell(style: style)
        for y in area.y..<area.maxY {
            var x = area.x
            while x < area.maxX {
                if !setCell(cell, x: x, y: y, clip: area) {
                    setCell(Cell(style: style), x: x, y: y, clip: area)
                }
                x += max(1, Int(cell.width))
            }
        }
    }

    /// Draws `text` at (x, y) in at most `maxWidth` columns inside `clip`; returns columns used.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, maxWidth: Int = Int.max, style: Style = .plain,
        overflow: Overflow = .clip, clip: Rect? = nil
    ) -> Int {
        put(glyphs: Glyph.make(text, style: style), x: x, y: y, maxWidth: maxWidth, overflow: overflow, clip: clip)
    }

    /// Draws styled spans at (x, y) in at most `maxWidth` columns inside `clip`; returns columns used.
    @discardableResult
    public mutating func put(
        spans: [StyledSpan], x: Int, y: Int, maxWidth: Int = Int.max,
        overflow: Overflow = .clip, clip: Rect? = nil
    ) -> Int {
        put(glyphs: Glyph.make(spans), x: x, y: y, maxWidth: maxWidth, overflow: overflow, clip: clip)
    }

    /// Draws a laid-out line at (x, y); returns columns used.
    @discardableResult
    public mutating func put(
        line: StyledLine, x: Int, y: Int, maxWidth: Int = Int.max,
        overflow: Overflow = .clip, clip: Rect? = nil
    ) -> Int {
        put(spans: line.spans, x: x, y: y, maxWidth: maxWidth, overflow: overflow, clip: clip)
    }

    /// Draws glyphs, never splitting a wide one: a wide glyph cut by an edge becomes a space.
    @discardableResult
    public mutating func put(
        glyphs: [Glyph], x: Int, y: Int, maxWidth: Int = Int.max,
        overflow: Overflow = .clip, clip: Rect? = nil
    ) -> Int {
        guard maxWidth > 0, !glyphs.isEmpty else { return 0 }
        var shown = glyphs
        let total = glyphs.reduce(0) { $0 + $1.width }
        if total > maxWidth {
            let budget = overflow == .ellipsis ? maxWidth - 1 : maxWidth
            var used = 0
            var end = 0
            while end < glyphs.count, used + glyphs[end].width <= budget {
                used += glyphs[end].width
                end += 1
            }
            shown = Array(glyphs[..<end])
            let cutStyle = glyphs[min(end, glyphs.count - 1)].style
            // The column a cut wide glyph would have used is padded with a space.
            while used < budget {
                shown.append(Glyph(text: " ", width: 1, style: cutStyle))
                used += 1
            }
            if overflow == .ellipsis {
                shown.append(Glyph(text: Canvas.ellipsis, width: 1, style: end > 0 ? glyphs[end - 1].style : cutStyle))
            }
        }
        let area = (clip.map { $0.intersection(bounds) } ?? bounds)
        var column = x
        var written = 0
        for glyph in shown {
            let cell = Cell(text: glyph.text, width: UInt8(glyph.width), style: glyph.style)
            if !setCell(cell, x: column, y: y, clip: area), glyph.width == 2 {
                // Half visible at an edge: show the visible half as a space.
                if area.contains(x: column, y: y) { setCell(Cell(style: glyph.style), x: column, y: y, clip: area) }
                if area.contains(x: column + 1, y: y) { setCell(Cell(style: glyph.style), x: column + 1, y: y, clip: area) }
            }
            column += glyph.width
            written += glyph.width
        }
        return written
    }
}

extension Rect {
    /// The overlap of two rectangles (empty when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: left, y: top, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Whether the cell (x, y) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && py >= y && px < maxX && py < maxY
    }

    /// The rectangle with `amount` cells removed from every side (never negative).
    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// Row `index` of this rectangle as a one-row rectangle.
    public func row(_ index: Int) -> Rect {
        Rect(x: x, y: y + index, width: width, height: 1)
    }
}
