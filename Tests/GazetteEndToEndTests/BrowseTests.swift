import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The browser under tmux: what a person sees and every way it can end.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
final class BrowseTests {
    let fixture: BrowseFixture

    init() throws { fixture = try BrowseFixture() }
    deinit { fixture.remove() }

    var gazette: String {
        "\(TmuxSession.shellQuote(BrowseFixture.binary)) --data \(TmuxSession.shellQuote(fixture.root.path))"
    }

    /// Starts `script` under `sh` (not bash, which would restore the terminal itself).
    func launch(_ script: String, width: Int = 120, height: Int = 40) throws -> TmuxSession {
        try TmuxSession(
            command: "sh -c \(TmuxSession.shellQuote(script))", width: width, height: height,
            // The reading state in a hidden folder of the fixture (the loader skips hidden folders).
            environment: ["LANG": "C.UTF-8", "TZ": "UTC", "PS1": "$ ", "XDG_STATE_HOME": fixture.root.appendingPathComponent(".state").path],
            directory: fixture.root.path)
    }

    /// `script` that records the terminal settings before and after running gazette and its exit status.
    var recordedRun: String { "stty -a > before; \(gazette); echo exit=$?; stty -a > after" }

    func file(_ name: String) -> String? {
        try? String(contentsOf: fixture.root.appendingPathComponent(name), encoding: .utf8)
    }

    /// Waits for the first frame (the status bar with the article count).
    func waitForFirstFrame(_ session: TmuxSession, articles: Int = 5) async throws {
        let shown = await session.waitFor(text: "\(articles) of \(articles) articles")
        let screen = try session.capture().joined(separator: "\n")
        #expect(shown, "no first frame:\n\(screen)")
    }

    /// The gazette process started for this fixture (its argv[0] is the binary, its data dir ours).
    func gazettePID() -> pid_t? { fixture.gazettePID() }

    func row(_ lines: [String], containing text: String) -> String? { lines.first { $0.contains(text) } }

    // MARK: - What a person sees

    @Test func firstFrameShowsSidebarListAndReader() async throws {
        let session = try launch(gazette)
        try await waitForFirstFrame(session)
        let lines = try session.capture()
        #expect(lines.count == 40)
        #expect(lines[0].hasPrefix("Views"), "sidebar heading: \(lines[0])")
        #expect(lines[4].hasPrefix("Tags"), "after All, Unread, Starred: \(lines[4])")
        // The sidebar's own count, not any "3" on the row (the list's dates have plenty).
        #expect(sidebarCount(lines, "Harbour") == 3, "Harbour is on three articles:\n\(lines.prefix(12).joined(separator: "\n"))")
        for title in BrowseFixture.titles {
            #expect(row(lines, containing: title) != nil, "list shows \(title)")
        }
        // The newest article is selected and shown in the reader: its title appears twice.
        #expect(lines.filter { $0.contains(BrowseFixture.titles[0]) }.count == 2)
        #expect(row(lines, containing: "PILOTS AT THE HARBOUR stopped work") != nil)
        #expect(row(lines, containing: "sort: date") != nil)
    }

    /// The sidebar's count for `value` (the sidebar is the first 24 columns at 120×40).
    func sidebarCount(_ lines: [String], _ value: String) -> Int? {
        for line in lines {
            let sidebar = String(line.prefix(24))
            let parts = sidebar.split(separator: " ")
            if parts.dropLast().joined(separator: " ").hasSuffix(value), let count = parts.last.flatMap({ Int($0) }) { return count }
        }
        return nil
    }

    @Test func includingATagNarrowsTheListAndRecounts() async throws {
        let session = try launch(gazette)
        try await waitForFirstFrame(session)
        var lines = try session.capture()
        #expect(sidebarCount(lines, "Harbour") == 3)
        #expect(sidebarCount(lines, "Strike") == 2)
        #expect(sidebarCount(lines, "Farming") == 1)
        // Focus the sidebar; past the Views (All, Unread, Starred) comes the most common tag, Harbour.
        try session.sendKeys("h", "j", "j", "j", "Enter")
        #expect(await session.waitFor(text: "3 of 5 articles"))
        lines = try session.capture()
        #expect(row(lines, containing: "+ Harbour") != nil)
        #expect(row(lines, containing: "tag:Harbour") != nil, "the filter is shown as query text")
        #expect(sidebarCount(lines, "Strike") == 1, "counts are over the result")
        #expect(sidebarCount(lines, "Farming") == nil, "tags absent from the result are hidden")
        // Not in the list; the reader's "More like this" may still name it (a shared tag, Strike).
        #expect(!lines.contains { $0.contains(BrowseFixture.titles[2]) && !$0.contains(". " + BrowseFixture.titles[2]) })
        try session.sendKeys("Enter")
        #expect(await session.waitFor(text: "5 of 5 articles"), "a second press removes the mark")
        #expect(sidebarCount(try session.capture(), "Strike") == 2)
    }

    /// A large archive's "More like this" comes from the run loop's background search (forced
    /// here on the small fixture): it appears after the first frame, and again for the next article.
    @Test func moreLikeThisFoundInTheBackgroundAppearsInTheReader() async throws {
        let session = try launch("GAZETTE_RELATED_IN_BACKGROUND_FROM=0 " + gazette)
        try await waitForFirstFrame(session)
        #expect(await session.waitFor(text: "More like this"), "\((try? session.capture()) ?? [])")
        try session.sendKeys("j")
        #expect(await session.waitUntil { lines in
            lines.filter { $0.contains(BrowseFixture.titles[1]) }.count == 2 && lines.contains { $0.contains("More like this") }
        }, "\((try? session.capture()) ?? [])")
    }

    @Test func typingAQueryFiltersLiveAndEnterShowsTheBody() async throws {
        let session = try launch(gazette)
        try await waitForFirstFrame(session)
        try session.sendKeys("/")
        try session.type("frost")
        // No Enter yet: the list has already narrowed.
        #expect(await session.waitFor(text: "1 of 5 articles"))
        #expect(try row(session.capture(), containing: "/frost") != nil)
        try session.sendKeys("Enter", "Enter")
        #expect(await session.waitUntil { lines in
            !lines.contains { $0.contains("/frost") } && lines.contains { $0.contains("smallest cider harvest") }
        })
        let lines = try session.capture()
        #expect(row(lines, containing: "A late frost blackened the blossom") != nil)
        #expect(row(lines, containing: "/frost") == nil, "the prompt closed")
    }

    @Test func resizeRelaysOut() async throws {
        let session = try launch(gazette)
        try await waitForFirstFrame(session)
        try session.resize(width: 60, height: 20)
        let relaidOut = await session.waitUntil { lines in
            // Wait for the whole frame: mid-repaint, the top row can still be blank.
            lines.count == 20 && lines.last?.contains("5 of 5 articles") == true && lines[0].hasPrefix("Date")
                && row(lines, containing: "Harbour pilots strike") != nil
        }
        let lines = try session.capture()
        #expect(relaidOut, "not re-laid out:\n\(lines.joined(separator: "\n"))")
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines[0].hasPrefix("Date"), "narrow: list on top, no sidebar")
        #expect(row(lines, containing: "Harbour pilots strike") != nil, "the selection is kept")
        try session.resize(width: 120, height: 40)
        #expect(await session.waitUntil { $0.first?.hasPrefix("Views") == true })
    }

    /// Context switches so far of `pid`'s own threads (the run loop's and the watchers'): each
    /// sleep that ended is one. libdispatch's threads (named `…qos…`) are left out: on Linux its
    /// workqueue monitor ticks once a second on the manager thread in every process that used a
    /// global queue, a runtime timer that is not Gazette's.
    func wakeUps(_ pid: pid_t) -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.reduce(0) { total, task in
            let name = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/comm", encoding: .utf8)) ?? ""
            guard !name.contains("qos") else { return total }
            let status = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)) ?? ""
            return total + status.split(separator: "\n").reduce(0) { sum, line in
                guard line.hasPrefix("voluntary_ctxt_switches:") || line.hasPrefix("nonvoluntary_ctxt_switches:") else { return sum }
                return sum + (Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0)
            }
        }
    }

    @Test func idleBrowserSleepsUntilAKey() async throws {
        let session = try launch("\(gazette); echo exit=$?")
        try await waitForFirstFrame(session)
        let pid = try #require(gazettePID())
        // Let the start's background work (index, snapshot check) finish and settle.
        try await Task.sleep(for: .seconds(2))
        let before = wakeUps(pid)
        try await Task.sleep(for: .seconds(3))
        let idle = wakeUps(pid) - before
        // Nothing polls: no timer, no state-store check on a clock (a 500 ms poll made 6+ here).
        // A stray wake-up or two is the scheduler's (a loaded machine can preempt a thread).
        #expect(idle <= 2, "\(idle) wake-ups in 3 idle seconds")
        // A key still wakes it.
        try session.sendKeys("q")
        #expect(await waitForOutput(session, "exit=0"))
    }

    // MARK: - Every way out

    @Test func qExitsZeroAndRestoresTheScreen() async throws {
        let session = try launch(recordedRun)
        try await waitForFirstFrame(session)
        try session.sendKeys("q")
        #expect(await waitForOutput(session, "exit=0"))
        let lines = try session.capture(scrollback: true)
        #expect(row(lines, containing: "of 5 articles") == nil, "left the alternate screen")
        #expect(await waitForFile("after") == file("before"))
    }

    @Test func ctrlCExitsZero() async throws {
        let session = try launch(recordedRun)
        try await waitForFirstFrame(session)
        try session.sendKeys("/", "C-c")
        #expect(await waitForOutput(session, "exit=0"))
        #expect(await waitForFile("after") == file("before"))
    }

    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129)])
    func terminatingSignalsRestoreTheTerminal(signal: Int32, status: Int) async throws {
        let session = try launch(recordedRun)
        try await waitForFirstFrame(session)
        let pid = try #require(gazettePID())
        kill(pid, signal)
        #expect(await waitForOutput(session, "exit=\(status)"))
        #expect(await waitForFile("after") == file("before"))
        #expect(row(try session.capture(scrollback: true), containing: "of 5 articles") == nil)
    }

    @Test func fatalSignalRestoresTheTerminal() async throws {
        let session = try launch(recordedRun)
        try await waitForFirstFrame(session)
        let pid = try #require(gazettePID())
        kill(pid, SIGSEGV)
        #expect(await waitForOutput(session, "exit=139"))
        #expect(await waitForFile("after") == file("before"))
    }

    @Test func suspendAndResume() async throws {
        // An interactive sh for job control; stty before and after from that shell.
        let session = try launch("exec sh -i")
        // dash ignores PS1 from the environment when run as root: set a prompt to wait for.
        try session.type("PS1='gz> '\n")
        #expect(await session.waitFor(text: "gz> "))
        try session.type("stty -a > before; \(gazette)\n")
        try await waitForFirstFrame(session)
        try session.sendKeys("C-z")
        let suspended = await session.waitUntil { lines in
            !lines.contains { $0.contains("of 5 articles") } && lines.contains { $0.contains("Stopped") || $0.hasPrefix("gz> ") }
        }
        let screen = try session.capture().joined(separator: "\n")
        #expect(suspended, "suspended to the shell:\n\(screen)")
        try session.type("fg\n")
        #expect(await session.waitFor(text: "5 of 5 articles"), "repainted after fg")
        #expect(row(try session.capture(), containing: BrowseFixture.titles[0]) != nil)
        // SIGTSTP from outside (kill -TSTP) goes through ncurses' own handler.
        let pid = try #require(gazettePID())
        kill(pid, SIGTSTP)
        #expect(await session.waitUntil { !$0.contains { $0.contains("of 5 articles") } })
        try session.type("fg\n")
        #expect(await session.waitFor(text: "5 of 5 articles"), "repainted after the second fg")
        try session.sendKeys("q")
        // Type only once the shell is back, or gazette would read the text as keys.
        #expect(await session.waitUntil { $0.contains("gz>") })
        try session.type("echo exit=$?; stty -a > after\n")
        #expect(await session.waitFor(text: "exit=0"))
        #expect(await waitForFile("after") == file("before"))
    }

    @Test func aMissingDataDirectoryExitsTwoAfterRestoringTheTerminal() async throws {
        let missing = fixture.root.appendingPathComponent("no-such-dir").path
        let script = "stty -a > before; \(TmuxSession.shellQuote(BrowseFixture.binary)) --data \(TmuxSession.shellQuote(missing)) 2> err; echo exit=$?; stty -a > after"
        let session = try launch(script)
        #expect(await waitForOutput(session, "exit=2"))
        #expect(await waitForFile("after") == file("before"))
        #expect(file("err")?.contains("data directory does not exist") == true, "stderr: \(file("err") ?? "")")
    }

    @Test func withoutATerminalItExitsTwoAndPrintsNoEscapes() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BrowseFixture.binary)
        process.arguments = ["--data", fixture.root.path]
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(stdout.isEmpty)
        #expect(stderr.contains("gazette list"))
        #expect(!stderr.utf8.contains(0x1B))
    }

    @Test func plantedEscapeSequencesNeverReachThePane() async throws {
        let session = try launch(gazette)
        try await waitForFirstFrame(session)
        // Capture from here on (the first frame legitimately clears the screen).
        let capture = fixture.root.appendingPathComponent("pane-bytes").path
        try session.run(["pipe-pane", "-o", "-t", TmuxSession.sessionName, "cat >> \(TmuxSession.shellQuote(capture))"])
        // The oldest article is the hostile one: G selects it and the reader draws it.
        try session.sendKeys("G")
        #expect(await session.waitFor(text: "end the hostile body"))
        let bytes = await waitForBytes(capture, containing: Array("Eight-bit CSI".utf8))
        #expect(!bytes.isEmpty, "nothing captured")
        for (name, planted) in BrowseFixture.plantedSequences {
            #expect(!bytes.contains(planted), "\(name) reached the terminal")
        }
        let title = try session.run(["display-message", "-p", "-t", TmuxSession.sessionName, "#{pane_title}"]).output
        #expect(!title.contains("owned"), "the pane title was changed: \(title)")
        let lines = try session.capture()
        #expect(row(lines, containing: "Clear") != nil && row(lines, containing: "screen, title") != nil, "the text around the escapes is still shown")
    }

    // MARK: - Helpers

    /// Polls the pane and its history for `text` (when the command ends, tmux may push the
    /// screen into history to say the pane is dead).
    func waitForOutput(_ session: TmuxSession, _ text: String) async -> Bool {
        for _ in 0..<1500 {
            if let lines = try? session.capture(scrollback: true), lines.contains(where: { $0.contains(text) }) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// Polls for a file the shell writes after gazette ends.
    func waitForFile(_ name: String) async -> String? {
        for _ in 0..<1000 {
            if let text = file(name), !text.isEmpty { return text }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return file(name)
    }

    /// Polls the pipe-pane capture until it holds `marker` (the pipe lags the pane a little).
    func waitForBytes(_ path: String, containing marker: [UInt8]) async -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<1000 {
            bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
            if bytes.contains(marker) { return bytes }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return bytes
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs as a contiguous run.
    func contains(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        for start in 0...(count - needle.count) where self[start] == needle[0] {
            if self[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
