import Foundation
import Testing

/// The browser started with a config file, under tmux: a rebound key, a theme's colours, the
/// help showing the live keys, and a `:` command.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
final class ConfigBrowseTests {
    let fixture: BrowseFixture

    init() throws { fixture = try BrowseFixture() }
    deinit { fixture.remove() }

    /// Writes `text` as the config file under a hidden folder of the fixture (the loader skips it).
    func writeConfig(_ text: String) throws -> String {
        let directory = fixture.root.appendingPathComponent(".config/gazette")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("config.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func launch(_ arguments: String) throws -> TmuxSession {
        let script = "\(TmuxSession.shellQuote(BrowseFixture.binary)) \(arguments) --data \(TmuxSession.shellQuote(fixture.root.path)); echo exit=$?"
        return try TmuxSession(
            command: "sh -c \(TmuxSession.shellQuote(script))", width: 120, height: 40,
            environment: ["LANG": "C.UTF-8", "TZ": "UTC", "XDG_STATE_HOME": fixture.root.appendingPathComponent(".state").path,
                          "XDG_CONFIG_HOME": fixture.root.appendingPathComponent(".config").path,
                          // The test runner may set NO_COLOR; an empty value asks for nothing.
                          "NO_COLOR": "", "COLORTERM": ""],
            directory: fixture.root.path)
    }

    /// Polls the pane and its history (the screen moves there once the command ends) for `text`.
    func waitForOutput(_ session: TmuxSession, _ text: String) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let lines = try? session.capture(scrollback: true), lines.contains(where: { $0.contains(text) }) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// The pane with its colours as SGR escapes.
    func captureWithColours(_ session: TmuxSession) throws -> String {
        try session.run(["capture-pane", "-p", "-e", "-t", TmuxSession.sessionName]).output
    }

    @Test func theDefaultConfigFileRebindsKeysAndColoursTheScreen() async throws {
        _ = try writeConfig("""
            # Help on F2 instead of ?, and a red accent over the light theme.
            [keys]
            F2 = "help"
            "?" = "none"
            [keys.list]
            "J" = "move-down"

            [theme]
            name = "light"
            accent = "#d70000 bold"
            """)
        let session = try launch("")
        let started = await session.waitFor(text: "5 of 5 articles")
        #expect(started, "\((try? session.capture())?.joined(separator: "\n") ?? "")")
        // The list header ("Date  Title") is drawn in the accent role: xterm colour 160 is #d70000.
        let coloured = try captureWithColours(session)
        #expect(coloured.contains("38;5;160"), "accent in colour 160:\n\(coloured.prefix(2000))")

        try session.sendKeys("?")
        try session.sendKeys("J")
        // J (bound in the list) selected the second article: the reader shows it too, its title twice on screen.
        #expect(await session.waitUntil { lines in lines.filter { $0.contains(BrowseFixture.titles[1]) }.count == 2 })
        #expect(try !session.capture().contains { $0.contains(" Keys ") }, "? is unbound")

        try session.sendKeys("F2")
        #expect(await session.waitFor(text: " Keys "))
        let help = try session.capture()
        #expect(help.contains { $0.contains("F2") && $0.contains("This help") }, "the help lists the rebound key:\n\(help.joined(separator: "\n"))")
        try session.sendKeys("q")
        #expect(await session.waitUntil { lines in !lines.contains { $0.contains(" Keys ") } })

        // The command line: sort by title, then quit by name.
        try session.sendKeys(":")
        try session.type("sort title")
        try session.sendKeys("Enter")
        #expect(await session.waitFor(text: "sort: title"))
        try session.sendKeys(":")
        try session.type("quit")
        try session.sendKeys("Enter")
        #expect(await waitForOutput(session, "exit=0"))
    }

    @Test func aBrokenConfigFileStopsBeforeTheScreenWithItsLine() async throws {
        let path = try writeConfig("[keys]\nj = \"move-dwon\"\n")
        let session = try launch("--config \(TmuxSession.shellQuote(path))")
        #expect(await waitForOutput(session, "exit=2"))
        // The message wraps at the pane's width: -J joins wrapped lines back (keeping their spaces).
        let text = try session.run(["capture-pane", "-p", "-J", "-S", "-", "-t", TmuxSession.sessionName]).output
        #expect(text.contains("gazette: \(path):2: keys.j: 'move-dwon' is not an action"), "\(text)")
    }
}
