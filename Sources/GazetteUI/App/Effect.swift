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
}
