/// Boxes drawn with line characters, for overlays.
extension Canvas {
    /// Draws a single-line border around `frame` (which must be at least 2×2 to show corners).
    public mutating func drawBox(_ frame: Rect, style: Style) {
        guard frame.width >= 2, frame.height >= 2 else { return }
        fill(frame.row(0), style: style, character: "─")
        fill(frame.row(frame.height - 1), style: style, character: "─")
        fill(Rect(x: frame.x, y: frame.y + 1, width: 1, height: frame.height - 2), style: style, character: "│")
        fill(Rect(x: frame.maxX - 1, y: frame.y + 1, width: 1, height: frame.height - 2), style: style, character: "│")
        setCell(Cell(text: "┌", style: style), x: frame.x, y: frame.y)
        setCell(Cell(text: "┐", style: style), x: frame.maxX - 1, y: frame.y)
        setCell(Cell(text: "└", style: style), x: frame.x, y: frame.maxY - 1)
        setCell(Cell(text: "┘", style: style), x: frame.maxX - 1, y: frame.maxY - 1)
    }
}
