/// The `w` overlay: every problem found while loading, one `path:line: reason` per line.
public struct WarningsOverlayView {
    public var lines: [String]
    /// First line shown.
    public var offset: Int

    public init(lines: [String], offset: Int = 0) {
        self.lines = lines
        self.offset = offset
    }

    /// The warnings as content for the list overlay: each line cut before it is measured or drawn.
    public static func content(_ lines: [String]) -> OverlayContent {
        let title = " Load report: \(lines.count) \(lines.count == 1 ? "line" : "lines") "
        return OverlayContent(title: title, count: lines.count, minimumWidth: 30) { index, columns in
            StyledLine(String(lines[index].leading(columns: columns)), Style(.warning))
        }
    }

    /// The box drawn inside `rect`: as wide as the longest line allows, at most the whole area.
    public static func box(lines: [String], in rect: Rect) -> Rect {
        ListOverlayView(content: content(lines)).frame(in: rect).box
    }

    /// Draws the overlay over whatever is in `rect`.
    public func render(into canvas: inout Canvas, in rect: Rect) {
        ListOverlayView(content: Self.content(lines), offset: offset).render(into: &canvas, in: rect)
    }
}
