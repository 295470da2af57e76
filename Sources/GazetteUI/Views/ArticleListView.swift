import GazetteCore

/// What the list shows for one article.
public struct ArticleListRow: Sendable, Equatable {
    /// `YYYY-MM-DD`, or nil for an undated article.
    public var date: String?
    public var title: String
    public var tags: [String]
    /// The author, shown in place of the tags when the list is sorted by author.
    public var author: String?
    /// The reader's state, when the list shows it: unread rows are bold with a `●`, starred ones carry `★`.
    public var state: ReadMarks?
    /// Thread depth in a threaded list: a reply is indented under its parent.
    public var depth: Int

    /// Read and starred, as a list row shows them.
    public struct ReadMarks: Sendable, Equatable {
        public var unread: Bool
        public var starred: Bool

        public init(unread: Bool, starred: Bool) {
            self.unread = unread
            self.starred = starred
        }
    }

    public init(date: String?, title: String, tags: [String], author: String? = nil, state: ReadMarks? = nil, depth: Int = 0) {
        self.date = date
        self.title = title
        self.tags = tags
        self.author = author
        self.state = state
        self.depth = depth
    }

    /// The title as the list shows it: a reply indented two columns per level (at most 8) after
    /// a `↳`, so the tree reads without colour.
    var displayTitle: String {
        guard depth > 0 else { return title }
        return String(repeating: "  ", count: min(depth, 8) - 1) + "↳ " + title
    }

    /// The row for an article.
    public init(_ article: Article) {
        self.init(date: article.date?.isoDay, title: article.title, tags: article.tags, author: article.author)
    }
}

/// The article list: date, title (search hits highlighted) and tags as room allows.
///
/// Rows come from a closure so a long result is never copied per frame; only visible rows are asked for.
public struct ArticleListView {
    public var count: Int
    public var row: (Int) -> ArticleListRow
    public var viewport: ListViewport
    public var focused: Bool
    public var showsHeader: Bool
    public var highlighter: Highlighter?
    public var emptyMessage: String
    /// Show each row's author where the tags go (sorted by author, the order then reads at a glance).
    public var showsAuthor: Bool

    public init(
        count: Int, row: @escaping (Int) -> ArticleListRow, viewport: ListViewport, focused: Bool = true,
        showsHeader: Bool = true, highlighter: Highlighter? = nil, emptyMessage: String = "No articles match.",
        showsAuthor: Bool = false
    ) {
        self.showsAuthor = showsAuthor
        self.count = count
        self.row = row
        self.viewport = viewport
        self.focused = focused
        self.showsHeader = showsHeader
        self.highlighter = highlighter
        self.emptyMessage = emptyMessage
    }

    /// A list over an array of rows.
    public init(rows: [ArticleListRow], viewport: ListViewport, focused: Bool = true, showsHeader: Bool = true, highlighter: Highlighter? = nil) {
        self.init(count: rows.count, row: { rows[$0] }, viewport: viewport, focused: focused, showsHeader: showsHeader, highlighter: highlighter)
    }

    /// Rows available for articles in `rect` (the viewport height the reducer should use).
    public static func listHeight(in rect: Rect, showsHeader: Bool = true) -> Int {
        max(0, rect.height - (showsHeader && rect.height > 1 ? 1 : 0))
    }

    /// Marks an unread row (with bold), and a starred one.
    public static let unreadMarker = "\u{25CF}"  // ●
    public static let starMarker = "\u{2605}"  // ★
    /// Width of the marker column: unread, star, gap.
    static let markerColumn = 3

    /// Width of the date column including its gap; dropped on very narrow panes.
    static func dateColumn(for width: Int) -> Int { width >= 30 ? 12 : 0 }

    /// Draws the list into `rect`.
    public func render(into canvas: inout Canvas, in rect: Rect) {
        let area = rect.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        canvas.fill(area)
        var top = area.y
        let headerShown = showsHeader && area.height > 1
        if headerShown {
            let header = Style(.accent, bold: true)
            canvas.fill(area.row(0), style: header)
            let dateColumn = Self.dateColumn(for: area.width)
            if dateColumn > 0 { canvas.put("Date", x: area.x, y: top, maxWidth: dateColumn, style: header, clip: area) }
            let counter = count == 1 ? "1 article" : "\(count) articles"
            let counterWidth = DisplayWidth.of(counter)
            let titleRoom = area.width - dateColumn - (area.width - dateColumn > counterWidth + 7 ? counterWidth + 1 : 0)
            canvas.put("Title", x: area.x + dateColumn, y: top, maxWidth: titleRoom, style: header, clip: area)
            if titleRoom < area.width - dateColumn {
                canvas.put(counter, x: area.maxX - counterWidth, y: top, style: header, clip: area)
            }
            top += 1
        }
        let rows = area.maxY - top
        guard rows > 0 else { return }
        guard count > 0 else {
            // Wrapped: the message may say what to do, which an ellipsis would cut.
            let lines = TextWrap.wrap(emptyMessage, width: area.width, style: Style(.dim, dim: true))
            for (offset, line) in lines.prefix(rows).enumerated() {
                canvas.put(line: line, x: area.x, y: top + offset, maxWidth: area.width, clip: area)
            }
            return
        }
        var view = viewport
        view.setCount(count)
        view.setHeight(rows)
        for index in view.visibleRange {
            let y = top + index - view.offset
            drawRow(row(index), selected: index == view.selection, in: Rect(x: area.x, y: y, width: area.width, height: 1), canvas: &canvas)
        }
    }

    private func drawRow(_ item: ArticleListRow, selected: Bool, in line: Rect, canvas: inout Canvas) {
        var base = Style.plain
        if selected { base = Style(.selection, reverse: true, dim: !focused) }
        var tagStyle = base
        tagStyle.role = .tag
        tagStyle.dim = true
        canvas.fill(line, style: base)
        var line = line
        if let state = item.state, line.width >= 8 {
            // A marker column, so unread does not rest on bold (or colour) alone.
            var markStyle = base
            markStyle.bold = true
            if !selected { markStyle.role = .unread }
            if state.unread { canvas.put(Self.unreadMarker, x: line.x, y: line.y, style: markStyle, clip: line) }
            if state.starred { canvas.put(Self.starMarker, x: line.x + 1, y: line.y, style: markStyle, clip: line) }
            line = Rect(x: line.x + Self.markerColumn, y: line.y, width: line.width - Self.markerColumn, height: 1)
            if state.unread { base.bold = true }
        }
        let dateColumn = Self.dateColumn(for: line.width)
        if dateColumn > 0, let date = item.date {
            var dateStyle = base
            if !selected { dateStyle.role = .dim }
            canvas.put(date, x: line.x, y: line.y, maxWidth: dateColumn - 2, style: dateStyle, clip: line)
        }
        let room = line.width - dateColumn
        guard room > 0 else { return }
        let title = Glyph.make(Highlighting.spans(String(item.displayTitle.leading(columns: room)), base: base, highlighter: highlighter))
        let titleWidth = title.reduce(0) { $0 + $1.width }
        var tagText = ""
        if showsAuthor {
            tagText = String(AuthorName(item.author ?? "").short.leading(columns: room))
            tagStyle.role = .accent
        }
        for tag in showsAuthor ? [] : item.tags {
            // Thousands of tags: join only as many as could show.
            if DisplayWidth.of(tagText) > room { break }
            tagText += (tagText.isEmpty ? "" : ", ") + FacetListText.item(tag).leading(columns: room)
        }
        let tags = Glyph.make(tagText, style: tagStyle)
        let tagsWidth = tags.reduce(0) { $0 + $1.width }
        let titleX = line.x + dateColumn
        canvas.put(glyphs: title, x: titleX, y: line.y, maxWidth: room, overflow: .ellipsis, clip: line)
        let tagRoom = room - titleWidth - 2
        guard titleWidth <= room, tagsWidth > 0, tagRoom >= min(tagsWidth, 8) else { return }
        let shown = min(tagsWidth, tagRoom)
        canvas.put(glyphs: tags, x: line.maxX - shown, y: line.y, maxWidth: shown, overflow: .ellipsis, clip: line)
    }
}

extension ListViewport {
    /// Fits the list's viewport to the article list pane `rect`: the header row is the list's own chrome.
    mutating func fit(articleListIn rect: Rect) { setHeight(ArticleListView.listHeight(in: rect)) }
}
