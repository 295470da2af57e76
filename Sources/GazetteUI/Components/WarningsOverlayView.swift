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
    /// `rows` are the lines as shown (`rows(_:width:)`); the title counts the warnings.
    public static func content(_ rows: [String], warnings: Int? = nil) -> OverlayContent {
        let count = warnings ?? rows.count
        let title = " Load report: \(count) \(count == 1 ? "line" : "lines") "
        return OverlayContent(title: title, count: rows.count, minimumWidth: 30) { index, columns in
            StyledLine(String(rows[index].leading(columns: columns)), Style(.warning))
        }
    }

    /// Most rows one warning takes; a longer one (a megabyte-long line is possible) ends in `…`.
    public static let rowsPerWarning = 4

    /// `lines` wrapped to `width` columns, so the reason at the end of a long path is read rather
    /// than cut: each warning's first row, then rows indented two columns, at most
    /// `rowsPerWarning` rows each. Only what can be shown of a line is measured.
    public static func rows(_ lines: [String], width: Int) -> [String] {
        guard width >= 12 else { return lines }
        var rows: [String] = []
        rows.reserveCapacity(lines.count)
        for line in lines {
            let shown = String(line.leading(columns: (width - 2) * rowsPerWarning + 1))
            if DisplayWidth.of(shown) <= width, shown.utf8.count == line.utf8.count {
                rows.append(line)
                continue
            }
            var wrapped = TextWrap.wrap(shown, width: width - 2).map(\.text)
            if wrapped.count > rowsPerWarning || shown.utf8.count != line.utf8.count {
                wrapped = Array(wrapped.prefix(rowsPerWarning))
                var last = wrapped[wrapped.count - 1]
                while !last.isEmpty, DisplayWidth.of(last) > width - 3 { last.removeLast() }
                wrapped[wrapped.count - 1] = last + "…"
            }
            for (index, row) in wrapped.enumerated() { rows.append(index == 0 ? row : "  " + row) }
        }
        return rows
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
