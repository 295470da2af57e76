import Foundation

/// Says "the data directories are exactly as this snapshot records them" only when it can prove it:
/// it compared the tree with the snapshot (the CLI's own check, plus `WarmCheck`'s watcher rules)
/// after its `DirectoryWatcher` had every directory watched, and the watcher has seen no event
/// at all since, and the snapshot file is still the one compared.
///
/// The order is what makes it exact: watches first, then the walk, so a change during or after
/// the walk is an event; a change before it is seen by the walk. A new directory, a lost watch
/// or an overflowed queue leaves the watcher incomplete until it has walked its watches again.
public final class WatchVouch: Sendable {
    private let directories: [String]
    private let snapshotPath: String
    private let watching: @Sendable () -> DirectoryWatcher.Watching
    private let refresh: (@Sendable () -> Void)?
    private let queue = DispatchQueue(label: "gazette-vouch", qos: .utility)

    private struct Check: Sendable, Equatable {
        var identity: [UInt64]
        var generation: UInt64
    }

    /// The last comparison that passed, and the last one that failed (not repeated until
    /// something moves: an unverifiable tree would otherwise cost a walk per question).
    private let state = LockedValue((passed: Check?.none, failed: Check?.none, scheduled: false, again: false, refresh: false))

    /// `refresh`, when given, runs before a comparison after files changed: `gazette watch`
    /// rewrites the snapshot there, so the CLI stays fast after an edit.
    public init(directories: [String], snapshotPath: String, refresh: (@Sendable () -> Void)? = nil,
                watching: @escaping @Sendable () -> DirectoryWatcher.Watching) {
        self.directories = directories
        self.snapshotPath = snapshotPath
        self.refresh = refresh
        self.watching = watching
    }

    /// The answer to a client, at this instant. Anything but a proven "clean" asks for a new comparison.
    public func answer() -> WatchProtocol.Answer {
        let now = watching()
        let identity = Self.identity(of: snapshotPath)
        let passed = state.value.passed
        if let passed, now.complete, passed == Check(identity: identity ?? [], generation: now.generation) {
            return .clean(snapshot: passed.identity)
        }
        if now.complete, let identity, state.value.failed == Check(identity: identity, generation: now.generation) { return .unknown }
        compareSoon()
        return .unknown
    }

    /// Compares the tree with the snapshot on a background queue (requests meanwhile coalesce);
    /// `afterChanges` (the watcher saw events) runs `refresh` first. A question alone never
    /// refreshes: the snapshot a command just wrote (perhaps by a newer build) is compared, not replaced.
    public func compareSoon(afterChanges: Bool = false) {
        let start = state.update { state -> Bool in
            state.refresh = state.refresh || afterChanges
            if state.scheduled { state.again = true; return false }
            state.scheduled = true
            return true
        }
        guard start else { return }
        queue.async { [self] in
            while true {
                let refreshing = state.update { state -> Bool in
                    defer { state.refresh = false }
                    return state.refresh
                }
                if refreshing { refresh?() }
                compare()
                let more = state.update { state -> Bool in
                    if state.again { state.again = false; return true }
                    state.scheduled = false
                    return false
                }
                if !more { return }
            }
        }
    }

    /// Compares now, on the caller's thread; true when it can vouch afterwards.
    @discardableResult
    public func compare() -> Bool {
        let before = watching()
        // Incomplete watches: the watcher calls again once it has walked them.
        guard before.complete else { return false }
        let snapshot: Snapshot
        do {
            // Only the file table is needed: structure checked, checksums left to the CLI (which
            // verifies the snapshot it opens itself), any build's snapshot accepted.
            snapshot = try Snapshot(mapping: SnapshotMapping(path: snapshotPath), path: snapshotPath,
                                    verifyChecksums: false, anyBuild: true)
        } catch {
            return false
        }
        guard let identity = snapshot.mapping.identity else { return false }
        let check = Check(identity: identity, generation: before.generation)
        let clean = snapshot.directories == directories
            && WarmCheck.unchanged(directories: directories, files: snapshot.files, forWatcher: true)
        state.update { state in
            if clean { state.passed = check; state.failed = nil } else { state.passed = nil; state.failed = check }
        }
        return clean
    }

    /// The identity `SnapshotMapping` would give the file at `path` now; nil when there is none.
    private static func identity(of path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return SnapshotMapping.identity(of: info)
    }
}
