import Foundation
import Testing

/// Reading state in the browser under tmux: it survives a restart, and another process's
/// changes show up without one.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
final class StateBrowseTests {
    let fixture: BrowseFixture
    let stateDirectory: String

    init() throws {
        fixture = try BrowseFixture()
        stateDirectory = fixture.root.appendingPathComponent(".state").path
    }

    deinit { fixture.remove() }

    var gazette: String {
        "\(TmuxSession.shellQuote(BrowseFixture.binary)) --data \(TmuxSession.shellQuote(fixture.root.path)) --state \(TmuxSession.shellQuote(stateDirectory))"
    }

    func launch(_ command: String? = nil) async throws -> TmuxSession {
        let session = try TmuxSession(
            command: "sh -c \(TmuxSession.shellQuote((command ?? gazette) + "; echo exit=$?; sleep 600"))", width: 120, height: 30,
            environment: ["LANG": "C.UTF-8", "TZ": "UTC"], directory: fixture.root.path)
        let shown = await session.waitFor(text: "of 5 articles")
        let screen = try session.capture().joined(separator: "\n")
        #expect(shown, "no first frame:\n\(screen)")
        return session
    }

    func quit(_ session: TmuxSession) async throws {
        try session.sendKeys("q")
        let ended = await session.waitFor(text: "exit=0")
        #expect(ended)
        session.kill()
    }

    /// The list row of the newest article (its date is on the row; the reader's heading has none).
    func row(_ session: TmuxSession, _ title: String) throws -> String? {
        try session.capture().first { $0.contains(title) && $0.contains("2024-03-09") }
    }

    @Test func anOpenedArticleIsStillReadAfterARestart() async throws {
        var session = try await launch()
        let title = BrowseFixture.titles[0]
        #expect(await session.waitFor(text: "5 of 5 articles, 5 unread"))
        #expect(try row(session, title)?.contains("●") == true)
        try session.sendKeys("Enter")  // opens the newest article in the reader
        #expect(await session.waitFor(text: "5 of 5 articles, 4 unread"))
        try await quit(session)

        session = try await launch()
        #expect(await session.waitFor(text: "5 of 5 articles, 4 unread"))
        let line = try #require(try row(session, title))
        #expect(!line.contains("●"), "\(line)")
        #expect(try session.capture().contains { $0.hasPrefix("  Unread") && $0.contains(" 4│") })
        try await quit(session)
        let read = try CommandLineRun.gazette(["list", "is:read", "--data", fixture.root.path, "--state", stateDirectory])
        #expect(read.stdout.contains(title))
    }

    @Test func aStarSurvivesARestartAndUndoTakesItBack() async throws {
        var session = try await launch()
        let title = BrowseFixture.titles[0]
        try session.sendKeys("*")
        #expect(await session.waitFor(text: "unread  Starred"))
        #expect(try row(session, title)?.contains("★") == true)
        try await quit(session)

        session = try await launch()
        let starred = try #require(try row(session, title))
        #expect(starred.contains("★"), "\(starred)")
        try session.sendKeys("u")
        #expect(await session.waitFor(text: "Nothing to undo"))  // undo history is per session
        try session.sendKeys("*")
        #expect(await session.waitFor(text: "Unstarred"))
        try session.sendKeys("u")
        #expect(await session.waitFor(text: "Undone: Unstarred"))
        #expect(try row(session, title)?.contains("★") == true)
        try await quit(session)
    }

    @Test func aStateDirectoryThatCannotBeWrittenStillBrowsesAndSaysSoOnce() async throws {
        // A file where the directory should be: not even root can create it.
        let blocked = fixture.root.appendingPathComponent(".blocked")
        try Data("x".utf8).write(to: blocked)
        let command = "\(TmuxSession.shellQuote(BrowseFixture.binary)) --data \(TmuxSession.shellQuote(fixture.root.path)) --state \(TmuxSession.shellQuote(blocked.path + "/gazette"))"
        let session = try await launch(command)
        #expect(await session.waitFor(text: "State is not saved: cannot create"))
        try session.sendKeys("*")
        #expect(await session.waitFor(text: "unread  Starred"), "the change still works for this session")
        #expect(try !session.capture().contains { $0.contains("State is not saved") }, "said once")
        try await quit(session)
    }

    @Test func aTagAddedByAnotherProcessShowsInTheSidebarWithoutARestart() async throws {
        let session = try await launch()
        #expect(try !session.capture().contains { $0.contains("fromcli") })
        let tagged = try CommandLineRun.gazette(["tag", "--data", fixture.root.path, "--state", stateDirectory, "+fromcli", "--", "tag:harbour"])
        #expect(tagged.stdout == "3 articles matched, 3 changed\n", "\(tagged.stderr)")
        // Polled twice a second; the generous timeout is for a loaded 2-core CI box.
        let shown = await session.waitUntil(timeout: .seconds(15)) { lines in
            lines.contains { $0.hasPrefix("  fromcli") && $0.contains(" 3│") }
        }
        let screen = try session.capture().joined(separator: "\n")
        #expect(shown, "sidebar:\n\(screen)")
        try await quit(session)
    }
}
