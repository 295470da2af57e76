import GazetteCore

/// Reader state in the browser: the keys that change it, views, and updates from the run loop.
extension AppState {
    /// The query of the selected view, if any (a saved view whose query no longer parses: none).
    var activeViewQuery: Query? {
        switch activeView {
        case nil: nil
        case .unread: try? Query.parse("is:unread")
        case .starred: try? Query.parse("is:starred")
        case .saved(let name): allViews.first { $0.name == name }.flatMap { try? Query.parse($0.query) }
        }
    }

    /// Views saved from the UI, then those of the config file's `[views]` (a name saved from
    /// the UI wins: it is the newer choice).
    var allViews: [SavedView] {
        savedViews + settings.views.filter { view in !savedViews.contains { $0.name == view.name } }
    }

    /// The Views section's entries (none when the browser has no reader state).
    var viewItems: [SidebarState.ViewItem] {
        guard overlay != nil else { return [] }
        let choices: [ViewChoice?] = [nil, .unread, .starred] + allViews.map { .saved($0.name) }
        return choices.enumerated().map { position, choice in
            SidebarState.ViewItem(choice: choice, count: position < viewCounts.count ? viewCounts[position] : 0, active: choice == activeView)
        }
    }

    /// Counts the Views section's entries over the whole store (after a state or view change).
    mutating func recountViews() {
        guard let overlay else { return viewCounts = [] }
        var counts = [store.count, store.count - overlay.cardinality(.read), overlay.cardinality(.starred)]
        for view in allViews {
            // A view with words waits for the full-text index (recounted when it is ready).
            guard let query = try? Query.parse(view.query), !Self.waitsForIndex(query, indexReady: store.isTextIndexReady) else {
                counts.append(0)
                continue
            }
            counts.append(store.evaluate(query, sort: .date, overlay: overlay).count)
        }
        viewCounts = counts
    }

    /// A new overlay or view list: the list keeps its articles (an article just read stays in an
    /// Unread view until the filter changes); the counts, markers and Views are refreshed.
    mutating func stateChanged(_ update: StateUpdate) {
        overlay = update.overlay
        savedViews = update.views
        var viewGone = false
        if case .saved(let name) = activeView, !allViews.contains(where: { $0.name == name }) {
            activeView = nil
            viewGone = true
        }
        if let change = update.change {
            if change.undoable, let label = change.label, !update.inverse.isEmpty {
                undoStack.append(UndoEntry(label: label, inverse: update.inverse))
                if undoStack.count > 100 { undoStack.removeFirst() }
            }
            if let label = change.label { message = update.inverse.isEmpty ? "\(label) (no change)" : label }
        }
        if let text = update.message { message = text }
        recountViews()
        if viewGone {
            // The selected view was deleted: the list shows what is left of the filter at once,
            // not the view's articles until the next change.
            reapply()
            return
        }
        let tagsChanged = update.change.map { change in change.edits.contains { if case .tag = $0 { true } else { false } } } ?? true
        refreshCounts(tagsChanged: tagsChanged)
    }

    // MARK: - Keys

    /// The article under the cursor (list or reader), if any.
    private var currentArticle: Int? { selectedArticle }

    /// `m`, `*`, `M`, `t`, `u`, `S` and the sidebar's view keys; nil when the action is not one of them.
    mutating func reduceStateKey(_ action: Action) -> [Effect]? {
        switch action {
        case .toggleRead, .toggleStar, .markAllRead, .editTags, .undo:
            guard let overlay else {
                message = "Reader state is off"
                return []
            }
            return stateKey(action, overlay: overlay)
        case .saveView:
            guard overlay != nil else {
                message = "Reader state is off"
                return []
            }
            let query = activeQueryText
            guard !query.isEmpty else {
                message = "Nothing to save: filter first (/ or the sidebar)"
                return []
            }
            prompt = Prompt(text: "", previous: keptQuery, error: nil, kind: .viewName)
            return []
        case .renameView, .deleteView:
            guard let item = sidebar.current, case .saved(let name)?? = item.view else {
                message = "Only saved views can be renamed or deleted"
                return []
            }
            guard savedViews.contains(where: { $0.name == name }) else {
                message = "'\(name)' is defined in the config file: change it there"
                return []
            }
            let kind: PromptKind = action == .renameView ? .renameView(name) : .confirmDeleteView(name)
            prompt = Prompt(text: action == .renameView ? name : "", previous: keptQuery, error: nil, kind: kind)
            return []
        default:
            return nil
        }
    }

    private mutating func stateKey(_ action: Action, overlay: ReaderOverlay) -> [Effect] {
        switch action {
        case .undo:
            guard let entry = undoStack.popLast() else {
                message = "Nothing to undo"
                return []
            }
            return [.changeState(StateChange(edits: entry.inverse, label: "Undone: \(entry.label)", undoable: false))]
        case .markAllRead:
            let unread = unreadInResult
            guard unread > 0 else {
                message = "Every article in the view is read"
                return []
            }
            prompt = Prompt(text: "", previous: keptQuery, error: nil, kind: .confirmMarkRead(count: unread))
            return []
        default:
            break
        }
        guard let index = currentArticle else {
            message = "No article selected"
            return []
        }
        let id = store.articles[index].id.description
        switch action {
        case .toggleRead:
            let read = !overlay.isRead(index)
            return [.changeState(StateChange(edits: [.read(id: id, value: read)], label: read ? "Marked read" : "Marked unread"))]
        case .toggleStar:
            let starred = !overlay.isStarred(index)
            return [.changeState(StateChange(edits: [.starred(id: id, value: starred)], label: starred ? "Starred" : "Unstarred"))]
        default:
            prompt = Prompt(text: "", previous: keptQuery, error: nil, kind: .tags(article: index))
            return []
        }
    }

    /// Opening an article (Enter, or moving to another one in the reader) marks it read.
    mutating func markOpenedRead() -> [Effect] {
        guard let overlay, let index = currentArticle, !overlay.isRead(index) else { return [] }
        return [.changeState(StateChange(edits: [.read(id: store.articles[index].id.description, value: true)], label: nil, undoable: false))]
    }

    /// Selects the view named `name` (`--view NAME`): a saved view, or Unread / Starred; false when there is none.
    public mutating func openView(named name: String) -> Bool {
        let choice: ViewChoice
        if allViews.contains(where: { $0.name == name }) {
            choice = .saved(name)
        } else if name.lowercased() == "unread" {
            choice = .unread
        } else if name.lowercased() == "starred" {
            choice = .starred
        } else {
            return false
        }
        activeView = choice
        reapply()
        syncLayout()
        return true
    }

    /// Enter (or Space) on a Views entry: select it; again: back to All.
    mutating func selectView(_ choice: ViewChoice?) {
        activeView = (choice == activeView) ? nil : choice
        reapply()
    }
}
