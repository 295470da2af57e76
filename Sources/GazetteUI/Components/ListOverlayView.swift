/// What a list overlay shows: a title and lines produced on demand (only the visible ones are asked for).
public struct OverlayContent {
    /// The title in the top border, e.g. ` Keys `.
    public var title: String
    /// Number of lines.
    public var count: Int
    /// Line `index`, cut to about `columns` columns (a warning line can be megabytes long).
    public var line: (_ index: Int, _ columns: Int) -> StyledLine
    /// The box is never narrower than this (plus its border), so a short list does not look lost.
    public var minimumWidth: Int

    public init(title: String, count: Int, minimumWidth: Int = 0, line: @escaping (_ index: Int, _ columns: Int) -> StyledLine) {
        self.title = title
        self.count = count
        self.minimumWidth = minimumWidth
        self.line = line
    }

    /// Content over lines already built.
    public init(title: String, lines: [StyledLine], minimumWidth: Int = 0) {
        self.init(title: title, count: lines.count, minimumWidth: minimumWidth) { index, _ in lines[index] }
    }
}

/// The geometry of a list overlay in an area: a centred box, its border and the text inside.
/// Used by the view to draw and by `ListOverlay` to size its viewport, so the two always agree.
public struct OverlayFrame: Sendable, Equatable {
    /// The box, border included.
    public var box: Rect
    /// Where the lines go.
    public var text: Rect
    /// Whether there is room for a border (at least 3×3).
    public var bordered: Bool

    /// The frame for `lineCount` lines at most `contentWidth` wide in `area`.
    public init(lineCount: Int, contentWidth: Int = .max, in area: Rect) {
        let width = contentWidth >= area.width ? area.width : min(area.width, contentWidth + 4)
        let height = min(area.height, lineCount + 2)
        box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        bordered = box.width >= 3 && box.height >= 3
        text = bordered ? Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2) : box
    }
}

/// The one scrollable overlay: a bordered box of lines with a title, a "↓ more" footer and a
/// window from `offset`; help, load warnings and any later list overlay are its content.
public struct ListOverlayView {
    public var content: OverlayContent
    /// First line shown (the state clamps it; drawing clamps again for a stale value).
    public var offset: Int

    public init(content: OverlayContent, offset: Int = 0) {
        self.content = content
        self.offset = offset
    }

    /// Lines measured for the box's width: a screenful is enough to know whether they overflow.
    static let measuredLines = 200

    /// The frame drawn inside `rect`.
    public func frame(in rect: Rect) -> OverlayFrame {
        var widest = content.minimumWidth
        for index in 0..<min(content.count, Self.measuredLines) {
            widest = max(widest, content.line(index, rect.width).width)
        }
        return OverlayFrame(lineCount: content.count, contentWidth: widest, in: rect)
    }

    /// The largest useful offset in `rect`: the last line at the bottom of the box.
    public func maxOffset(in rect: Rect) -> Int { max(0, content.count - frame(in: rect).text.height) }

    /// Draws the overlay over whatever is in `rect`.
    public func render(into canvas: inout Canvas, in rect: Rect) {
        let area = rect.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        let frame = frame(in: area)
        let box = frame.box, inner = frame.text
        canvas.fill(box)
        let border = Style(.border, bold: true)
        let start = min(max(0, offset), max(0, content.count - inner.height))
        if frame.bordered {
            canvas.drawBox(box, style: border)
            canvas.put(content.title, x: box.x + 2, y: box.y, maxWidth: box.width - 4, style: border, clip: box)
            let footer = start + inner.height < content.count ? " ↓ more · q closes " : " q closes "
            let footerWidth = DisplayWidth.of(footer)
            if footerWidth + 4 <= box.width {
                canvas.put(footer, x: box.maxX - footerWidth - 2, y: box.maxY - 1, style: border, clip: box)
            }
        }
        for row in 0..<max(0, min(inner.height, content.count - start)) {
            canvas.put(line: content.line(start + row, inner.width + 1), x: inner.x, y: inner.y + row, maxWidth: inner.width,
                       overflow: .ellipsis, clip: inner)
        }
    }
}
