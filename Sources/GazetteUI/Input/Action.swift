/// A named operation: what a key means in a context. The reducer handles actions, never keys.
public enum Action: Sendable, Hashable {
    // Movement in the focused pane.
    case moveDown, moveUp, moveToTop, moveToBottom
    case pageDown, pageUp, halfPageDown, halfPageUp
    // Focus.
    case focusNext, focusPrevious, focusLeft, focusRight
    // Articles.
    /// Enter on an article: open it in the reader and focus the reader.
    case openArticle
    /// Space in the reader: page down, or at the end go to the next article.
    case pageDownOrNextArticle
    case previousArticle, nextArticle
    // Sidebar.
    /// Include the entry under the cursor (again: remove the mark).
    case toggleInclude
    /// Exclude the entry under the cursor (again: remove the mark).
    case toggleExclude
    // Query and search.
    case startQuery, nextHit, previousHit, clearFilters, cycleSort
    /// `:`: the command line (any action by name, and commands with arguments).
    case startCommand
    // Reader state.
    /// `m`: read ↔ unread.
    case toggleRead
    /// `M`: mark every article in the view read (asks first, saying how many).
    case markAllRead
    /// `*`: star / unstar.
    case toggleStar
    /// `t`: the tag prompt (`+tag -tag`).
    case editTags
    /// `u`: undo the last state change.
    case undo
    /// `S`: save the current filter as a view.
    case saveView
    /// Sidebar, on a saved view: rename / delete it.
    case renameView, deleteView
    /// The run loop committed a change, or read another process's: the new state.
    case stateChanged(StateUpdate)
    /// A word from the run loop about reader state: a change not saved, a long change under way.
    case stateNotice(String)
    // Prompt editing.
    case promptInsert(Character)
    case promptDeleteBackward, promptDeleteWord, promptClear, promptSubmit, promptCancel
    /// Tab in the tag prompt: complete the tag being typed.
    case promptComplete
    // Screen.
    case toggleHelp, toggleArrangement, toggleZoom, toggleSidebar
    /// `H`: every header in the reader, or only those worth reading.
    case toggleHeaders
    /// `T`: the list threaded (replies indented under their parents) or flat.
    case toggleThreaded
    /// `p`: open the article the shown one replies to.
    case openParent
    /// `1`–`9`: open the shown article's reply number N (1-based).
    case openReply(Int)
    /// `0`–`9`: a count for the next key (`3o` opens link 3, `2` Enter opens entry 2).
    case countDigit(Int)
    /// Enter in the reader: with a count N, open reply N, or the "More like this" entry numbered N.
    case openNumbered
    /// `o`: open the article's link in the browser; with a count N, link [N].
    case openLink
    /// `y`: copy the article's link to the clipboard (OSC 52); with a count N, link [N].
    case copyLink
    /// `|`: ask for a shell command and pipe the article to it.
    case pipeArticle
    /// `e`: edit the article's source file in `$EDITOR`.
    case editSource
    /// A click, drag or wheel turn (the mouse is not bound through the key map).
    case mouse(MouseEvent)
    /// `w`: the list of problems found while loading (`path:line: reason`).
    case toggleWarnings
    /// `q`: close the overlay, zoom or prompt; otherwise quit.
    case closeOrQuit
    /// Ctrl-C: quit from anywhere.
    case quit
    case redraw, suspend
    /// The store's full-text index finished building: run the query that was waiting for it.
    case textIndexReady
    /// A waiting word query answered by reading the articles (`AppState.readingRequest`).
    case answeredByReading(ReadingAnswer)
    /// "More like this" found in the background for `AppState.relatedRequest`.
    case relatedFound(FoundRelated)
    /// `R`: read the data directories again now (they are also watched).
    case reload
    /// A reload finished: the new archive, or nil when nothing had changed.
    case reloaded(ReloadedArchive?)
    /// `F`: fetch every subscription in the background (new articles arrive by live reload).
    case fetchAll
    /// The background fetch's progress: feeds done of the total.
    case fetchProgress(done: Int, total: Int)
    /// The background fetch ended.
    case fetchFinished(FetchReport)
    /// A word from the run loop about fetching (one is already running).
    case fetchNotice(String)
    case resize(width: Int, height: Int)
}

extension Action {
    /// Actions listed as one help entry: every `openReply(n)` is "open reply N", every digit "count".
    var helpGroup: Action {
        if case .openReply = self { return .openReply(0) }
        if case .countDigit = self { return .countDigit(0) }
        return self
    }
}
