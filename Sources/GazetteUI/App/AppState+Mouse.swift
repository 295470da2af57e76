import GazetteCore

/// The mouse: a click focuses the pane under it and selects there, a double click opens, the
/// wheel scrolls the pane under the pointer, a click outside an overlay closes it.
///
/// Geometry comes from the same `ScreenLayout` and viewports the panes draw with, so a click
/// lands on the row that is drawn there.
extension AppState {
    /// Lines (or rows) one wheel notch moves, as most terminal programs scroll.
    static let wheelLines = 3

    mutating func reduceMouse(_ event: MouseEvent) -> [Effect] {
        if listOverlay != nil { return mouseOnOverlay(event) }
        // A prompt waits for its answer; the mouse does not move things behind it.
        guard prompt == nil, layout.tooSmall == nil else { return [] }
        switch event.kind {
        case .wheelUp, .wheelDown:
            guard let pane = pane(at: event) else { return [] }
            scroll(pane, by: event.kind == .wheelDown ? Self.wheelLines : -Self.wheelLines)
        case .press where event.button == .left:
            guard let pane = pane(at: event), let rect = layout.rect(for: pane) else { return [] }
            options.focus = pane
            switch pane {
            case .list: return clickList(row: event.y - rect.y, in: rect, double: event.clicks >= 2)
            case .sidebar: clickSidebar(row: event.y - rect.y)
            case .reader: return clickReader(row: event.y - rect.y, in: rect)
            }
        default:
            break
        }
        return []
    }

    /// The pane whose rectangle holds the event's cell.
    func pane(at event: MouseEvent) -> Pane? {
        layout.visiblePanes.first { layout.rect(for: $0)?.contains(x: event.x, y: event.y) == true }
    }

    private mutating func scroll(_ pane: Pane, by lines: Int) {
        switch pane {
        case .list:
            list.move(by: lines)
            selectionChanged()
        case .reader: reader.viewport.scroll(by: lines)
        case .sidebar: sidebar.move(by: lines)
        }
    }

    /// A click on a list row selects it; a double click opens it in the reader.
    private mutating func clickList(row: Int, in rect: Rect, double: Bool) -> [Effect] {
        let header = rect.height - ArticleListView.listHeight(in: rect)
        let position = list.offset + row - header
        guard row >= header, position < list.count else { return [] }
        list.select(position)
        selectionChanged()
        guard double else { return [] }
        options.focus = .reader
        return markOpenedRead()
    }

    /// A click on a numbered line at the end of the reader: a link opens in the browser, an entry
    /// of "More like this" opens in the reader.
    private mutating func clickReader(row: Int, in rect: Rect) -> [Effect] {
        let line = reader.viewport.offset + row - (rect.height - ReaderView.textHeight(in: rect))
        guard let document = reader.document, line >= reader.viewport.offset, let target = document.targets[line] else { return [] }
        switch target {
        case .link(let number):
            pendingCount = number
            return reduceInteraction(.openLink) ?? []
        case .numbered(let number):
            pendingCount = number
            return reduceInteraction(.openNumbered) ?? []
        }
    }

    /// A click on a sidebar value: include it; again: exclude it; again: clear it. A view is chosen.
    private mutating func clickSidebar(row: Int) {
        guard let index = sidebar.item(atDisplayRow: sidebar.rows.offset + row) else { return }
        sidebar.select(index)
        let item = sidebar.items[index]
        if let choice = item.view {
            selectView(choice)
            return
        }
        let next: FacetMark = switch item.mark {
        case .none: .included
        case .included: .excluded
        case .excluded: .none
        }
        setMarks { $0.toggle(item.kind, item.value, next == .none ? item.mark : next) }
    }

    /// Over the help or warnings overlay: the wheel scrolls it, a click outside its box closes it.
    private mutating func mouseOnOverlay(_ event: MouseEvent) -> [Effect] {
        guard var open = listOverlay, let content = overlayContent else { return [] }
        let box = ListOverlayView(content: content).frame(in: overlayArea).box
        switch event.kind {
        case .wheelUp, .wheelDown:
            open.scroll(by: event.kind == .wheelDown ? Self.wheelLines : -Self.wheelLines)
            listOverlay = open
        case .press where !box.contains(x: event.x, y: event.y):
            listOverlay = nil
        default:
            break
        }
        return []
    }
}
