import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The mouse, links, the clipboard and the pipe, driven through a real terminal (tmux): mouse
/// reports are written into the pane as the terminal would send them.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
final class InteractEndToEndTests {
    let fixture: BrowseFixture
    let stubs: URL
    static let linkedTitle = "Tunnel files released"

    init() throws {
        fixture = try BrowseFixture()
        try """
            Title: \(Self.linkedTitle)
            Date: June 1, 2025
            Author: Archive desk
            Link: https://example.org/tunnel?id=7&lang=en

            The files (see https://archive.example.org/gold_(1956)) were opened today.
            """.write(to: fixture.root.appendingPathComponent("articles/tunnel.txt"), atomically: true, encoding: .utf8)
        // A hidden folder: the loader skips it.
        stubs = fixture.root.appendingPathComponent(".bin")
        try FileManager.default.createDirectory(at: stubs, withIntermediateDirectories: true)
        let record = fixture.root.appendingPathComponent("browser-args").path
        let stub = stubs.appendingPathComponent("stub-browser").path
        let script = "#!/bin/sh\nprintf '%s\\n' \"$@\" > \(record).tmp && mv \(record).tmp \(record)\n"
        Self.writeScript(stub, script)
        // An "editor" that records its arguments and adds a paragraph to the file it is given.
        let editorRecord = fixture.root.appendingPathComponent("editor-args").path
        Self.writeScript(stubs.appendingPathComponent("stub-editor").path,
                         "#!/bin/sh\nprintf '%s\\n' \"$@\" > \(editorRecord)\nfor last; do :; done\nprintf '\\n\\nAdded in the editor.\\n' >> \"$last\"\n")
    }

    /// An executable script written through a close-on-exec descriptor (no ETXTBSY from a fork elsewhere).
    static func writeScript(_ path: String, _ script: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        _ = Array(script.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    deinit { fixture.remove() }

    func launch(term: String = "xterm-256color") throws -> TmuxSession {
        // PATH is set in the command: tmux's own PATH wins over `new-session -e PATH=…`.
        let gazette = "PATH=\(TmuxSession.shellQuote(stubs.path)):$PATH \(TmuxSession.shellQuote(BrowseFixture.binary)) --data \(TmuxSession.shellQuote(fixture.root.path))"
        return try TmuxSession(
            command: "sh -c \(TmuxSession.shellQuote(gazette + "; echo exit=$?; sleep 600"))", width: 120, height: 40, term: term,
            environment: ["LANG": "C.UTF-8", "TZ": "UTC", "BROWSER": "stub-browser --new-tab", "EDITOR": "stub-editor", "VISUAL": "",
                          "XDG_STATE_HOME": fixture.root.appendingPathComponent(".state").path],
            directory: fixture.root.path)
    }

    func firstFrame(_ session: TmuxSession) async throws {
        let shown = await session.waitFor(text: "6 of 6 articles")
        #expect(shown, "no first frame:\n\(Self.screen(session))")
    }

    /// Writes an SGR press and release of the left button at 0-based cell (x, y).
    func click(_ session: TmuxSession, x: Int, y: Int) throws {
        try session.type("\u{1B}[<0;\(x + 1);\(y + 1)M\u{1B}[<0;\(x + 1);\(y + 1)m")
    }

    func paneFlag(_ session: TmuxSession, _ name: String) throws -> String {
        try session.run(["display-message", "-p", "-t", TmuxSession.sessionName, "#{\(name)}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: ["xterm-256color", "tmux-256color"])
    func clickingARowSelectsItAndAValueFilters(term: String) async throws {
        let session = try launch(term: term)
        try await firstFrame(session)
        #expect(try paneFlag(session, "mouse_sgr_flag") == "1", "SGR mouse mode is on")
        let lines = try session.capture()
        let frostRow = try #require(lines.firstIndex { $0.contains(BrowseFixture.titles[2]) })
        try click(session, x: 60, y: frostRow)
        let opened = await session.waitFor(text: "A late frost blackened the blossom")
        #expect(opened, "the clicked article is in the reader (\(term)):\n\(Self.screen(session))")
        // The sidebar (first 24 columns): a value is included by a click.
        let farming = try #require(try session.capture().firstIndex { $0.prefix(24).contains("Farming") })
        try click(session, x: 3, y: farming)
        let filtered = await session.waitFor(text: "1 of 6 articles")
        #expect(filtered, "a click on Farming includes it:\n\(Self.screen(session))")
        try session.sendKeys("q")
        let ended = await session.waitFor(text: "exit=0")
        #expect(ended)
        #expect(try paneFlag(session, "mouse_sgr_flag") == "0", "mouse mode is off once Gazette has gone")
        #expect(try paneFlag(session, "mouse_any_flag") == "0")
    }

    @Test func oStartsTheBrowserWithTheLinkAndYCopiesIt() async throws {
        let session = try launch()
        try await firstFrame(session)
        let listed = await session.waitFor(text: "[1] https://example.org/tunnel?id=7&lang=en")
        #expect(listed, "the reader lists the links:\n\(Self.screen(session))")
        let record = fixture.root.appendingPathComponent("browser-args").path
        try session.sendKeys("o")
        let first = await Self.waitForFile(record)
        #expect(first == "--new-tab\nhttps://example.org/tunnel?id=7&lang=en\n", "\(Self.screen(session))")
        try FileManager.default.removeItem(atPath: record)
        try session.type("2o")
        #expect(await Self.waitForFile(record) == "--new-tab\nhttps://archive.example.org/gold_(1956)\n")
        // tmux takes OSC 52 into a buffer when set-clipboard is on: what `y` sent, decoded.
        try session.run(["set-option", "-g", "set-clipboard", "on"])
        try session.sendKeys("y")
        var copied = ""
        for _ in 0..<60 where copied.isEmpty {
            copied = (try? session.run(["show-buffer"]).output) ?? ""
            if copied.isEmpty { try await Task.sleep(for: .milliseconds(250)) }
        }
        #expect(copied == "https://example.org/tunnel?id=7&lang=en")
        try session.sendKeys("q")
    }

    @Test func pipeRoundTripAndTheScreenComesBack() async throws {
        let session = try launch()
        try await firstFrame(session)
        try session.type("|")
        #expect(await session.waitFor(text: "Pipe to"))
        // Outside the data directory's loaded files (a hidden folder): a new .txt there would be an article.
        try session.type("wc -l > .bin/count.txt")
        try session.sendKeys("Enter")
        let asked = await session.waitFor(text: "Press Enter to return to Gazette")
        #expect(asked, "\(Self.screen(session))")
        #expect(try paneFlag(session, "mouse_sgr_flag") == "0", "no mouse reports while the command has the terminal")
        try session.sendKeys("Enter")
        let back = await session.waitFor(text: "| wc -l > .bin/count.txt: done")
        #expect(back, "\(Self.screen(session))")
        #expect(try paneFlag(session, "mouse_sgr_flag") == "1")
        let count = try String(contentsOf: stubs.appendingPathComponent("count.txt"), encoding: .utf8)
        // Title, date line, blank, the body's paragraph, the Links list…: as `gazette show` prints it.
        let lines = try #require(Int(count.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(lines >= 4)
        try session.sendKeys("q")
    }

    @Test func eEditsTheSourceFileAndTheReaderShowsTheChange() async throws {
        let session = try launch()
        try await firstFrame(session)
        try session.sendKeys("e")
        let edited = await session.waitFor(text: "Added in the editor.")
        #expect(edited, "the file is read again after the editor:\n\(Self.screen(session))")
        let arguments = await Self.waitForFile(fixture.root.appendingPathComponent("editor-args").path)
        #expect(arguments == fixture.root.appendingPathComponent("articles/tunnel.txt").path + "\n", "no +LINE for line 1 nor an unknown editor")
        #expect(try paneFlag(session, "mouse_sgr_flag") == "1")
        try session.sendKeys("q")
    }

    @Test func killedByASignalItLeavesMouseModeOff() async throws {
        let session = try launch()
        try await firstFrame(session)
        #expect(try paneFlag(session, "mouse_any_flag") == "1")
        let pid = try #require(fixture.gazettePID())
        kill(pid, SIGTERM)
        #expect(await session.waitFor(text: "exit=143"), "\(Self.screen(session))")
        #expect(try paneFlag(session, "mouse_sgr_flag") == "0", "the C handler turned mouse mode off")
        #expect(try paneFlag(session, "mouse_any_flag") == "0")
    }

    static func screen(_ session: TmuxSession) -> String {
        ((try? session.capture()) ?? []).joined(separator: "\n")
    }

    static func waitForFile(_ path: String) async -> String? {
        for _ in 0..<120 {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return text }
            try? await Task.sleep(for: .milliseconds(250))
        }
        return nil
    }
}
