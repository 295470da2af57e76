import GazetteCore
import GazetteState
import GazetteUI

/// Performs the reducer's reader-state effects against the state store and reports back as
/// actions; also brings in other processes' changes. Run-loop wiring only.
struct StateEffects {
    let session: ReaderStateSession
    private var generation = 0

    init(session: ReaderStateSession) {
        self.session = session
    }

    private mutating func update(change: StateChange? = nil, inverse: [StateEdit] = [], message: String? = nil) -> StateUpdate {
        generation += 1
        return StateUpdate(overlay: session.overlay, views: session.views, change: change, inverse: inverse,
                           generation: generation, message: message)
    }

    /// Commits `effect` (synchronously: it is on disk before the screen says it is done).
    mutating func perform(_ effect: Effect, on state: inout AppState) {
        do {
            switch effect {
            case .changeState(let change):
                let commit = try session.apply(change.edits)
                _ = reduce(&state, .stateChanged(update(change: change, inverse: commit.inverse)))
            case .saveView(let view):
                try session.saveView(view)
                _ = reduce(&state, .stateChanged(update(message: "Saved view '\(view.name)': \(view.query)")))
            case .renameView(let old, let new):
                let renamed = try session.renameView(old, to: new)
                _ = reduce(&state, .stateChanged(update(message: renamed ? "Renamed view '\(old)' to '\(new)'" : "A view named '\(new)' exists already")))
            case .deleteView(let name):
                let removed = try session.removeView(named: name)
                _ = reduce(&state, .stateChanged(update(message: removed ? "Deleted view '\(name)'" : "No view named '\(name)'")))
            default:
                return
            }
        } catch {
            _ = reduce(&state, .stateNotice("Not saved: \(error)"))
        }
    }

    /// Reads other processes' changes, if any; true when the state changed.
    mutating func refresh(_ state: inout AppState) -> Bool {
        guard session.database.isSaved, session.refreshIfChanged() else { return false }
        _ = reduce(&state, .stateChanged(update()))
        return true
    }
}
