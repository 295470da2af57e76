import GazetteCore

/// A side effect the reducer asks the run loop to perform; the reducer itself stays pure.
public enum Effect: Sendable, Hashable {
    /// Leave curses mode and exit with status 0.
    case quit
    /// Ctrl-Z: stop the process; repaint when continued.
    case suspend
    /// Ctrl-L: clear the terminal and repaint everything.
    case redrawAll
    /// Read the data directories again in the background; `.reloaded` reports back.
    case reload
    /// `F`: fetch every subscription in the background; `.fetchProgress` and `.fetchFinished` report back.
    case fetch
    /// Commit a change to the reader's state, then report it with `.stateChanged` (or `.stateFailed`).
    case changeState(StateChange)
    /// Save, rename or delete a view, then report with `.stateChanged`.
    case saveView(SavedView)
    case renameView(from: String, to: String)
    case deleteView(String)
    /// Open `url` in the browser, detached; a failure comes back as `.stateNotice`.
    case openURL(String)
    /// Put `text` on the clipboard with OSC 52.
    case copyToClipboard(String)
    /// Suspend the screen and pipe store article `article` (as `gazette show` prints it) to `sh -c command`.
    case pipe(command: String, article: Int)
    /// Suspend the screen and edit `path` at `line` in `$EDITOR`; then read the data again.
    case edit(path: String, line: Int)
    /// `:theme NAME`: draw with this theme from now on.
    case applyTheme(Theme)
}

/// A change to the reader's state as the reducer asks for it.
public struct StateChange: Sendable, Hashable {
    public var edits: [StateEdit]
    /// Said in the status bar once committed (`Starred`); nil says nothing.
    public var label: String?
    /// Whether `u` can undo it (opening an article marks it read without taking the undo slot).
    public var undoable: Bool

    public init(edits: [StateEdit], label: String?, undoable: Bool = true) {
        self.edits = edits
        self.label = label
        self.undoable = undoable
    }
}

/// The reader's state after a commit or another process's change, handed to the reducer.
public struct StateUpdate: Sendable, Hashable {
    public var overlay: ReaderOverlay
    public var views: [SavedView]
    /// The change this process committed and its inverse, when it was one of ours.
    public var change: StateChange?
    public var inverse: [StateEdit]
    /// Bumped by the run loop per update; stands in for the overlay in equality.
    public var generation: Int
    /// Said in the status bar (a view saved, renamed or deleted).
    public var message: String?

    public init(overlay: ReaderOverlay, views: [SavedView], change: StateChange? = nil, inverse: [StateEdit] = [],
                generation: Int, message: String? = nil) {
        self.overlay = overlay
        self.views = views
        self.change = change
        self.inverse = inverse
        self.generation = generation
        self.message = message
    }

    public static func == (lhs: StateUpdate, rhs: StateUpdate) -> Bool {
        lhs.generation == rhs.generation && lhs.change == rhs.change && lhs.message == rhs.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(generation)
    }
}
