import ArgumentParser
import Foundation
import GazetteCore
import GazetteTerminal
import GazetteUI

/// `gazette browse` (the default): the full-screen browser. Wiring only; the logic is in GazetteUI.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Browse the archive in a full-screen terminal interface (the default)."
    )

    @OptionGroup var data: DataOptions

    func run() throws {
        let directories = data.resolvedDirectories()
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen.start()
        } catch {
            printError("gazette: \(error)")
            throw ExitCode(2)
        }
        defer { screen.stop() }

        var input = LoadingInput()
        guard let loaded = try waitForLoad(directories, screen: screen, input: &input) else { return }
        var state = AppState(store: loaded.store, report: loaded.report, width: screen.size.width, height: screen.size.height)
        // Keys typed while loading (quit, resize, redraw and suspend were handled then).
        if state.replay(input.queued).contains(.quit) { return }
        screen.draw(render(state))

        // Background work reports as actions through the mailbox: the index being ready, reloads.
        let mailbox = RunLoopMailbox()
        let reloader = Reloader(directories: directories, snapshotPath: data.snapshotPath(), mailbox: mailbox)
        if let verify = loaded.finishVerification {
            // Shown from the snapshot as last written: verify its text sections, then check the files.
            DispatchQueue.global(qos: .userInitiated).async { if verify() { mailbox.post(.textIndexReady) } }
            reloader.request(byUser: false, initial: true)
        } else {
            Self.announceIndex(of: state.store, to: mailbox)
        }
        let watcher = DirectoryWatcher(roots: directories) { reloader.request(byUser: false) }
        defer { watcher.stop() }

        while true {
            var actions = mailbox.drain()
            if actions.isEmpty {
                if let key = screen.readKey(timeoutMilliseconds: 0) {
                    if let action = KeyMap.standard.action(for: key, in: state.keyContext) { actions = [action] }
                } else {
                    if screen.isInputClosed { return }
                    // Sleeps until a key or a message; nothing polls.
                    _ = screen.waitForInput(orWake: mailbox.descriptor)
                    continue
                }
            }
            for action in actions {
                if case .reloaded(let archive?) = action { Self.announceIndex(of: archive.store, to: mailbox) }
                let effects = reduce(&state, action)
                screen.draw(render(state))
                for effect in effects {
                    switch effect {
                    case .quit:
                        return
                    case .redrawAll:
                        screen.redrawAll()
                    case .suspend:
                        screen.suspend()
                        // The terminal may have changed size while we were stopped.
                        let size = screen.size
                        _ = reduce(&state, .resize(width: size.width, height: size.height))
                        screen.draw(render(state))
                    case .reload:
                        reloader.request(byUser: true)
                    }
                }
            }
        }
    }

    /// Posts `.textIndexReady` when `store`'s background index build finishes (at once if built).
    private static func announceIndex(of store: ArticleStore, to mailbox: RunLoopMailbox) {
        guard !store.isTextIndexReady else { return }
        DispatchQueue.global(qos: .userInitiated).async {
            store.waitUntilTextIndexReady()
            mailbox.post(.textIndexReady)
        }
    }

    /// Loads on a background thread while showing progress; nil when the user quit meanwhile.
    /// A data directory that cannot be read ends the program with status 2.
    /// Other keys are queued in `input` for the browser.
    private func waitForLoad(_ directories: [String], screen: TerminalScreen, input: inout LoadingInput) throws -> LoadTask.Loaded? {
        let task = LoadTask()
        let snapshotPath = data.snapshotPath()
        let thread = Thread { task.run(directories, snapshotPath: snapshotPath) }
        thread.stackSize = 8 << 20
        thread.start()
        var size = screen.size
        let started = ContinuousClock.now
        while true {
            switch task.snapshot {
            case .done(let loaded):
                return loaded
            case .failed(let error):
                screen.stop()
                printError("gazette: \(error)")
                throw ExitCode(2)
            case .loading(let progress, let indexing):
                let view = LoadingView(
                    filesDone: progress?.filesDone ?? 0, filesTotal: progress?.filesTotal ?? 0,
                    articles: progress?.articles ?? 0, indexing: indexing,
                    elapsedSeconds: Int((ContinuousClock.now - started).components.seconds))
                screen.draw(view.render(width: size.width, height: size.height))
            }
            guard let key = screen.readKey(timeoutMilliseconds: 50) else {
                if screen.isInputClosed { return nil }
                continue
            }
            switch input.receive(key) {
            case .quit?, .closeOrQuit?: return nil
            case .resize(let width, let height)?: size = (width, height)
            case .redraw?: screen.redrawAll()
            case .suspend?: screen.suspend()
            default: break
            }
        }
    }

    private func printError(_ message: String) {
        StandardError.write(message + "\n")
    }
}

/// The archive load running on its own thread, observed by the UI thread.
final class LoadTask: Sendable {
    struct Loaded: Sendable {
        var store: ArticleStore
        var report: LoadReport
        /// Set when shown from the snapshot before checking the files (see `CachedLoader.openSnapshot`).
        var finishVerification: (@Sendable () -> Bool)?
    }

    enum Snapshot: Sendable {
        case loading(LoadProgress?, indexing: Bool)
        case done(Loaded)
        case failed(LoadError)
    }

    private let state = LockedValue(Snapshot.loading(nil, indexing: false))

    var snapshot: Snapshot { state.value }

    /// Loads through the snapshot at `snapshotPath` (nil: none). The first frame needs no
    /// full-text index (word queries wait for it); a new snapshot is written in the background.
    func run(_ directories: [String], snapshotPath: String?) {
        if let snapshotPath, let opened = CachedLoader.openSnapshot(directories: directories, snapshotPath: snapshotPath) {
            state.set(.done(Loaded(store: opened.load.store, report: opened.load.report, finishVerification: opened.finishVerification)))
            return
        }
        do {
            let load = try CachedLoader.load(directories: directories, snapshotPath: snapshotPath) { progress in
                self.state.set(.loading(progress, indexing: progress.filesDone == progress.filesTotal))
            }
            var report = load.report
            // Snapshot problems are shown with the other load warnings (curses owns the terminal).
            report.warnings += load.notes.map(\.warning)
            state.set(.done(Loaded(store: load.store, report: report, finishVerification: nil)))
        } catch {
            state.set(.failed(error))
        }
    }
}
