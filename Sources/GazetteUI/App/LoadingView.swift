/// The first frame while the archive loads: `Loading… 1200/5000 files`, centred.
public struct LoadingView {
    public var filesDone: Int
    public var filesTotal: Int
    public var articles: Int
    /// Files are read; the store is building its indexes.
    public var indexing: Bool
    /// The store is built; the reader's state store is being opened (another process may hold its
    /// lock for a moment), so a wait here is not taken for a slow index.
    public var openingState: Bool
    /// Seconds since loading started, so a long load visibly moves before the first progress report.
    public var elapsedSeconds: Int

    public init(filesDone: Int = 0, filesTotal: Int = 0, articles: Int = 0, indexing: Bool = false, openingState: Bool = false,
                elapsedSeconds: Int = 0) {
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        self.articles = articles
        self.indexing = indexing
        self.openingState = openingState
        self.elapsedSeconds = elapsedSeconds
    }

    /// The lines shown, most important first.
    public var lines: [String] {
        let files = filesTotal > 0 ? "Loading… \(filesDone)/\(filesTotal) files" : "Loading…"
        var lines = [openingState ? "Opening the reading state…" : indexing ? "Indexing \(articles) articles…" : files]
        if openingState || !indexing, articles > 0 { lines.append("\(articles) articles") }
        lines.append(elapsedSeconds > 0 ? "\(elapsedSeconds) s · q quits" : "q quits")
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
