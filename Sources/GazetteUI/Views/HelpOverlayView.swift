/// The `?` overlay: every key by context, generated from the key map, boxed and centred.
public struct HelpOverlayView {
    public var keyMap: KeyMap
    /// First content line shown (the reducer clamps it with `maxOffset`).
    public var offset: Int

    public init(keyMap: KeyMap = .standard, offset: Int = 0) {
        self.keyMap = keyMap
        self.offset = offset
    }

    /// Order of the sections in the overlay.
    public static let contextOrder: [KeyContext] = [.global, .list, .reader, .sidebar, .prompt, .warnings, .help]

    /// The overlay's content lines: a heading per context, then `keys  description` rows.
    public static func lines(_ keyMap: KeyMap) -> [StyledLine] {
        let sections = contextOrder.map { ($0, keyMap.helpEntries(for: $0)) }.filter { !$0.1.isEmpty }
        let keyColumn = min(24, sections.flatMap { $0.1 }.map { DisplayWidth.of($0.keys) }.max() ?? 0) + 2
        var lines: [StyledLine] = []
        for (index, (context, entries)) in sections.enumerated() {
            if index > 0 { lines.append(StyledLine()) }
            lines.append(StyledLine(context.title, Style(.accent, bold: true)))
            for entry in entries {
                let pad = String(repeating: " ", count: max(1, keyColumn - DisplayWidth.of(entry.keys)))
                lines.append(StyledLine([StyledSpan("  " + entry.keys, Style(.highlight, bold: true)), StyledSpan(pad + entry.description)]))
            }
        }
        return lines
    }

    /// The box drawn inside `rect`: content plus a border, centred, never larger than `rect`.
    public func box(in rect: Rect) -> Rect {
        let content = Self.lines(keyMap)
        let contentWidth = content.map(\.width).max() ?? 0
        let width = min(rect.width, contentWidth + 4)
        let height = min(rect.height, content.count + 2)
        return Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2, width: width, height: height)
    }

    /// The largest useful offset in `rect`.
    public func maxOffset(in rect: Rect) -> Int {
        max(0, Self.lines(keyMap).count - max(0, box(in: rect).height - 2))
    }

    /// Draws the overlay over whatever is in `rect`.
    public func render(into canvas: inout Canvas, in rect: Rect) {
        let area = rect.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        let frame = box(in: area)
        canvas.fill(frame)
        let border = Style(.border, bold: true)
        let bordered = frame.width >= 3 && frame.height >= 3
        let inner = bordered ? Rect(x: frame.x + 2, y: frame.y + 1, width: frame.width - 4, height: frame.height - 2) : frame
        let content = Self.lines(keyMap)
        let start = min(max(0, offset), max(0, content.count - inner.height))
        if bordered {
            canvas.drawBox(frame, style: border)
            canvas.put(" Keys ", x: frame.x + 2, y: frame.y, maxWidth: frame.width - 4, style: border, clip: frame)
            let more = start + inner.height < content.count
            let footer = more ? " ↓ more · q closes " : " q closes "
            let footerWidth = DisplayWidth.of(footer)
            if footerWidth + 4 <= frame.width {
                canvas.put(footer, x: frame.maxX - footerWidth - 2, y: frame.maxY - 1, style: border, clip: frame)
            }
        }
        for (row, line) in content.dropFirst(start).prefix(inner.height).enumerated() {
            canvas.put(line: line, x: inner.x, y: inner.y + row, maxWidth: inner.width, overflow: .ellipsis, clip: inner)
        }
    }
}
