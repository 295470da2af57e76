import GazetteCore

/// A view the sidebar's Views section offers (All is no view at all).
public enum ViewChoice: Sendable, Hashable {
    case unread, starred
    case saved(String)

    /// The entry's text in the sidebar.
    public var title: String {
        switch self {
        case .unread: "Unread"
        case .starred: "Starred"
        case .saved(let name): name
        }
    }
}

/// A change `u` can undo: what to say, and the edits that restore the state before it.
public struct UndoEntry: Sendable, Equatable {
    public var label: String
    public var inverse: [StateEdit]
}

/// What the bottom-line prompt is asking for.
public enum PromptKind: Sendable, Equatable {
    /// `/`: the query (filters as you type).
    case query
    /// `t`: `+tag -tag` for the article at this store index.
    case tags(article: Int)
    /// `S`: a name to save the current filter under.
    case viewName
    /// `r` on a saved view in the sidebar: its new name.
    case renameView(String)
    /// `M`: mark this many articles read? (y/n)
    case confirmMarkRead(count: Int)
    /// `d` on a saved view: delete it? (y/n)
    case confirmDeleteView(String)
    /// `|`: the shell command to pipe store article `article` to.
    case pipe(article: Int)
    /// `:`: a command.
    case command

    /// Shown before what is typed.
    public var label: String {
        switch self {
        case .query: "/"
        case .tags: "Tags (+tag -tag, Tab completes): "
        case .viewName: "Save view as: "
        case .renameView(let name): "Rename view '\(name)' to: "
        case .confirmMarkRead(let count): "Mark \(count) \(count == 1 ? "article" : "articles") read? (y/n) "
        case .confirmDeleteView(let name): "Delete view '\(name)'? (y/n) "
        case .pipe: "Pipe to (sh -c; Tab completes [pipe] names): "
        case .command: ":"
        }
    }

    /// A yes/no question: one key answers it.
    var isConfirmation: Bool {
        switch self {
        case .confirmMarkRead, .confirmDeleteView: true
        default: false
        }
    }
}
