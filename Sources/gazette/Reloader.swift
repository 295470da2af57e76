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
    private let state = LockedValue((scheduled: false, again: false, byUser: false, initial: false))
    /// The warnings of the last load posted: a file that can no longer be read (a broken link,
    /// permissions) changes them without changing any article, and the UI's `w` must follow.
    private let postedWarnings = LockedValue<[LoadWarning]?>(nil)

    /// `warnings`: those of the load the UI shows now.
    init(directories: [String], snapshotPath: String?, mailbox: RunLoopMailbox, warnings: [LoadWarning]? = nil) {
        postedWarnings.set(warnings)
        self.directories = directories
        self.snapshotPath = snapshotPath
        self.mailbox = mailbox
    }

    /// `initial`: the check after a start from the snapshot; its result is always posted (quietly
    /// when nothing changed), since it brings the walk's warnings and a fully verified store.
    func request(byUser: Bool, initial: Bool = false) {
        let start = state.update { state -> Bool in
            state.byUser = state.byUser || byUser
            state.initial = state.initial || initial
            if state.scheduled { state.again = true; return false }
            state.scheduled = true
            return true
        }
        if start { queue.async { self.run() } }
    }

    private func run() {
        while true {
            let (byUser, initial) = state.update { state -> (Bool, Bool) in
                defer { state.byUser = false; state.again = false; state.initial = false }
                return (state.byUser, state.initial)
            }
            if let load = try? CachedLoader.load(directories: directories, snapshotPath: snapshotPath) {
                var report = load.report
                report.warnings += load.notes.map(\.warning)
                let warningsChanged = postedWarnings.value.map { Set($0) != Set(report.warnings) } ?? false
                if load.kind == .warm && (initial || warningsChanged) {
                    postedWarnings.set(report.warnings)
                    mailbox.post(.reloaded(ReloadedArchive(store: load.store, report: report, quiet: true)))
                } else if load.kind == .warm {
                    postedWarnings.set(report.warnings)
                    if byUser { mailbox.post(.reloaded(nil)) }
                } else {
                    postedWarnings.set(report.warnings)
                    mailbox.post(.reloaded(ReloadedArchive(store: load.store, report: report, quiet: initial)))
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
