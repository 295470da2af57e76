/// The first frame while the archive loads: `Loading… 1200/5000 files`, centred.
public struct LoadingView {
    /// What the load is doing, shown on the first line.
    public enum Stage: Sendable, Equatable {
        /// Reading and parsing files (`Loading… 1200/5000 files`).
        case readingFiles
        /// Files are read; the store is building its indexes.
        case indexing
        /// The store is built; the reader's state store is being opened (another process may
        /// hold its lock for a moment), so a wait here is not taken for a slow index.
        case openingState
    }

    public var filesDone: Int
    public var filesTotal: Int
    public var articles: Int
    public var stage: Stage
    /// Seconds since loading started, so a long load visibly moves before the first progress report.
    public var elapsedSeconds: Int

    public init(filesDone: Int = 0, filesTotal: Int = 0, articles: Int = 0, stage: Stage = .readingFiles, elapsedSeconds: Int = 0) {
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        self.articles = articles
        self.stage = stage
        self.elapsedSeconds = elapsedSeconds
    }

    /// The lines shown, most important first.
    public var lines: [String] {
        var lines: [String]
        switch stage {
        case .readingFiles: lines = [filesTotal > 0 ? "Loading… \(filesDone)/\(filesTotal) files" : "Loading…"]
        case .indexing: lines = ["Indexing \(articles) articles…"]
        case .openingState: lines = ["Opening the reading state…"]
        }
        if stage != .indexing, articles > 0 { lines.append("\(articles) articles") }
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
