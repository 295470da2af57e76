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
    case .answeredByReading(let answer):
        state.answeredByReading(answer)
        state.syncLayout()
        return []
    case .relatedFound(let found):
        state.relatedFound(found)
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
        // What the files said, not the snapshot's own notes: a snapshot ignored and rebuilt at a
        // first start is no news when the rebuilt one takes over.
        func fileWarnings() -> Set<LoadWarning> { Set(state.warnings.filter { !$0.isSnapshotNote }) }
        let warningsBefore = fileWarnings()
        state.replaceStore(archive.store, report: archive.report, overlay: archive.overlay)
        let warningsAfter = fileWarnings()
        // While fetching, the progress speaks, then the fetch's own summary (which counts the
        // same new articles); a reload does not talk over either.
        let fetchSpeaks = state.fetching != nil || (state.lastFetch != nil && state.message == state.lastFetch?.summary)
        let edited = min(archive.edited, changes.added, changes.removed)
        if !fetchSpeaks, !archive.quiet || changes.added + changes.removed > 0 {
            state.message = ReloadedArchive.message(added: changes.added - edited, removed: changes.removed - edited, changed: edited)
        } else if !fetchSpeaks, state.reloadRequested, warningsAfter == warningsBefore {
            // `R` met a quiet swap (the snapshot just written taking the place of the first
            // store): it found the same articles, which is what `R` reports.
            state.message = "No changes in the data directories"
        } else if !fetchSpeaks, warningsAfter != warningsBefore {
            // No article came or went, but a file became unreadable (or readable again).
            state.message = warningsAfter.count > warningsBefore.count
                ? "A file could not be read (w lists the warnings)" : "Load warnings changed (w lists them)"
        }
        state.reloadRequested = false
        return []
    case .stateChanged(let update):
        state.stateChanged(update)
        state.syncLayout()
        return []
    case .stateNotice(let reason), .fetchNotice(let reason):
        state.message = reason
        return []
    case .fetchProgress(let done, let total):
        state.fetching = FetchActivity(done: done, total: total)
        return []
    case .fetchFinished(let report):
        state.fetching = nil
        state.lastFetch = report
        state.message = report.summary
        return []
    default:
        break
    }
    state.message = nil
    var effects: [Effect] = []
    if case .mouse(let event) = action {
        effects = state.reduceMouse(event)
    } else if state.prompt != nil {
        effects = state.reducePrompt(action)
    } else if state.listOverlay != nil {
        effects = state.reduceOverlay(action)
    } else {
        effects = state.reduceBrowsing(action)
    }
    // A count is for the very next key (`3o`); anything else drops it.
    if case .countDigit = action {} else if case .mouse(let event) = action, event.kind != .press {} else { state.pendingCount = nil }
    state.syncLayout()
    return effects
}

extension AppState {
    /// Keys while the `/` prompt is open: typing filters live.
    mutating func reducePrompt(_ action: Action) -> [Effect] {
        guard var prompt else { return [] }
        if prompt.kind == .command { return reduceCommandPrompt(action) }
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

    /// Keys while a list overlay (help, warnings) is open: its own toggle, `q` and Esc close it;
    /// movement scrolls it.
    mutating func reduceOverlay(_ action: Action) -> [Effect] {
        guard var open = listOverlay else { return [] }
        switch action {
        case .closeOrQuit, .promptCancel:
            listOverlay = nil
        case .toggleHelp where open.kind == .help, .toggleWarnings where open.kind == .warnings:
            listOverlay = nil
        case .pageDownOrNextArticle:
            open.apply(.pageDown)
            listOverlay = open
        default:
            guard let movement = Movement(action) else { break }
            open.apply(movement)
            listOverlay = open
        }
        return []
    }

    /// Keys in the panes.
    mutating func reduceBrowsing(_ action: Action) -> [Effect] {
        if let effects = reduceStateKey(action) { return effects }
        if let effects = reduceInteraction(action) { return effects }
        switch action {
        case .closeOrQuit:
            if options.zoomed {
                options.zoomed = false
                return []
            }
            return [.quit]
        case .toggleHelp:
            listOverlay = ListOverlay(.help)
        case .fetchAll:
            guard fetching == nil else {
                message = "A fetch is already running"
                return []
            }
            fetching = FetchActivity(done: 0, total: 0)
            return [.fetch]
        case .toggleWarnings:
            if overlayWarningLines.isEmpty {
                message = "No warnings while loading"
            } else {
                listOverlay = ListOverlay(.warnings)
            }
        case .startQuery:
            prompt = Prompt(text: keptQuery, previous: keptQuery, error: nil)
        case .startCommand:
            prompt = Prompt(text: "", previous: keptQuery, error: nil, kind: .command)
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
        default:
            if let movement = Movement(action) { move(movement) }
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

    /// Movement in the focused pane; what a line or a page means is the pane's own.
    private mutating func move(_ movement: Movement) {
        switch options.focus {
        case .list:
            list.apply(movement)
            selectionChanged()
        case .reader: reader.viewport.apply(movement)
        case .sidebar: sidebar.apply(movement)
        }
    }
}
