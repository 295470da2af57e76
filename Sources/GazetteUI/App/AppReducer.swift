import GazetteCore

/// Applies `action` to `state` and returns the side effects for the run loop to perform.
///
/// Pure: no terminal, no clock, no I/O. Actions that make no sense in the current state
/// (a prompt edit with no prompt open, a move in an empty list) change nothing.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .quit: return [.quit]
    case .suspend: return [.suspend]
    case .redraw: return [.redrawAll]
    case .reload:
        state.reloadRequested = true
        state.message = "Reloading…"
        return [.reload]
    case .textIndexReady:
        state.runPendingQuery()
        state.recountViews()
        state.recountSidebar()
        state.syncLayout()
        return []
    case .resize(let width, let height):
        state.resize(width: width, height: height)
        state.syncLayout()
        return []
    case .reloaded(let archive):
        guard let archive else {
            state.message = state.reloadRequested ? "No changes in the data directories" : state.message
            state.reloadRequested = false
            return []
        }
        let changes = archive.store.changes(since: state.store)
        state.replaceStore(archive.store, report: archive.report, overlay: archive.overlay)
        if !archive.quiet || changes.added + changes.removed > 0 {
            state.message = ReloadedArchive.message(added: changes.added, removed: changes.removed)
        }
        state.reloadRequested = false
        return []
    case .stateChanged(let update):
        state.stateChanged(update)
        state.syncLayout()
        return []
    case .stateNotice(let reason):
        state.message = reason
        return []
    default:
        break
    }
    state.message = nil
    var effects: [Effect] = []
    if state.prompt != nil {
        effects = state.reducePrompt(action)
    } else if state.helpOffset != nil {
        effects = state.reduceHelp(action)
    } else if state.warningsOffset != nil {
        effects = state.reduceWarnings(action)
    } else {
        effects = state.reduceBrowsing(action)
    }
    state.syncLayout()
    return effects
}

extension AppState {
    /// Keys while the `/` prompt is open: typing filters live.
    mutating func reducePrompt(_ action: Action) -> [Effect] {
        guard var prompt else { return [] }
        guard prompt.kind == .query else { return reduceStatePrompt(action) }
        switch action {
        case .promptSubmit:
            if let error = apply(typed: prompt.text) {
                // Said in the prompt line itself: the prompt covers the status bar.
                prompt.error = error.description + " (fix it, or Esc to cancel)"
                self.prompt = prompt
                return []
            }
            keep(prompt.text)
            self.prompt = nil
            return []
        case .promptCancel:
            apply(typed: prompt.previous)
            self.prompt = nil
            return []
        default:
            guard prompt.edit(action) else { return [] }
        }
        // Live: a good query replaces the result; a bad one keeps the last good result and says why.
        prompt.error = apply(typed: prompt.text)?.description
        self.prompt = prompt
        return []
    }

    /// Keys while the help overlay is open.
    mutating func reduceHelp(_ action: Action) -> [Effect] {
        guard let offset = helpOffset else { return [] }
        let page = max(1, min(overlayArea.height, Self.helpLineCount + 2) - 3)
        let maxOffset = helpMaxOffset
        switch action {
        case .toggleHelp, .closeOrQuit, .promptCancel: helpOffset = nil
        default: helpOffset = Self.scroll(offset, action, page: page, max: maxOffset)
        }
        return []
    }

    /// Keys while the warnings overlay is open.
    mutating func reduceWarnings(_ action: Action) -> [Effect] {
        guard let offset = warningsOffset else { return [] }
        let page = max(1, WarningsOverlayView.box(lines: warningLines, in: overlayArea).height - 3)
        let maxOffset = WarningsOverlayView.maxOffset(lines: warningLines.count, in: overlayArea)
        switch action {
        case .toggleWarnings, .closeOrQuit, .promptCancel: warningsOffset = nil
        default: warningsOffset = Self.scroll(offset, action, page: page, max: maxOffset)
        }
        return []
    }

    /// An overlay's first line after a movement action.
    static func scroll(_ offset: Int, _ action: Action, page: Int, max maxOffset: Int) -> Int {
        let target: Int
        switch action {
        case .moveDown: target = offset + 1
        case .moveUp: target = offset - 1
        case .pageDown, .pageDownOrNextArticle: target = offset + page
        case .pageUp: target = offset - page
        case .halfPageDown: target = offset + max(1, page / 2)
        case .halfPageUp: target = offset - max(1, page / 2)
        case .moveToTop: target = 0
        case .moveToBottom: target = maxOffset
        default: target = offset
        }
        return min(max(0, target), maxOffset)
    }

    /// Keys in the panes.
    mutating func reduceBrowsing(_ action: Action) -> [Effect] {
        if let effects = reduceStateKey(action) { return effects }
        switch action {
        case .closeOrQuit:
            if options.zoomed {
                options.zoomed = false
                return []
            }
            return [.quit]
        case .toggleHelp:
            helpOffset = 0
        case .toggleWarnings:
            if warningLines.isEmpty {
                message = "No warnings while loading"
            } else {
                warningsOffset = 0
            }
        case .startQuery:
            prompt = Prompt(text: keptQuery, previous: keptQuery, error: nil)
        case .clearFilters:
            let hadFilters = !marks.isEmpty || !appliedQuery.isEmpty
            clearFilters()
            message = hadFilters ? "Filters cleared" : "No filters to clear"
        case .cycleSort:
            let all = SortOrder.allCases
            sortChoice = all[((all.firstIndex(of: sort) ?? 0) + 1) % all.count]
            reapply()
            message = "Sorted by \(sort.rawValue)"
        case .toggleArrangement:
            options.arrangement = options.arrangement == .stacked ? .sideBySide : .stacked
        case .toggleZoom:
            options.zoomed.toggle()
        case .toggleThreaded:
            threaded.toggle()
            reapply()
            message = threaded ? "Threaded: replies under their parents (T: flat)" : "Flat list (T: threaded)"
        case .openParent:
            guard let article = reader.article else { break }
            guard let parent = store.parent(of: article) else {
                message = "Not a reply to an article in the archive"
                break
            }
            open(parent)
        case .openReply(let number):
            guard let article = reader.article else { break }
            let replies = store.replies(to: article)
            guard number >= 1, number <= replies.count else {
                message = replies.isEmpty ? "No replies to this article" : "Only \(replies.count) repl\(replies.count == 1 ? "y" : "ies")"
                break
            }
            open(replies[number - 1])
        case .toggleHeaders:
            showsAllHeaders.toggle()
            message = showsAllHeaders ? "Showing all headers (H: only those worth reading)" : "Showing headers worth reading (H: all)"

        case .toggleSidebar:
            options.sidebarShown.toggle()
            if !options.sidebarShown, options.focus == .sidebar { options.focus = .list }
            if width < ScreenLayout.narrowWidth {
                // The choice still counts once the terminal is wider; say why nothing moved now.
                message = "Sidebar needs \(ScreenLayout.narrowWidth)+ columns ("
                    + (options.sidebarShown ? "shown when wider)" : "hidden when wider)")
            }
        case .focusNext, .focusPrevious, .focusLeft, .focusRight:
            moveFocus(action)
        case .previousArticle:
            stepArticle(by: -1)
            if options.focus == .reader { return markOpenedRead() }
        case .nextArticle:
            stepArticle(by: 1)
            if options.focus == .reader { return markOpenedRead() }
        case .openArticle:
            if selectedArticle != nil {
                options.focus = .reader
                return markOpenedRead()
            }
        case .pageDownOrNextArticle:
            if options.focus == .reader, !reader.viewport.isAtEnd {
                reader.viewport.pageDown()
            } else {
                stepArticle(by: 1)
                if options.focus == .reader { return markOpenedRead() }
            }
        case .nextHit, .previousHit:
            jumpToHit(forward: action == .nextHit)
        case .toggleInclude, .toggleExclude:
            guard let item = sidebar.current else { break }
            if let choice = item.view {
                selectView(choice)
                break
            }
            let mark: FacetMark = action == .toggleInclude ? .included : .excluded
            setMarks { $0.toggle(item.kind, item.value, mark) }
        case .moveDown, .moveUp, .moveToTop, .moveToBottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            move(action)
        default:
            break
        }
        return []
    }

    /// Tab/Shift-Tab wrap around; h/l and the arrows stop at the edges.
    private mutating func moveFocus(_ action: Action) {
        let panes = cyclePanes
        let current = panes.firstIndex(of: options.focus) ?? 0
        switch action {
        case .focusNext: options.focus = panes[(current + 1) % panes.count]
        case .focusPrevious: options.focus = panes[(current + panes.count - 1) % panes.count]
        case .focusLeft: options.focus = panes[max(0, current - 1)]
        default: options.focus = panes[min(panes.count - 1, current + 1)]
        }
    }

    /// `[`/`]` and Space at the end of an article: the previous/next article in the list.
    private mutating func stepArticle(by delta: Int) {
        guard let selection = list.selection else { return }
        let target = selection + delta
        guard target >= 0, target < list.count else {
            message = delta > 0 ? "Last article" : "First article"
            return
        }
        list.select(target)
        selectionChanged()
    }

    /// `n`/`N`: the next/previous search hit in the reader.
    private mutating func jumpToHit(forward: Bool) {
        guard reader.document != nil else { return }
        guard !highlightTerms.isEmpty else {
            message = "No search words to find (use /)"
            return
        }
        message = reader.jumpToHit(forward: forward) ?? "No hits in this article"
    }

    /// Movement in the focused pane.
    private mutating func move(_ action: Action) {
        switch options.focus {
        case .list:
            switch action {
            case .moveDown: list.move(by: 1)
            case .moveUp: list.move(by: -1)
            case .moveToTop: list.home()
            case .moveToBottom: list.end()
            case .pageDown: list.pageDown()
            case .pageUp: list.pageUp()
            case .halfPageDown: list.halfPageDown()
            default: list.halfPageUp()
            }
            selectionChanged()
        case .reader:
            switch action {
            case .moveDown: reader.viewport.scroll(by: 1)
            case .moveUp: reader.viewport.scroll(by: -1)
            case .moveToTop: reader.viewport.home()
            case .moveToBottom: reader.viewport.end()
            case .pageDown: reader.viewport.pageDown()
            case .pageUp: reader.viewport.pageUp()
            case .halfPageDown: reader.viewport.halfPageDown()
            default: reader.viewport.halfPageUp()
            }
        case .sidebar:
            switch action {
            case .moveDown: sidebar.move(by: 1)
            case .moveUp: sidebar.move(by: -1)
            case .moveToTop: sidebar.select(0)
            case .moveToBottom: sidebar.select(sidebar.items.count - 1)
            case .pageDown: sidebar.move(by: sidebar.pageSize)
            case .pageUp: sidebar.move(by: -sidebar.pageSize)
            case .halfPageDown: sidebar.move(by: max(1, sidebar.pageSize / 2))
            default: sidebar.move(by: -max(1, sidebar.pageSize / 2))
            }
        }
    }
}
