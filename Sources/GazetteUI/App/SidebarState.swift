import GazetteCore

/// The sidebar's entries over the current result, its cursor and its scroll position.
///
/// Entries are rebuilt once per result change (from the result's facet arrays); a frame only
/// reads the rows it shows (`window`), so drawing never walks every facet value.
public struct SidebarState: Sendable {
    /// One entry: a facet value with its count over the current result and its mark.
    public struct Item: Sendable, Equatable {
        /// Which section the entry belongs to.
        public var kind: FacetKind
        public var value: String
        public var count: Int
        public var mark: FacetMark
        /// Set for entries of the Views section (then `kind` means nothing).
        public var view: ViewChoice?? = nil
    }

    /// An entry of the Views section: All (nil), Unread, Starred or a saved view.
    public struct ViewItem: Sendable, Equatable {
        public var choice: ViewChoice?
        public var count: Int
        public var active: Bool
    }

    /// A run of `items` under one heading.
    struct Section: Sendable, Equatable {
        var kind: FacetKind
        var start: Int
        var count: Int
        var isViews = false
    }

    /// Entries in display order: Tags, Categories, Authors, Years.
    public private(set) var items: [Item] = []
    private(set) var sections: [Section] = []
    /// Index into `items` of the entry under the cursor; nil when there are none.
    public private(set) var cursor: Int?
    /// Scroll position over display rows (headings included).
    public private(set) var rows = ListViewport(count: 0, height: 0)

    /// Every facet kind the sidebar can show, in the default order.
    public static let sectionOrder: [FacetKind] = [.tag, .category, .author, .year]
    /// The facet sections shown, in order (`[layout] facets`).
    public internal(set) var facetKinds: [FacetKind] = sectionOrder

    /// Rebuilds the entries: every value of `order` (a stable, store-wide order) shown when
    /// `counts` (aligned with `order`) gives it articles in the result or it is marked.
    /// The cursor stays on its value.
    mutating func rebuild(order: [FacetKind: [FacetEntry]], counts: [FacetKind: [Int]], marks: FacetMarks, views: [ViewItem] = []) {
        let current = cursor.map { items[$0] }
        var newItems: [Item] = []
        var newSections: [Section] = []
        for view in views {
            newItems.append(Item(kind: .tag, value: view.choice?.title ?? "All", count: view.count,
                                 mark: view.active ? .included : .none, view: .some(view.choice)))
        }
        if !views.isEmpty { newSections.append(Section(kind: .tag, start: 0, count: views.count, isViews: true)) }
        // Marks carry the sidebar's own spelling of a value, so an exact lookup finds them.
        var marked: [FacetKind: [String: FacetMark]] = [:]
        for mark in marks.marks { marked[mark.kind, default: [:]][mark.value] = mark.mark }
        for kind in facetKinds {
            let start = newItems.count
            let kindCounts = counts[kind] ?? []
            let kindMarks = marked[kind] ?? [:]
            for (position, entry) in (order[kind] ?? []).enumerated() {
                let count = position < kindCounts.count ? kindCounts[position] : 0
                let mark = kindMarks.isEmpty ? .none : (kindMarks[entry.value] ?? .none)
                if count > 0 || mark != .none {
                    newItems.append(Item(kind: kind, value: entry.value, count: count, mark: mark))
                }
            }
            if newItems.count > start { newSections.append(Section(kind: kind, start: start, count: newItems.count - start)) }
        }
        items = newItems
        sections = newSections
        var newCursor: Int? = items.isEmpty ? nil : min(cursor ?? 0, items.count - 1)
        if let current, let same = items.firstIndex(where: { $0.kind == current.kind && $0.value == current.value && $0.view == current.view }) {
            newCursor = same
        }
        cursor = newCursor
        rows.setCount(displayRowCount, selection: cursor.flatMap(displayRow(ofItem:)))
    }

    /// Updates the Views section's counts and marks in place (a read/star change moves nothing
    /// else); false when the section's entries changed and a full `rebuild` is needed.
    mutating func updateViews(_ views: [ViewItem]) -> Bool {
        guard let section = sections.first, section.isViews, section.count == views.count else { return views.isEmpty && sections.first?.isViews != true }
        for (offset, view) in views.enumerated() {
            guard items[offset].view == .some(view.choice) else { return false }
            items[offset].count = view.count
            items[offset].mark = view.active ? .included : .none
        }
        return true
    }

    /// Number of display rows: one heading per section plus its entries.
    var displayRowCount: Int { sections.reduce(0) { $0 + 1 + $1.count } }

    /// The display row of item `index`.
    func displayRow(ofItem index: Int) -> Int? {
        var row = 0
        for section in sections {
            row += 1
            if index < section.start + section.count { return index >= section.start ? row + index - section.start : nil }
            row += section.count
        }
        return nil
    }

    /// The item shown on display row `row` (nil for a heading or past the end): where a click lands.
    func item(atDisplayRow row: Int) -> Int? {
        var first = 0
        for section in sections {
            guard row > first else { return nil }
            if row <= first + section.count { return section.start + row - first - 1 }
            first += 1 + section.count
        }
        return nil
    }

    /// The item under the cursor.
    public var current: Item? { cursor.map { items[$0] } }

    /// Moves the cursor by `delta` entries (clamped).
    mutating func move(by delta: Int) {
        guard let cursor, !items.isEmpty else { return }
        let (sum, overflow) = cursor.addingReportingOverflow(delta)
        select(overflow ? (delta > 0 ? items.count - 1 : 0) : sum)
    }

    /// Puts the cursor on item `index` (clamped) and scrolls to show it.
    mutating func select(_ index: Int) {
        guard !items.isEmpty else { return }
        cursor = min(max(0, index), items.count - 1)
        if let row = displayRow(ofItem: cursor!) { rows.select(row) }
    }

    /// Fits the sidebar to the pane `rect` the layout gives it (every row is an entry or a heading).
    mutating func fit(to rect: Rect) {
        rows.setHeight(rect.height)
        if let row = cursor.flatMap(displayRow(ofItem:)) { rows.select(row) }
    }

    /// Entries shown per page (for PgDn/PgUp).
    var pageSize: Int { max(1, rows.height - 1) }

    /// The display rows on screen, for `SidebarView(window:)`.
    func window() -> [SidebarView.Row] {
        var out: [SidebarView.Row] = []
        let visible = rows.visibleRange
        guard !visible.isEmpty else { return out }
        var row = 0
        for section in sections {
            let sectionRows = row..<(row + 1 + section.count)
            defer { row = sectionRows.upperBound }
            if sectionRows.upperBound <= visible.lowerBound { continue }
            if sectionRows.lowerBound >= visible.upperBound { break }
            if visible.contains(row) {
                out.append(.heading(SidebarSection(kind: section.kind, entries: [], title: section.isViews ? "Views" : nil)))
            }
            let first = max(visible.lowerBound, row + 1) - (row + 1)
            let last = min(visible.upperBound, sectionRows.upperBound) - (row + 1)
            guard first < last else { continue }
            for offset in first..<last {
                let index = section.start + offset
                let item = items[index]
                out.append(.entry(SidebarEntry(value: item.value, count: item.count, mark: item.mark), index: index, kind: item.kind))
            }
        }
        return out
    }
}

extension SidebarState: Scrollable {
    /// Moves the cursor over entries (headings are skipped, so pages are counted in entries).
    public mutating func step(by lines: Int) { move(by: lines) }
    public mutating func home() { select(0) }
    public mutating func end() { select(items.count - 1) }
    public mutating func pageDown() { move(by: pageSize) }
    public mutating func pageUp() { move(by: -pageSize) }
    public mutating func halfPageDown() { move(by: max(1, pageSize / 2)) }
    public mutating func halfPageUp() { move(by: -max(1, pageSize / 2)) }
}
