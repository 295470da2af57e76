import ArgumentParser
import Foundation
import GazetteCore
import GazetteState
import GazetteTerminal
import GazetteUI

/// `gazette browse` (the default): the full-screen browser. Wiring only; the logic is in GazetteUI.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Browse the archive in a full-screen terminal interface (the default)."
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var stateOptions: StateOptions

    @Option(help: ArgumentHelp("Open with the saved view NAME selected (also Unread, Starred).", valueName: "NAME"))
    var view: String?

    func run() throws {
        let directories = data.resolvedDirectories()
        let stateDirectory = stateOptions.resolvedDirectory()
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen.start()
        } catch {
            printError("gazette: \(error)")
            throw ExitCode(2)
        }
        defer { screen.stop() }

        var input = LoadingInput()
        guard let loaded = try waitForLoad(directories, stateDirectory: stateDirectory, screen: screen, input: &input) else { return }
        let session = loaded.session
        var state = AppState(
            store: loaded.store, report: loaded.report, width: screen.size.width, height: screen.size.height,
            overlay: session.overlay, views: session.views, notice: session.database.notice ?? session.loadProblem)
        if let view, !state.openView(named: view) {
            screen.stop()
            _ = try savedView(view, in: session.views)
        }
        // Keys typed while loading (quit, resize, redraw and suspend were handled then).
        if state.replay(input.queued).contains(.quit) { return }
        screen.draw(render(state))
        var effects = StateEffects(session: session)
        while true {
            // While a query waits for the background text index, poll for it between keys; the
            // state store is polled twice a second for other processes' changes (one PRAGMA).
            let waiting = state.pendingQuery != nil
            let key = screen.readKey(timeoutMilliseconds: waiting ? 100 : 500)
            if effects.refresh(&state) { screen.draw(render(state)) }
            guard let key else {
                if screen.isInputClosed { return }
                if waiting, state.store.isTextIndexReady {
                    _ = reduce(&state, .textIndexReady)
                    screen.draw(render(state))
                }
                continue
            }
            guard let action = KeyMap.standard.action(for: key, in: state.keyContext) else { continue }
            let results = reduce(&state, action)
            screen.draw(render(state))
            for effect in results {
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
                case .changeState(let change):
                    if change.edits.count > 5000 {
                        _ = reduce(&state, .stateNotice("Saving \(change.edits.count) changes…"))
                        screen.draw(render(state))
                    }
                    effects.perform(effect, on: &state)
                    screen.draw(render(state))
                case .saveView, .renameView, .deleteView:
                    effects.perform(effect, on: &state)
                    screen.draw(render(state))
                }
            }
        }
    }

    /// Loads on a background thread while showing progress; nil when the user quit meanwhile.
    /// A data directory that cannot be read ends the program with status 2.
    /// Other keys are queued in `input` for the browser.
    private func waitForLoad(_ directories: [String], stateDirectory: String, screen: TerminalScreen, input: inout LoadingInput) throws -> LoadTask.Loaded? {
        let task = LoadTask()
        let thread = Thread { task.run(directories, stateDirectory: stateDirectory) }
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
final class LoadTask: @unchecked Sendable {
    struct Loaded {
        var store: ArticleStore
        var report: LoadReport
        var session: ReaderStateSession
    }

    enum Snapshot {
        case loading(LoadProgress?, indexing: Bool)
        case done(Loaded)
        case failed(LoadError)
    }

    private let lock = NSLock()
    private var state = Snapshot.loading(nil, indexing: false)

    var snapshot: Snapshot { lock.withLock { state } }

    func run(_ directories: [String], stateDirectory: String) {
        do {
            let archive = try ArchiveLoader.load(directories: directories) { progress in
                self.lock.withLock { self.state = .loading(progress, indexing: progress.filesDone == progress.filesTotal) }
            }
            // The first frame needs no full-text index; word queries wait for it.
            let store = ArticleStore(articles: archive.articles, textIndexInBackground: true)
            // The reader's state is laid over the store by article index (one read of the table).
            let session = ReaderStateSession(database: StateDatabase.open(directory: stateDirectory), store: store)
            lock.withLock { state = .done(Loaded(store: store, report: archive.report, session: session)) }
        } catch {
            lock.withLock { state = .failed(error) }
        }
    }
}
