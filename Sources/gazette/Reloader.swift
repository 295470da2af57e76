import Foundation
import GazetteCore
import GazetteUI

/// Reloads the data directories on a background queue, one reload at a time, when the watcher
/// or `R` asks; posts `.reloaded` to the run loop. Requests during a reload coalesce into one more.
final class Reloader: Sendable {
    private let directories: [String]
    private let snapshotPath: String?
    private let mailbox: RunLoopMailbox
    private let queue = DispatchQueue(label: "gazette-reload", qos: .userInitiated)
    /// (a reload is queued or running, another was asked for meanwhile, one was asked for by the user)
    private let state = LockedValue((scheduled: false, again: false, byUser: false))

    init(directories: [String], snapshotPath: String?, mailbox: RunLoopMailbox) {
        self.directories = directories
        self.snapshotPath = snapshotPath
        self.mailbox = mailbox
    }

    func request(byUser: Bool) {
        let start = state.update { state -> Bool in
            state.byUser = state.byUser || byUser
            if state.scheduled { state.again = true; return false }
            state.scheduled = true
            return true
        }
        if start { queue.async { self.run() } }
    }

    private func run() {
        while true {
            let byUser = state.update { state -> Bool in
                defer { state.byUser = false; state.again = false }
                return state.byUser
            }
            if let load = try? CachedLoader.load(directories: directories, snapshotPath: snapshotPath) {
                if load.kind == .warm {
                    if byUser { mailbox.post(.reloaded(nil)) }
                } else {
                    mailbox.post(.reloaded(ReloadedArchive(store: load.store, report: load.report)))
                }
                // The next reload compares against the snapshot this one writes.
                _ = load.write?.wait()
            } else if byUser {
                mailbox.post(.reloaded(nil))
            }
            let more = state.update { state -> Bool in
                if state.again { return true }
                state.scheduled = false
                return false
            }
            if !more { return }
        }
    }
}
