/// The first frame while the archive loads: `Loading… 1200/5000 files`, centred.
public struct LoadingView {
    public var filesDone: Int
    public var filesTotal: Int
    public var articles: Int
    /// Files are read; the store is building its indexes.
    public var indexing: Bool

    public init(filesDone: Int = 0, filesTotal: Int = 0, articles: Int = 0, indexing: Bool = false) {
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        self.articles = articles
        self.indexing = indexing
    }

    /// The lines shown, most important first.
    public var lines: [String] {
        let files = filesTotal > 0 ? "Loading… \(filesDone)/\(filesTotal) files" : "Loading…"
        var lines = [indexing ? "Indexing \(articles) articles…" : files]
        if !indexing, articles > 0 { lines.append("\(articles) articles") }
        lines.append("q quits")
        return lines
    }

    /// A whole `width`×`height` frame.
    public func render(width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let shown = Array(lines.prefix(max(0, height)))
        let top = max(0, (height - shown.count) / 2)
        for (index, text) in shown.enumerated() {
            let textWidth = min(DisplayWidth.of(text), width)
            let style = index == 0 ? Style(.accent, bold: true) : Style(.dim, dim: true)
            canvas.put(text, x: max(0, (width - textWidth) / 2), y: top + index, maxWidth: width, style: style, overflow: .ellipsis)
        }
        return canvas
    }
}
