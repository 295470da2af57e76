import GazetteCore

/// Draws the whole browser for `state`: panes, status bar, prompt and overlays.
///
/// Reads only what is on screen: visible list rows, the sidebar window, the reader's
/// cached layout. Nothing here is proportional to the number of articles.
public func render(_ state: AppState) -> Canvas {
    let layout = state.layout
    let store = state.store
    let result = state.result
    let focus = state.options.focus
    let highlighter = AppState.highlighter(state.highlightTerms)
    let emptyList = store.count == 0 ? "No articles found. Gazette reads \(ArticleFileName.kinds) (--data picks the directories)." : "No articles match. c clears filters."
    let list = ArticleListView(
        count: result.count,
        row: { position in
            let index = state.listArticle(at: position)
            let article = store.articles[index]
            let byAuthor = state.sort == .author
            let marks = state.overlay.map { ArticleListRow.ReadMarks(unread: !$0.isRead(index), starred: $0.isStarred(index)) }
            return ArticleListRow(date: article.date?.isoDay, title: article.title,
                                  tags: byAuthor ? [] : store.tagDisplayNames(ofArticle: index, overlay: state.overlay),
                                  author: article.author, state: marks, depth: state.listDepth(at: position))
        },
        viewport: state.list, focused: focus == .list, highlighter: highlighter, emptyMessage: emptyList,
        showsAuthor: state.sort == .author)
    let reader = ReaderView(
        document: state.reader.document, offset: state.reader.viewport.offset, focused: focus == .reader,
        emptyMessage: result.count == 0 ? "Nothing to read." : "No article selected.")
    let sidebar = SidebarView(window: state.sidebar.window(), cursor: state.sidebar.cursor, focused: focus == .sidebar)
    let status = StatusBarView.Status(
        shown: result.count, total: store.count, unread: state.overlay != nil ? state.unreadInResult : nil,
        query: state.activeQueryText, sort: state.sort,
        warnings: state.warnings.count,
        message: state.waitingMessage ?? state.message ?? state.fetching?.text,
        hint: state.overlayWarningLines.isEmpty ? "? help"
            : (state.warnings.isEmpty && state.configWarnings.isEmpty && state.lastFetch?.overlayLines.isEmpty != false
                ? "? help · w duplicates" : "? help · w warnings"))
    let prompt = state.prompt.map { StatusBarView.Prompt(text: $0.text, error: $0.error, label: $0.kind.label) }
    let overlay = state.overlayContent.map { ListOverlayView(content: $0, offset: state.listOverlay?.viewport.offset ?? 0) }
    return ScreenView(layout: layout, sidebar: sidebar, list: list, reader: reader, status: status, prompt: prompt, overlay: overlay).render()
}
