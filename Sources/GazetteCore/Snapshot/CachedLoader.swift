import Foundation

/// How a cached load went, for `--verbose` output, the status bar and the benchmark.
public enum CachedLoadKind: Sendable, Equatable {
    /// Every file unchanged: the store is the snapshot, used in place.
    case warm
    /// Some files changed: `reparsed` were read again, the rest taken from the snapshot.
    case refreshed(reparsed: Int, removed: Int)
    /// No usable snapshot: every file read.
    case cold
    /// The snapshot as last written, the files not yet checked (`CachedLoader.openSnapshot`).
    case snapshot
}

/// A store loaded through the snapshot cache, and the background write of the next snapshot.
public struct CachedLoad: Sendable {
    public let store: ArticleStore
    public let report: LoadReport
    public let kind: CachedLoadKind
    /// Problems with the snapshot found while loading (it was then ignored and is being rebuilt).
    public let notes: [SnapshotError]
    /// Writing the new snapshot, when one is needed; `wait()` before exiting a short-lived command.
    public let write: SnapshotWrite?
    /// Articles edited in their files since the snapshot (`ArticleStore.editedArticles`): whoever
    /// loads first after an edit moves their reader state (`ReaderStateSession`'s `edited`), since
    /// the next snapshot no longer knows their former ids.
    public var edited: [(from: ArticleID, to: ArticleID)] = []

    init(store: ArticleStore, report: LoadReport, kind: CachedLoadKind, notes: [SnapshotError], write: SnapshotWrite?,
         edited: [(from: ArticleID, to: ArticleID)] = []) {
        self.store = store
        self.report = report
        self.kind = kind
        self.notes = notes
        self.write = write
        self.edited = edited
    }
}

/// Background work whose only outcome is an optional error: writing a snapshot, verifying one.
public final class SnapshotWrite: Sendable {
    private let group = DispatchGroup()
    private let outcome = LockedValue<SnapshotError?>(nil)

    init(qos: DispatchQoS.QoSClass = .utility, _ work: @escaping @Sendable () -> SnapshotError?) {
        let outcome = outcome
        DispatchQueue.global(qos: qos).async(group: group) { outcome.set(work()) }
    }

    /// Blocks until written; the error if writing failed.
    @discardableResult
    public func wait() -> SnapshotError? {
        group.wait()
        return outcome.value
    }
}

/// Loads the data directories through a snapshot: walk and `stat` only when nothing changed.
public enum CachedLoader {
    /// Loads `directories`; `snapshotPath` nil means no cache (`--no-cache`).
    ///
    /// A file whose device, inode, size and ctime (ns) match the snapshot is taken from it unread;
    /// changed and new files are parsed, deleted ones dropped. A missing, foreign or damaged
    /// snapshot is noted and rebuilt. Any change writes a new snapshot in the background.
    ///
    /// `vouch`, given the identity of the snapshot file opened (`SnapshotMapping.identity`), says
    /// whether a watcher vouches that the directories are exactly as that snapshot records them
    /// (`WatchClient.vouch`); then the walk is skipped.
    public static func load(directories: [String], snapshotPath: String?,
                            progress: (@Sendable (LoadProgress) -> Void)? = nil,
                            vouch: (@Sendable ([UInt64]) -> Bool)? = nil) throws(LoadError) -> CachedLoad {
        guard let snapshotPath else {
            let archive = try ArchiveLoader.load(directories: directories, progress: progress)
            return CachedLoad(store: ArticleStore(articles: archive.articles, textIndexInBackground: true),
                              report: archive.report, kind: .cold, notes: [], write: nil)
        }
        var notes: [SnapshotError] = []
        var snapshot: Snapshot?
        do {
            snapshot = try Snapshot.open(path: snapshotPath, deferringLargeSections: true)
        } catch {
            if case .unreadable(_, let reason) = error, reason == String(cString: strerror(ENOENT)) {} else { notes.append(error) }
        }
        // The large sections' checksums are verified on another core while this one walks.
        // (Not at utility priority: a command waits for it.)
        let verification = snapshot.map { opened in SnapshotWrite(qos: .userInitiated) { opened.finishVerification() } }
        // One fast walk (no `String` per file) tells what changed: nothing, in the common case.
        // nil when it met something only the full walk below judges.
        var plan: RefreshPlan?
        var listing: FileListing?
        if let opened = snapshot,
           let delta = Self.vouched(opened, directories: directories, vouch: vouch) ? WarmDelta() : WarmCheck.delta(directories: directories, files: opened.files) {
            if let error = verification?.wait() {
                notes.append(error)
                snapshot = nil
            } else if delta.isEmpty {
                return CachedLoad(store: opened.store, report: warmReport(opened, directories: directories, discoveryWarnings: []),
                                  kind: .warm, notes: notes, write: nil)
            } else if let found = RefreshPlan.fromDelta(delta, snapshot: opened) {
                (plan, listing) = found
            }
        }
        if listing == nil {
            let walked = try FileListing.walk(directories)
            if let error = verification?.wait(), snapshot != nil {
                notes.append(error)
                snapshot = nil
            }
            plan = snapshot.map { RefreshPlan(files: walked.files, stats: walked.stats, snapshot: $0) }
            if let snapshot, let plan, plan.isUnchanged {
                return CachedLoad(store: snapshot.store, report: warmReport(snapshot, directories: directories, discoveryWarnings: walked.discoveryWarnings),
                                  kind: .warm, notes: notes, write: nil)
            }
            listing = walked
        }
        guard let listing else { preconditionFailure("listed by one walk or the other") }
        let (files, stats, discoveryWarnings) = (listing.files, listing.stats, listing.discoveryWarnings)
        let reparse = plan?.reparse ?? Array(files.indices)
        let parsed = ArchiveLoader.startParsing(reparse.map { files[$0] }, progress: progress)
        var parsedSlot = [Int](repeating: -1, count: files.count)
        for (slot, file) in reparse.enumerated() { parsedSlot[file] = slot }
        let store: ArticleStore
        let report: LoadReport
        if let snapshot, let plan {
            // The outcomes are taken out first: whether the store can be patched depends on them
            // (when it cannot after all, the files taken are read again).
            let outcomes = ReparsedOutcomes(parsed, paths: reparse.map { files[$0] })
            let size = { (file: Int) in Int(stats[file].size) }
            if let patched = plan.patchedLoad(snapshot: snapshot, files: files, discoveryWarnings: discoveryWarnings, directories: directories,
                                              outcomes: outcomes, parsedSlot: parsedSlot, size: size) {
                (store, report) = patched
            } else {
                (store, report) = plan.rebuiltLoad(snapshot: snapshot, files: files, discoveryWarnings: discoveryWarnings, directories: directories,
                                                   outcomes: outcomes, parsedSlot: parsedSlot, size: size)
            }
        } else {
            let archive = ArchiveLoader.assemble(files: files, discoveryWarnings: discoveryWarnings, directories: directories,
                                                 capacity: reparse.count, outcome: { parsed.take(parsedSlot[$0]) })
            store = ArticleStore(articles: archive.articles, textIndexInBackground: true)
            report = archive.report
        }
        let write = SnapshotWrite {
            store.waitUntilTextIndexReady()
            do throws(SnapshotError) {
                try SnapshotWriter.write(store: store, report: report, files: SnapshotFiles(paths: files, stats: stats),
                                         directories: directories, to: snapshotPath)
                return nil
            } catch {
                return error
            }
        }
        let kind: CachedLoadKind = plan.map { .refreshed(reparsed: reparse.count, removed: $0.removed) } ?? .cold
        let edited = snapshot.map { store.editedArticles(since: $0.store) } ?? []
        return CachedLoad(store: store, report: report, kind: kind, notes: notes, write: write, edited: edited)
    }
}

extension CachedLoader {
    /// A watcher vouches for exactly this snapshot file, made from exactly these directories.
    private static func vouched(_ snapshot: Snapshot, directories: [String], vouch: (@Sendable ([UInt64]) -> Bool)?) -> Bool {
        guard let vouch, snapshot.directories == directories, let identity = snapshot.mapping.identity else { return false }
        return vouch(identity)
    }

    /// The report of a load that took every file from `snapshot`.
    private static func warmReport(_ snapshot: Snapshot, directories: [String], discoveryWarnings: [LoadWarning]) -> LoadReport {
        var report = LoadReport()
        report.directories = directories
        report.filesRead = snapshot.files.count
        report.filesSkipped = discoveryWarnings.count
        report.articles = snapshot.store.count
        report.bytesRead = snapshot.report.bytesRead
        report.duplicates = snapshot.report.duplicates
        report.warnings = discoveryWarnings + snapshot.report.fileWarnings.map(\.warning)
        return report
    }

    /// The snapshot for `directories` as last written, without walking them: for a first frame
    /// before anything else; the caller then runs `load` in the background and swaps in its
    /// result (which brings in whatever changed since). nil when there is no usable snapshot.
    /// The store's text index is published only once `finishVerification` passes.
    public static func openSnapshot(directories: [String], snapshotPath: String) -> (load: CachedLoad, finishVerification: @Sendable () -> Bool)? {
        guard let snapshot = try? Snapshot.open(path: snapshotPath, deferringLargeSections: true),
              snapshot.directories == directories else { return nil }
        var report = LoadReport()
        report.directories = directories
        report.filesRead = snapshot.files.count
        report.articles = snapshot.store.count
        report.bytesRead = snapshot.report.bytesRead
        report.duplicates = snapshot.report.duplicates
        report.warnings = snapshot.report.fileWarnings.map(\.warning)
        let load = CachedLoad(store: snapshot.store, report: report, kind: .snapshot, notes: [], write: nil)
        return (load, { snapshot.finishVerification() == nil })
    }
}
