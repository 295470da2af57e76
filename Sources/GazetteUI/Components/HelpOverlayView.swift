/// The `?` overlay: every key by context, generated from the live key map (rebinds show).
public struct HelpOverlayView {
    public var keyMap: KeyMap
    /// First content line shown.
    public var offset: Int

    public init(keyMap: KeyMap, offset: Int = 0) {
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

    /// The help as content for the list overlay.
    public static func content(_ lines: [StyledLine]) -> OverlayContent {
        OverlayContent(title: " Keys ", lines: lines)
    }

    /// The box drawn inside `rect`.
    public func box(in rect: Rect) -> Rect { overlay.frame(in: rect).box }

    /// Draws the overlay over whatever is in `rect`.
    public func render(into canvas: inout Canvas, in rect: Rect) { overlay.render(into: &canvas, in: rect) }

    private var overlay: ListOverlayView {
        ListOverlayView(content: Self.content(Self.lines(keyMap)), offset: offset)
    }
}
