import GazetteCore

/// How a sidebar entry takes part in the filter.
public enum FacetMark: Sendable, Hashable {
    case none, included, excluded
}

/// One sidebar entry: a facet value, its count over the current result and its mark.
public struct SidebarEntry: Sendable, Equatable {
    public var value: String
    public var count: Int
    public var mark: FacetMark

    public init(value: String, count: Int, mark: FacetMark = .none) {
        self.value = value
        self.count = count
        self.mark = mark
    }
}

/// A titled group of entries (Tags, Categories, Authors, Years).
public struct SidebarSection: Sendable, Equatable {
    public var kind: FacetKind
    public var entries: [SidebarEntry]
    /// A heading other than the facet's (the Views section).
    public var customTitle: String?

    public init(kind: FacetKind, entries: [SidebarEntry], title: String? = nil) {
        self.kind = kind
        self.entries = entries
        self.customTitle = title
    }

    /// The heading shown above the entries.
    public var title: String {
        if let customTitle { return customTitle }
        return switch kind {
        case .tag: "Tags"
        case .category: "Categories"
        case .author: "Authors"
        case .year: "Years"
        }
    }
}

/// The facet sidebar: section headings, then `+ value   count` rows with a cursor.
///
/// The cursor counts entries only (headings are not selectable); scrolling is in display rows,
/// so the reducer keeps a `ListViewport` over `rowCount` and selects `row(ofEntry:)`.
public struct SidebarView {
    public var sections: [SidebarSection]
    /// Index over all entries of all sections, in order.
    public var cursor: Int?
    /// First display row shown.
    public var offset: Int
    public var focused: Bool
    /// When set, exactly the rows to draw from the top (a window the caller cut from a long
    /// sidebar, so a frame never walks every facet value); `sections` and `offset` are then unused.
    public var window: [Row]?

    public init(sections: [SidebarSection], cursor: Int? = nil, offset: Int = 0, focused: Bool = false) {
        self.sections = sections
        self.cursor = cursor
        self.offset = offset
        self.focused = focused
    }

    /// A sidebar drawing `window` as its rows, top first.
    public init(window: [Row], cursor: Int?, focused: Bool) {
        self.init(sections: [], cursor: cursor, offset: 0, focused: focused)
        self.window = window
    }

    /// A display row: a heading or an entry (with its index over all entries).
    public enum Row: Sendable, Equatable {
        case heading(SidebarSection)
        case entry(SidebarEntry, index: Int, kind: FacetKind)
    }

    /// All display rows, headings included.
    public static func rows(_ sections: [SidebarSection]) -> [Row] {
        var rows: [Row] = []
        var index = 0
        for section in sections {
            rows.append(.heading(section))
            for entry in section.entries {
                rows.append(.entry(entry, index: index, kind: section.kind))
                index += 1
            }
        }
        return rows
    }

    /// Number of display rows.
    public static func rowCount(_ sections: [SidebarSection]) -> Int {
        sections.reduce(0) { $0 + 1 + $1.entries.count }
    }

    /// The display row of entry `entryIndex`.
    public static func row(ofEntry entryIndex: Int, in sections: [SidebarSection]) -> Int? {
        var row = 0
        var remaining = entryIndex
        for section in sections {
            row += 1
            if remaining < section.entries.count { return remaining >= 0 ? row + remaining : nil }
            remaining -= section.entries.count
            row += section.entries.count
        }
        return nil
    }

    /// Draws the sidebar into `rect`.
    public func render(into canvas: inout Canvas, in rect: Rect) {
        let area = rect.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        canvas.fill(area)
        let rows = window ?? Self.rows(sections)
        // One count column for all entries, so counts line up and appear or vanish together.
        let countColumn = rows.lazy.compactMap { row -> Int? in
            if case .entry(let entry, _, _) = row { return String(entry.count).count }
            return nil
        }.max() ?? 0
        let start = window != nil ? 0 : min(max(0, offset), max(0, rows.count - area.height))
        for (line, row) in rows.dropFirst(start).prefix(area.height).enumerated() {
            let y = area.y + line
            let rowRect = Rect(x: area.x, y: y, width: area.width, height: 1)
            switch row {
            case .heading(let section):
                canvas.put(section.title, x: area.x, y: y, maxWidth: area.width, style: Style(.accent, bold: true, underline: true), overflow: .ellipsis, clip: rowRect)
            case .entry(let entry, let index, let kind):
                drawEntry(entry, kind: kind, selected: index == cursor, countColumn: countColumn, in: rowRect, canvas: &canvas)
            }
        }
    }

    private func drawEntry(_ entry: SidebarEntry, kind: FacetKind, selected: Bool, countColumn: Int, in row: Rect, canvas: inout Canvas) {
        var style: Style
        let markText: String
        switch entry.mark {
        case .included:
            style = Style(.accent, bold: true)
            markText = "+"
        case .excluded:
            style = Style(.warning, underline: false)
            markText = "-"
        case .none:
            style = entry.count == 0 ? Style(.dim, dim: true) : .plain
            markText = " "
        }
        if selected {
            style.reverse = true
            if !focused { style.dim = true }
        }
        canvas.fill(row, style: style)
        let count = String(entry.count)
        let countWidth = count.count
        canvas.put(markText, x: row.x, y: row.y, style: style, clip: row)
        let showCount = row.width >= countColumn + 6
        let valueRoom = row.width - 2 - (showCount ? countColumn + 1 : 0)
        // An author reads as a name: the address would fill the narrow column.
        let value = kind == .author ? AuthorName(entry.value).short : entry.value
        canvas.put(String(value.leading(columns: valueRoom)), x: row.x + 2, y: row.y, maxWidth: valueRoom, style: style, overflow: .ellipsis, clip: row)
        if showCount {
            var countStyle = style
            if entry.mark == .none && !selected {
                countStyle.dim = true
                if entry.count > 0 { countStyle.role = .count }
            }
            canvas.put(count, x: row.maxX - countWidth, y: row.y, style: countStyle, clip: row)
        }
    }
}
