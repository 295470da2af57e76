import Foundation
import Testing

@testable import GazetteTerminal

/// The browser, pipe and editor command lines, and running them for real with stub programs.
@Suite struct ExternalCommandsTests {
    private let url = "https://example.org/a?b=1&c='x'"

    @Test func browserListTakesTheFirstProgramThatExistsAndSubstitutesTheURL() {
        let environment = ["BROWSER": "nosuch-browser:w3m %s:firefox"]
        let command = ExternalCommands.browser(for: url, environment: environment) { $0 == "w3m" || $0 == "firefox" }
        #expect(command == ["/bin/sh", "-c", "w3m \"$1\"", "sh", url], "the URL is $1, never shell text")
        let appended = ExternalCommands.browser(for: url, environment: ["BROWSER": "lynx -accept_all_cookies"]) { $0 == "lynx" }
        #expect(appended == ["/bin/sh", "-c", "lynx -accept_all_cookies \"$1\"", "sh", url])
        #expect(ExternalCommands.shell(template: "echo 100%% %s", argument: "u") == ["/bin/sh", "-c", "echo 100% \"$1\"", "sh", "u"])
    }

    @Test func thenXdgOpenThenTheConfiguredCommand() {
        #expect(ExternalCommands.browser(for: url, environment: [:]) { $0 == "xdg-open" } == ["xdg-open", url])
        #expect(ExternalCommands.browser(for: url, environment: ["BROWSER": "gone"], openArguments: ["open-it", "--new", url]) { $0 == "open-it" }
                == ["open-it", "--new", url], "the config's command runs without a shell")
        #expect(ExternalCommands.browser(for: url, environment: [:], openArguments: ["gone", url]) { _ in false } == nil)
    }

    @Test func editorsThatTakeALineGetIt() {
        #expect(ExternalCommands.editor(path: "/d/a.txt", line: 12, environment: ["EDITOR": "vim"])
                == ["/bin/sh", "-c", "vim \"$@\"", "vim", "+12", "/d/a.txt"])
        #expect(ExternalCommands.editor(path: "/d/a.txt", line: 12, environment: ["VISUAL": "/usr/bin/nvim", "EDITOR": "ed"]).suffix(2)
                == ["+12", "/d/a.txt"])
        #expect(ExternalCommands.editor(path: "/d/a.txt", line: 12, environment: ["EDITOR": "code --wait"])
                == ["/bin/sh", "-c", "code --wait \"$@\"", "code --wait", "/d/a.txt"])
        #expect(ExternalCommands.editor(path: "/d/a.txt", line: 1, environment: [:]) == ["/bin/sh", "-c", "vi \"$@\"", "vi", "/d/a.txt"])
    }

    @Test func theBrowserStubOnPathRecordsTheURL() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let record = directory + "/args"
        try Self.script(at: directory + "/stub-browser", "printf '%s\\n' \"$@\" > \(record).tmp; mv \(record).tmp \(record)")
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = directory + ":/usr/bin:/bin"
        environment["BROWSER"] = "stub-browser --new-tab"
        let command = try #require(ExternalCommands.browser(for: url, environment: environment))
        let finished = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox()
        ChildProcess.startDetached(command, environment: environment) { outcome.value = $0; finished.signal() }
        #expect(finished.wait(timeout: .now() + 30) == .success)
        #expect(outcome.value == .exited(0))
        #expect(try String(contentsOfFile: record, encoding: .utf8) == "--new-tab\n\(url)\n")
    }

    @Test func aMissingProgramIsReportedNotThrown() {
        let finished = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox()
        ChildProcess.startDetached(["/nonexistent/browser", "x"]) { outcome.value = $0; finished.signal() }
        #expect(finished.wait(timeout: .now() + 30) == .success)
        guard case .failedToStart(let reason)? = outcome.value else { Issue.record("started: \(String(describing: outcome.value))"); return }
        #expect(reason.contains("/nonexistent/browser"))
    }

    @Test func pipeRoundTripFeedsTheArticleToTheCommand() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = Array("Title: One\n\nfirst line\nsecond line\n".utf8)
        let outcome = ChildProcess.runInForeground(ExternalCommands.pipe("wc -l > \(directory)/count"), input: text)
        #expect(outcome == .exited(0))
        let count = try String(contentsOfFile: directory + "/count", encoding: .utf8)
        #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "4")
        #expect(ChildProcess.runInForeground(ExternalCommands.pipe("exit 3"), input: text) == .exited(3))
        // A command that reads nothing of a large article ends; Gazette is not killed by SIGPIPE.
        let large = [UInt8](repeating: 0x61, count: 4 << 20)
        #expect(ChildProcess.runInForeground(ExternalCommands.pipe("head -c 1 > /dev/null"), input: large) == .exited(0))
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "gazette-external-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes an executable script through a close-on-exec descriptor: a process another test
    /// forks meanwhile must not inherit it open for writing, or running it fails (ETXTBSY).
    static func script(at path: String, _ body: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let bytes = Array(("#!/bin/sh\n" + body + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
    }
}

/// The outcome handed over from the process's waiting thread.
final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: ChildProcess.Outcome?
    var value: ChildProcess.Outcome? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
