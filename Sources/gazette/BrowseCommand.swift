import ArgumentParser
import Foundation
import GazetteConfig
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
    @OptionGroup var feeds: FeedsCommand.FileOption

    @Option(help: ArgumentHelp("Open with the saved view NAME selected (also Unread, Starred).", valueName: "NAME"))
    var view: String?

    func run() throws {
        let config = try data.loadConfig()
        let settings = config.settings
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

        screen.apply(theme: settings.theme)
        // Background work reports as actions through the mailbox (the index being ready, reloads,
        // the load's progress); the loop sleeps on it and the terminal together.
        let mailbox = RunLoopMailbox()
        let events = RunLoopInput(screen: screen, mailbox: mailbox)
        var input = LoadingInput(keyMap: settings.keyMap)
        guard let loaded = try waitForLoad(directories, stateDirectory: stateDirectory, events: events, input: &input) else { return }
        var session = loaded.session
        var state = AppState(
            store: loaded.store, report: loaded.report, width: screen.size.width, height: screen.size.height,
            overlay: session.overlay, views: session.views, notice: session.database.notice ?? session.loadProblem ?? Self.configNotice(config),
            settings: settings, configWarnings: config.warnings.map(\.description))
        if let from = ProcessInfo.processInfo.environment["GAZETTE_RELATED_IN_BACKGROUND_FROM"].flatMap({ Int($0) }) {
            state.findRelatedInBackground(from: from)
        }
        if let view, !state.openView(named: view) {
            screen.stop()
            _ = try savedView(view, in: session.views + settings.views)
        }
        // Keys typed while loading (quit, resize, redraw and suspend were handled then).
        if state.replay(input.queued).contains(.quit) { return }
        screen.draw(render(state))
        screen.setMouseReporting(settings.mouse)
        var clicks = ClickCounter()
        let started = ContinuousClock.now

        let reloader = Reloader(directories: directories, snapshotPath: data.snapshotPath(), mailbox: mailbox,
                                warnings: loaded.finishVerification == nil ? loaded.report.warnings : nil)
        // `F` writes into the first data directory, as `gazette fetch` does; the watcher brings
        // the files in, and one more reload at the end makes sure of the last ones.
        let fetcher = BackgroundFetch(dataDirectory: directories[0], subscriptionsPath: feeds.resolvedPath) { action in
            mailbox.post(action)
            if case .fetchFinished = action { reloader.request(byUser: false) }
        }
        if let verify = loaded.finishVerification {
            // Shown from the snapshot as last written: verify its text sections, then check the files.
            DispatchQueue.global(qos: .userInitiated).async { if verify() { mailbox.post(.textIndexReady) } }
            reloader.request(byUser: false, initial: true)
        } else {
            Self.announceIndex(of: state.store, to: mailbox)
        }
        if let write = loaded.write {
            // A first start holds every article's text and the whole index in memory (at 100k
            // articles, 640 MB for a 316 MB archive). Once the snapshot is written, the check a
            // start from the snapshot makes swaps in the same store mapped from it, quietly:
            // the selection, the reader's place and the query stay, and the memory goes back.
            DispatchQueue.global(qos: .utility).async {
                if write.wait() == nil { reloader.request(byUser: false, initial: true) }
            }
        }
        // The first store and session live on in `state` and `session` only, so a reload frees them.
        _ = consume loaded
        // Watches for live reload and, while open, vouches for the files to the CLI (`gazette watch`).
        let watcher = WatchService(directories: directories, snapshotPath: data.snapshotPath(), socketPath: data.watchSocketPath()) {
            reloader.request(byUser: false)
        }
        defer { watcher.stop() }
        // Other processes' changes to the reader's state (another browser, `gazette tag`) wake
        // the loop, which then asks the store (one PRAGMA data_version); nothing is polled.
        let stateWatcher = DirectoryWatcher(roots: [stateDirectory], namePrefix: StateLocation.fileName) { mailbox.wake() }
        defer { stateWatcher.stop() }
        var effects = StateEffects(session: session)
        // A large archive's "More like this" is found here, off the key path; holding `j` asks
        // for one article at a time, the newest (`AppState.relatedRequest`).
        let relatedFinder = LatestRequest<RelatedQuery>(label: "gazette.related") { query in
            let related = ReaderExtras.relatedArticles(of: query.article, in: query.store)
            mailbox.post(.relatedFound(FoundRelated(store: query.store, article: query.article, related: related)))
        }
        var relatedAsked: (store: UInt64, article: Int)?
        // A word query typed while the index builds is answered by reading the articles, off the
        // key path; typing on asks again, and only the newest filter is read.
        let reader = LatestRequest<ReadingRequest>(label: "gazette.reading") { request in
            mailbox.post(.answeredByReading(request.answer()))
        }
        var readingAsked: (store: UInt64, generation: Int)?

        while true {
            if let request = state.readingRequest,
               readingAsked.map({ $0.store != request.store.serial || $0.generation != request.generation }) ?? true {
                readingAsked = (request.store.serial, request.generation)
                reader.request(request)
            }
            if let article = state.relatedRequest,
               relatedAsked.map({ $0.store != state.store.serial || $0.article != article }) ?? true {
                relatedAsked = (state.store.serial, article)
                relatedFinder.request(RelatedQuery(store: state.store, article: article))
            }
            var actions = mailbox.drain()
            if actions.isEmpty {
                switch events.next() {
                case .key(var key):
                    if case .mouse(let event) = key {
                        let elapsed = (ContinuousClock.now - started).components
                        key = .mouse(clicks.count(event, at: Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18))
                    }
                    if let action = state.action(for: key) { actions = [action] }
                case .inputClosed:
                    return
                case .woken:
                    // A message (drained next time round) or the state store's watcher.
                    if effects.refresh(&state) { screen.draw(render(state)) }
                    continue
                }
            }
            if effects.refresh(&state) { screen.draw(render(state)) }
            for var action in actions {
                var replaced: ArticleStore?
                if case .reloaded(var archive?) = action {
                    replaced = state.store
                    Self.announceIndex(of: archive.store, to: mailbox)
                    // The reader's state is laid over the new store by its article indices.
                    let edited = archive.store.editedArticles(since: state.store)
                    archive.edited = edited.count
                    session = ReaderStateSession(database: session.database, store: archive.store, migrate: false, edited: edited)
                    effects = StateEffects(session: session)
                    archive.overlay = session.overlay
                    action = .reloaded(archive)
                }
                let results = reduce(&state, action)
                screen.draw(render(state))
                // Handed over without a binding here that could outlive the hand-over.
                if replaced != nil { Self.release(replaced.take()) }
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
                    case .reload:
                        reloader.request(byUser: true)
                    case .fetch:
                        fetcher.start()
                    case .changeState(let change):
                        if change.edits.count > 5000 {
                            _ = reduce(&state, .stateNotice("Saving \(change.edits.count) changes…"))
                            screen.draw(render(state))
                        }
                        effects.perform(effect, on: &state)
                        screen.draw(render(state))
                    case .applyTheme(let theme):
                        screen.apply(theme: theme)
                        screen.draw(render(state))
                    case .saveView, .renameView, .deleteView:
                        effects.perform(effect, on: &state)
                        screen.draw(render(state))
                    case .openURL(let url):
                        InteractionEffects.open(url, settings: state.settings, mailbox: mailbox)
                    case .copyToClipboard(let text):
                        screen.copyToClipboard(text)
                    case .pipe(let command, let article):
                        let said = InteractionEffects.pipe(article, to: command, store: state.store, screen: screen)
                        let size = screen.size
                        _ = reduce(&state, .resize(width: size.width, height: size.height))
                        _ = reduce(&state, .stateNotice(said))
                        screen.draw(render(state))
                    case .edit(let path, let line):
                        let said = InteractionEffects.edit(path, line: line, screen: screen)
                        let size = screen.size
                        _ = reduce(&state, .resize(width: size.width, height: size.height))
                        _ = reduce(&state, .stateNotice(said))
                        screen.draw(render(state))
                        // The file was (maybe) changed: read it again now, whatever the watcher saw.
                        reloader.request(byUser: false)
                    }
                }
            }
        }
    }

    /// A word on the status bar when the config file had keys Gazette ignored.
    private static func configNotice(_ config: LoadedConfig) -> String? {
        guard !config.warnings.isEmpty else { return nil }
        let count = config.warnings.count
        return "Config: \(count) \(count == 1 ? "setting" : "settings") ignored (w lists them)"
    }

    /// Lets go of a store a reload replaced off the UI thread (freeing 100k articles takes tens of
    /// milliseconds) and hands the memory it held back to the system.
    private static func release(_ store: consuming ArticleStore?) {
        // Only a store read from the files frees enough to trim for (a mapped or patched one is
        // a few tables; the trim takes each arena's lock in turn while it walks it).
        let trim = store?.holdsArticlesInMemory ?? false
        // Held here only, and dropped inside the work item: a captured value would be freed
        // after the work item ran, too late for the trim.
        let held = LockedValue<ArticleStore?>(store)
        DispatchQueue.global(qos: .utility).async {
            held.set(nil)
            if trim { AllocatorTuning.releaseFreeMemory() }
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
    private func waitForLoad(
        _ directories: [String], stateDirectory: String, events: RunLoopInput, input: inout LoadingInput
    ) throws -> LoadTask.Loaded? {
        let screen = events.screen
        let mailbox = events.mailbox
        let task = LoadTask { mailbox.wake() }
        let snapshotPath = data.snapshotPath()
        let thread = Thread { task.run(directories, snapshotPath: snapshotPath, stateDirectory: stateDirectory) }
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
            case .loading(let progress, let stage):
                let view = LoadingView(
                    filesDone: progress?.filesDone ?? 0, filesTotal: progress?.filesTotal ?? 0,
                    articles: progress?.articles ?? 0, stage: stage,
                    elapsedSeconds: Int((ContinuousClock.now - started).components.seconds))
                screen.draw(view.render(width: size.width, height: size.height))
            }
            // Woken by the load's progress, a key, or the next second of the elapsed time shown.
            let sinceStart = (ContinuousClock.now - started).components
            let key: Key
            switch events.next(timeoutMilliseconds: Int32(1000 - sinceStart.attoseconds / 1_000_000_000_000_000 % 1000)) {
            case .key(let read): key = read
            case .inputClosed: return nil
            case .woken:
                mailbox.clearWakeUps()
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
    // Unchecked: the session is made on the load thread and handed over once; only the UI thread uses it after.
    struct Loaded: @unchecked Sendable {
        var store: ArticleStore
        var report: LoadReport
        /// Set when shown from the snapshot before checking the files (see `CachedLoader.openSnapshot`).
        var finishVerification: (@Sendable () -> Bool)?
        /// The reader's state laid over `store` by article index (one read of the table).
        var session: ReaderStateSession
        /// Writing the snapshot of a store read from the files (a first start): once written, the
        /// same articles mapped from it take the place of the copies in memory.
        var write: SnapshotWrite?
    }

    enum Snapshot: Sendable {
        case loading(LoadProgress?, LoadingView.Stage)
        case done(Loaded)
        case failed(LoadError)
    }

    private let state = LockedValue(Snapshot.loading(nil, .readingFiles))
    /// Called after each change of `snapshot`, from the load thread: wakes the run loop.
    private let changed: @Sendable () -> Void

    init(changed: @escaping @Sendable () -> Void) {
        self.changed = changed
    }

    var snapshot: Snapshot { state.value }

    private func set(_ snapshot: Snapshot) {
        state.set(snapshot)
        changed()
    }

    /// Loads through the snapshot at `snapshotPath` (nil: none). The first frame needs no
    /// full-text index (word queries wait for it); a new snapshot is written in the background.
    func run(_ directories: [String], snapshotPath: String?, stateDirectory: String) {
        func session(_ store: ArticleStore, edited: [(from: ArticleID, to: ArticleID)] = []) -> ReaderStateSession {
            // Keeps the last progress (the article count stays on screen).
            let progress: LoadProgress? = if case .loading(let last, _) = snapshot { last } else { nil }
            set(.loading(progress, .openingState))
            return ReaderStateSession(database: StateDatabase.open(directory: stateDirectory), store: store, edited: edited)
        }
        if let snapshotPath, let opened = CachedLoader.openSnapshot(directories: directories, snapshotPath: snapshotPath) {
            set(.done(Loaded(store: opened.load.store, report: opened.load.report,
                                   finishVerification: opened.finishVerification, session: session(opened.load.store))))
            return
        }
        do {
            let load = try CachedLoader.load(directories: directories, snapshotPath: snapshotPath) { progress in
                self.set(.loading(progress, progress.filesDone == progress.filesTotal ? .indexing : .readingFiles))
            }
            var report = load.report
            // Snapshot problems are shown with the other load warnings (curses owns the terminal).
            report.warnings += load.notes.map(\.warning)
            set(.done(Loaded(store: load.store, report: report, finishVerification: nil, session: session(load.store, edited: load.edited),
                             write: load.write)))
        } catch {
            set(.failed(error))
        }
    }
}

/// One "More like this" search: an article of a store.
private struct RelatedQuery: Sendable {
    let store: ArticleStore
    let article: Int
}
