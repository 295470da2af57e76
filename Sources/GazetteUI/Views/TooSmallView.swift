/// Shown instead of everything when the terminal is below the usable minimum.
public struct TooSmallView {
    public var minimumWidth: Int
    public var minimumHeight: Int

    public init(minimumWidth: Int = ScreenLayout.minimumWidth, minimumHeight: Int = ScreenLayout.minimumHeight) {
        self.minimumWidth = minimumWidth
        self.minimumHeight = minimumHeight
    }

    /// Draws the notice, centred, as much of it as fits.
    public func render(into canvas: inout Canvas, in rect: Rect) {
        let area = rect.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        canvas.fill(area)
        let message = area.width >= 18 ? "Terminal too small" : (area.width >= 9 ? "Too small" : "Small")
        let need = "need \(minimumWidth)×\(minimumHeight)"
        var lines = [message]
        if area.height >= 2 { lines.append(need) }
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (index, text) in lines.enumerated() {
            let width = min(DisplayWidth.of(text), area.width)
            let x = area.x + max(0, (area.width - width) / 2)
            canvas.put(text, x: x, y: top + index, maxWidth: area.width, style: Style(.warning, bold: index == 0), overflow: .ellipsis, clip: area)
        }
    }
}
