/// The reading pane: a rule with the position (`Top`, `42%`, `Bot`, `All`; `~42%` while a long
/// article's length is still an estimate), then a window of the laid-out article, centred when
/// the pane is wider than the measure.
public struct ReaderView {
    public var document: ReaderDocument?
    public var offset: Int
    public var focused: Bool
    public var emptyMessage: String

    public init(document: ReaderDocument?, offset: Int = 0, focused: Bool = false, emptyMessage: String = "No article selected.") {
        self.document = document
        self.offset = offset
        self.focused = focused
        self.emptyMessage = emptyMessage
    }

    /// Whether `rect` has room for the rule above the text.
    static func hasRule(_ rect: Rect) -> Bool { rect.height >= 2 }

    /// Lines of text visible in `rect` (the viewport height the reducer should use).
    public static func textHeight(in rect: Rect) -> Int {
        max(0, rect.height - (hasRule(rect) ? 1 : 0))
    }

    /// The text viewport this view shows in `rect`.
    public func viewport(in rect: Rect) -> TextViewport {
        TextViewport(total: document?.lineCount ?? 0, height: Self.textHeight(in: rect), offset: offset)
    }

    /// Draws the reader into `rect`.
    public func render(into canvas: inout Canvas, in rect: Rect) {
        let area = rect.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        canvas.fill(area)
        let view = viewport(in: area)
        var top = area.y
        if Self.hasRule(area) {
            let rule = Style(.border, bold: focused, dim: !focused)
            canvas.fill(area.row(0), style: rule, character: "─")
            if document != nil {
                let estimated = document?.isEstimated == true && view.positionLabel.hasSuffix("%")
                let label = " \(estimated ? "~" : "")\(view.positionLabel) "
                let labelWidth = DisplayWidth.of(label)
                if labelWidth + 1 <= area.width {
                    canvas.put(label, x: area.maxX - labelWidth - 1, y: top, style: rule, clip: area)
                }
            }
            top += 1
        }
        guard let document else {
            canvas.put(emptyMessage, x: area.x, y: top, maxWidth: area.width, style: Style(.dim, dim: true), overflow: .ellipsis, clip: area)
            return
        }
        let pad = area.width > document.measure ? (area.width - document.measure) / 2 : 0
        // The reducer has laid out what the window shows (`ReaderDocument.prepare`).
        let shown = document.lines(in: view.offset..<min(view.offset + area.maxY - top, document.lineCount))
        for (row, line) in shown.enumerated() {
            if let line { canvas.put(line: line, x: area.x + pad, y: top + row, maxWidth: area.width - pad, clip: area) }
        }
    }
}
