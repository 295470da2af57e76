import Foundation
import GazetteCore
import GazetteTerminal
import GazetteUI

/// Performs the reducer's links, clipboard, pipe and edit effects. Run-loop wiring only: what
/// to run is decided by `ExternalCommands`, how by `ChildProcess`.
enum InteractionEffects {
    /// Opens `url` detached: the UI goes on at once; a failure comes back through the mailbox.
    static func open(_ url: String, settings: Settings, mailbox: RunLoopMailbox) {
        let environment = ProcessInfo.processInfo.environment
        guard LinkScanner.isOpenable(url),
              let command = ExternalCommands.browser(for: url, environment: environment, openArguments: settings.open.arguments(for: url))
        else {
            let reason = LinkScanner.isOpenable(url) ? "no browser: set $BROWSER, install xdg-open or set [open] command" : "not a web link"
            mailbox.post(.stateNotice("Cannot open \(url): \(reason)"))
            return
        }
        ChildProcess.startDetached(command, environment: environment) { outcome in
            switch outcome {
            case .exited(0): break
            case .exited(let status): mailbox.post(.stateNotice("The browser command exited with status \(status) for \(url)"))
            case .failedToStart(let reason): mailbox.post(.stateNotice("Cannot start the browser: \(reason)"))
            }
        }
    }

    /// Pipes store article `index`, as `gazette show` prints it, to `sh -c command` on the
    /// terminal (the screen suspended like Ctrl-Z), then waits for Enter so its output can be read.
    static func pipe(_ index: Int, to command: String, store: ArticleStore, screen: TerminalScreen) -> String {
        let text = ArticleTextRenderer.render(
            store.articles[index], tags: store.tagDisplayNames(ofArticle: index), width: 80,
            thread: ReaderThread.of(index, in: store, keysShown: false))
        let outcome = screen.whileSuspended { () -> ChildProcess.Outcome in
            let outcome = ChildProcess.runInForeground(ExternalCommands.pipe(command), input: Array(text.utf8))
            waitForEnter(after: outcome)
            return outcome
        }
        return describe(outcome, doing: "| " + command)
    }

    /// Edits `path` at `line` in `$VISUAL`/`$EDITOR` on the terminal; the caller reloads afterwards.
    static func edit(_ path: String, line: Int, screen: TerminalScreen) -> String {
        let command = ExternalCommands.editor(path: path, line: line, environment: ProcessInfo.processInfo.environment)
        let outcome = screen.whileSuspended { ChildProcess.runInForeground(command) }
        return describe(outcome, doing: "Editing " + path)
    }

    private static func describe(_ outcome: ChildProcess.Outcome?, doing what: String) -> String {
        switch outcome {
        case .exited(0)?: return what + ": done"
        case .exited(let status)?: return what + ": exit status \(status)"
        case .failedToStart(let reason)?: return what + ": could not start (\(reason))"
        case nil: return what + ": the screen was closed"
        }
    }

    /// "Press Enter to return to Gazette", read from the terminal in its normal (cooked) mode.
    private static func waitForEnter(after outcome: ChildProcess.Outcome) {
        let status: String = switch outcome {
        case .exited(0): ""
        case .exited(let code): "[exit status \(code)] "
        case .failedToStart(let reason): "[\(reason)] "
        }
        StandardOutput.writeAll(fd: 1, bytes: Array("\n\(status)Press Enter to return to Gazette ".utf8))
        var byte: UInt8 = 0
        while true {
            let count = read(0, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 || byte == 0x0A || byte == 0x0D { return }
        }
    }
}
