/// The `w` overlay: every problem found while loading, one `path:line: reason` per line.
public struct WarningsOverlayView {
    public var lines: [String]
    /// First line shown (the reducer clamps it with `maxOffset`).
    public var offset: Int

    public init(lines: [String], offset: Int = 0) {
        self.lines = lines
        self.offset = offset
    }

    /// The box drawn inside `rect`: as wide as the longest line allows, at most the whole area.
    public static func box(lines: [String], in rect: Rect) -> Rect {
        // Measure at most a screenful of lines: the box only needs to know if they overflow.
        let widest = lines.prefix(200).map { DisplayWidth.of(String($0.leading(columns: rect.width))) }.max() ?? 0
        let width = min(rect.width, max(widest, 30) + 4)
        let height = min(rect.height, lines.count + 2)
        return Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2, width: width, height: height)
    }

    /// The largest useful offset for `count` lines in `rect`.
    public static func maxOffset(lines count: Int, in rect: Rect) -> Int {
        let inner = min(rect.height, count + 2) - 2
        return max(0, count - max(0, inner))
    }

    /// Draws the overlay over whatever is in `rect`.
    public func render(into canvas: inout Canvas, in rect: Rect) {
        let area = rect.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        let frame = Self.box(lines: lines, in: area)
        canvas.fill(frame)
        let border = Style(.border, bold: true)
        let bordered = frame.width >= 3 && frame.height >= 3
        let inner = bordered ? Rect(x: frame.x + 2, y: frame.y + 1, width: frame.width - 4, height: frame.height - 2) : frame
        let start = min(max(0, offset), max(0, lines.count - inner.height))
        if bordered {
            canvas.drawBox(frame, style: border)
            let title = lines.count == 1 ? " 1 load warning " : " \(lines.count) load warnings "
            canvas.put(title, x: frame.x + 2, y: frame.y, maxWidth: frame.width - 4, style: border, clip: frame)
            let footer = start + inner.height < lines.count ? " ↓ more · q closes " : " q closes "
            let footerWidth = DisplayWidth.of(footer)
            if footerWidth + 4 <= frame.width {
                canvas.put(footer, x: frame.maxX - footerWidth - 2, y: frame.maxY - 1, style: border, clip: frame)
            }
        }
        for (row, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            canvas.put(String(line.leading(columns: inner.width + 1)), x: inner.x, y: inner.y + row, maxWidth: inner.width,
                       style: Style(.warning), overflow: .ellipsis, clip: inner)
        }
    }
}
