import Foundation
import Testing

@Suite("TmuxSession test support", .enabled(if: TmuxSession.isAvailable))
struct TmuxSessionTests {
    @Test func showsCommandOutputWithTheRequestedTerm() async throws {
        let session = try TmuxSession(command: "sh -c 'echo \"term=$TERM\"; sleep 600'", width: 40, height: 6, term: "xterm-256color")
        defer { session.kill() }
        #expect(await session.waitFor(text: "term=xterm-256color"))
        let lines = try session.capture()
        #expect(lines.count == 6)
        #expect(lines.first == "term=xterm-256color")
    }

    @Test func typedKeysReachTheCommandAndTheExitStatusIsReported() async throws {
        let session = try TmuxSession(command: "sh -c 'sh -c \"echo ready; read line; echo got [\\$line]; exit 3\"; echo status=$?; sleep 600'", width: 40, height: 6)
        defer { session.kill() }
        #expect(await session.waitFor(text: "ready"))
        try session.type("a b;c")
        try session.sendKeys("Enter")
        #expect(await session.waitFor(text: "got [a b;c]"))
        #expect(await session.waitFor(text: "status=3"))
    }

    @Test func aCommandKilledBySignalShowsInItsStatus() async throws {
        let session = try TmuxSession(command: "sh -c 'sh -c \"kill -TERM \\$\\$\"; echo status=$?; sleep 600'", width: 20, height: 4)
        defer { session.kill() }
        #expect(await session.waitFor(text: "status=143"))
    }

    @Test func resizeChangesThePaneSize() async throws {
        let session = try TmuxSession(command: "sh -c 'echo go; read x; stty size; sleep 600'", width: 80, height: 24)
        defer { session.kill() }
        #expect(await session.waitFor(text: "go"))
        try session.resize(width: 50, height: 10)
        try session.sendKeys("Enter")
        #expect(await session.waitFor(text: "10 50"))
        #expect(try session.capture().count == 10)
    }

    @Test func waitForGivesUpAfterTheTimeout() async throws {
        let session = try TmuxSession(command: "sh -c 'echo present; sleep 600'", width: 20, height: 4)
        defer { session.kill() }
        #expect(await session.waitFor(text: "present"))
        let start = ContinuousClock.now
        #expect(await session.waitFor(text: "absent", timeout: .milliseconds(200)) == false)
        // No upper bound: on 2 cores a busy parallel test run can delay this task's wake-up by
        // many seconds; what matters is that it waited and then gave up instead of hanging.
        #expect(ContinuousClock.now - start >= .milliseconds(200))
    }

    @Test func killRemovesTheSocket() throws {
        let session = try TmuxSession(command: "sh -c 'sleep 600'", width: 20, height: 4)
        #expect(session.socketExists)
        session.kill()
        #expect(!session.socketExists)
        #expect(throws: TmuxSession.CommandError.self) { try session.capture() }
    }

    @Test func builtProductsDirectoryHoldsTheTestRunner() throws {
        let directory = TmuxSession.builtProductsDirectory()
        let contents = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(contents.contains { $0.hasPrefix("GazettePackageTests") })
    }

    @Test func shellQuotingSurvivesSingleQuotes() async throws {
        let text = "it's $HOME \"quoted\""
        let session = try TmuxSession(command: "sh -c \(TmuxSession.shellQuote("printf '%s\\n' " + TmuxSession.shellQuote(text) + "; sleep 600"))", width: 40, height: 4)
        defer { session.kill() }
        #expect(await session.waitFor(text: text))
    }
}

extension TmuxSessionTests {
    /// The test runner's threads block signals; the program under test must not inherit that
    /// (no SIGWINCH means no resize, no SIGCHLD in tmux means no exit status).
    @Test func commandsStartWithNoBlockedSignals() async throws {
        let session = try TmuxSession(command: "sh -c 'grep SigBlk /proc/self/status; sleep 600'", width: 40, height: 4)
        defer { session.kill() }
        let shown = await session.waitFor(text: "SigBlk:")
        #expect(shown, "pane: \((try? session.capture()) ?? ["<capture failed>"])")
        let line = try session.capture().first { $0.hasPrefix("SigBlk:") }
        #expect(line?.split(separator: " ").last == "0000000000000000")
    }
}
