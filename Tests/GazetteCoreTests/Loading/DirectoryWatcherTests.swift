import Foundation
import Testing
@testable import GazetteCore

/// Live reload hears every kind of file the loader reads, not only `.txt` articles.
@Suite(.serialized) struct DirectoryWatcherTests {
    /// Starts a watcher on `root`, waits for its first watches, runs `change`, and says whether
    /// `onChange` followed within 10 s.
    private func reloads(root: String, after change: () -> Void) -> Bool {
        let settled = DispatchSemaphore(value: 0)
        let changed = DispatchSemaphore(value: 0)
        let watcher = DirectoryWatcher(roots: [root], onSettle: { settled.signal() }, onChange: { changed.signal() })
        defer { watcher.stop() }
        guard settled.wait(timeout: .now() + 10) == .success else { return false }
        change()
        return changed.wait(timeout: .now() + 10) == .success
    }

    @Test func aMessageDeliveredToAMaildirReloads() {
        let scratch = SnapshotScratch()
        for folder in ["cur", "new", "tmp"] {
            try? FileManager.default.createDirectory(atPath: scratch.child("list/\(folder)"), withIntermediateDirectories: true)
        }
        // Maildir names have no extension: "<time>.<unique>.<host>" in new/, ":2,S" once seen.
        #expect(reloads(root: scratch.path) {
            scratch.write("list/new/1764547200.M51P7.host", "From: a@example.org\nSubject: Delivered\n\nBody\n")
        })
    }

    @Test func aMessageAppendedToAnMboxReloads() throws {
        let scratch = SnapshotScratch()
        scratch.write("lists/devel.mbox", "From a@example.org Mon Nov 30 10:00:00 2026\nSubject: One\n\nFirst\n")
        #expect(reloads(root: scratch.path) {
            guard let handle = FileHandle(forWritingAtPath: scratch.child("lists/devel.mbox")) else { return }
            handle.seekToEndOfFile()
            handle.write(Data("\nFrom b@example.org Mon Nov 30 11:00:00 2026\nSubject: Two\n\nSecond\n".utf8))
            handle.closeFile()
        })
    }

    @Test func anArticleArrivingInANewsSpoolReloads() {
        let scratch = SnapshotScratch()
        try? FileManager.default.createDirectory(atPath: scratch.child("spool/comp/lang/swift"), withIntermediateDirectories: true)
        // A spool names each article by its number in the group.
        #expect(reloads(root: scratch.path) {
            scratch.write("spool/comp/lang/swift/43", "From: a@example.org\nSubject: Spooled\nNewsgroups: comp.lang.swift\n\nBody\n")
        })
    }

    @Test func aFileGazetteDoesNotReadDoesNotReload() {
        let scratch = SnapshotScratch()
        #expect(staysQuiet(root: scratch.path) { scratch.write("photo.png", "not an article") })
    }

    @Test func aHiddenEditorFileDoesNotReload() {
        let scratch = SnapshotScratch()
        #expect(staysQuiet(root: scratch.path) { scratch.write(".story.txt.swp", "editor state") })
    }

    /// Whether the burst `change` makes settles (onSettle) without onChange: nothing the loader reads moved.
    private func staysQuiet(root: String, after change: () -> Void) -> Bool {
        let settled = DispatchSemaphore(value: 0)
        let changed = LockedValue(0)
        let watcher = DirectoryWatcher(roots: [root], onSettle: { settled.signal() }, onChange: { changed.update { $0 += 1 } })
        defer { watcher.stop() }
        guard settled.wait(timeout: .now() + 10) == .success else { return false }
        change()
        return settled.wait(timeout: .now() + 10) == .success && changed.value == 0
    }
}
