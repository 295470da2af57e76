import GazetteCore

/// The bottom line: result counts, query, sort and warnings — or the `/` prompt.
public struct StatusBarView {
    /// What the status line reports.
    public struct Status: Sendable, Equatable {
        public var shown: Int
        public var total: Int
        /// Unread articles among those shown; nil when there is no reader state.
        public var unread: Int?
        public var query: String
        public var sort: SortOrder
        public var warnings: Int
        /// A transient message; replaces the query while shown.
        public var message: String?
        /// Keys a newcomer needs (`? help`), shown at the right when there is room.
        public var hint: String?

        public init(
            shown: Int, total: Int, unread: Int? = nil, query: String = "", sort: SortOrder = .date, warnings: Int = 0,
            message: String? = nil, hint: String? = nil
        ) {
            self.unread = unread
            self.shown = shown
            self.total = total
            self.query = query
            self.sort = sort
            self.warnings = warnings
            self.message = message
            self.hint = hint
        }
    }

    /// What the prompt line shows while `/` is open.
    public struct Prompt: Sendable, Equatable {
        public var text: String
        /// Why the query does not parse, shown without losing what was typed.
        public var error: String?
        /// What the prompt asks, before the text: `/` for the query.
        public var label: String

        public init(text: String, error: String? = nil, label: String = "/") {
            self.text = text
            self.error = error
            self.label = label
        }
    }

    public enum Content: Sendable, Equatable {
        case status(Status)
        case prompt(Prompt)
    }

    public var content: Content

    public init(_ content: Content) {
        self.content = content
    }

    public static let barStyle = Style(.statusBar, reverse: true)
    public static let cursor = "\u{258F}"  // ▏

    /// Draws the line into the first row of `rect`.
    public func render(into canvas: inout Canvas, in rect: Rect) {
        let area = rect.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        let line = area.row(0)
        switch content {
        case .status(let status): drawStatus(status, in: line, canvas: &canvas)
        case .prompt(let prompt): drawPrompt(prompt, in: line, canvas: &canvas)
        }
    }

    private func drawStatus(_ status: Status, in line: Rect, canvas: inout Canvas) {
        canvas.fill(line, style: Self.barStyle)
        let noun = status.total == 1 ? "article" : "articles"
        var left = " \(status.shown) of \(status.total) \(noun)"
        if let unread = status.unread { left += ", \(unread) unread" }
        var right = "sort: \(status.sort.rawValue) "
        if status.warnings > 0 {
            right = (status.warnings == 1 ? "1 warning" : "\(status.warnings) warnings") + "  " + right
        }
        let leftWidth = canvas.put(left, x: line.x, y: line.y, maxWidth: line.width, style: Self.barStyle, overflow: .ellipsis, clip: line)
        var hintWidth = 0
        if let hint = status.hint, !hint.isEmpty {
            hintWidth = DisplayWidth.of(hint) + 2
            // The hint goes first when room is short; the counts, warnings and sort matter more.
            if line.width - leftWidth < DisplayWidth.of(right) + hintWidth + 4 + DisplayWidth.of(status.message ?? status.query) {
                hintWidth = 0
            }
        }
        let rightWidth = DisplayWidth.of(right) + hintWidth
        let detail = status.message ?? status.query
        var detailRoom = line.width - leftWidth - 2
        if line.width - leftWidth >= rightWidth + 12 {
            var rightStyle = Self.barStyle
            if status.warnings > 0 { rightStyle.role = .warning }
            canvas.put(right, x: line.maxX - rightWidth + hintWidth, y: line.y, style: rightStyle, clip: line)
            if hintWidth > 0, let hint = status.hint {
                var hintStyle = Self.barStyle
                hintStyle.dim = true
                canvas.put(hint, x: line.maxX - rightWidth, y: line.y, style: hintStyle, clip: line)
            }
            detailRoom -= rightWidth + 1
        }
        if !detail.isEmpty, detailRoom >= 3 {
            var detailStyle = Self.barStyle
            detailStyle.bold = status.message != nil
            canvas.put(detail, x: line.x + leftWidth + 2, y: line.y, maxWidth: detailRoom, style: detailStyle, overflow: .ellipsis, clip: line)
        }
    }

    private func drawPrompt(_ prompt: Prompt, in line: Rect, canvas: inout Canvas) {
        canvas.fill(line)
        var errorGlyphs: [Glyph] = []
        if let error = prompt.error, !error.isEmpty {
            errorGlyphs = Glyph.make("  " + error, style: Style(.warning, bold: true))
        }
        let input = Glyph.make([StyledSpan(prompt.label, Style(.accent, bold: true)), StyledSpan(prompt.text)])
            + Glyph.make(Self.cursor, style: Style(.accent))
        let inputWidth = input.reduce(0) { $0 + $1.width }
        // The error gets what is left once the input (at least 12 columns of it) is shown.
        let errorRoom = min(errorGlyphs.reduce(0) { $0 + $1.width }, max(0, line.width - min(inputWidth, 12)))
        let inputRoom = line.width - errorRoom
        // Too long: show the end, where the cursor is.
        var shown = input[...]
        var width = inputWidth
        while width > inputRoom, !shown.isEmpty {
            width -= shown.first!.width
            shown = shown.dropFirst()
        }
        let used = canvas.put(glyphs: Array(shown), x: line.x, y: line.y, maxWidth: inputRoom, clip: line)
        if errorRoom > 0 {
            canvas.put(glyphs: errorGlyphs, x: line.x + used, y: line.y, maxWidth: line.width - used, overflow: .ellipsis, clip: line)
        }
    }
}
