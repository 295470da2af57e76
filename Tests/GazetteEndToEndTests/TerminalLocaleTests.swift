import Foundation
import Testing

/// The browser under a non-UTF-8 locale and on a terminal that cannot move the cursor.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
final class TerminalLocaleTests {
    let archive: TemporaryArchive

    init() throws {
        archive = try TemporaryArchive()
        try archive.write("zurich.txt", "Title: Zürich café files\nDate: 2020-01-02\n\nCouriers met at the café.\n")
        try archive.write("frost.txt", "Title: A late frost\nDate: 2020-01-01\n\nThe blossom blackened.\n")
    }

    func launch(_ script: String, term: String = "xterm-256color", environment: [String: String]) throws -> TmuxSession {
        try TmuxSession(command: "sh -c \(TmuxSession.shellQuote(script))", width: 100, height: 24, term: term,
                        environment: environment.merging(["TZ": "UTC", "PS1": "$ "]) { $1 }, directory: archive.path)
    }

    var gazette: String { "\(TmuxSession.shellQuote(BrowseFixture.binary)) --data \(TmuxSession.shellQuote(archive.path))" }

    func screen(_ session: TmuxSession) -> String {
        ((try? session.capture(scrollback: true)) ?? []).joined(separator: "\n")
    }

    func waitForScrollback(_ session: TmuxSession, _ text: String) async -> Bool {
        await session.waitUntil { _ in
            (try? session.capture(scrollback: true))?.contains { $0.contains(text) } == true
        }
    }

    @Test func underLCAllCNonASCIIIsDrawnAndTypedAndKeysKeepComing() async throws {
        let session = try launch("\(gazette); echo exit=$?", environment: ["LC_ALL": "C", "LANG": "C"])
        #expect(await session.waitFor(text: "2 of 2 articles"), "\(screen(session))")
        #expect(try session.capture().contains { $0.contains("Zürich café files") }, "wide text drawn as itself")
        try session.sendKeys("/")
        try session.type("é")
        #expect(await session.waitFor(text: "/é"), "\(screen(session))")
        // Keys keep coming after the non-ASCII one: erase it and search.
        try session.sendKeys("BSpace")
        try session.type("frost")
        #expect(await session.waitFor(text: "1 of 2 articles"), "\(screen(session))")
        try session.sendKeys("C-c")
        #expect(await waitForScrollback(session, "exit=0"))
    }

    @Test func aStrayNonUTF8ByteDoesNotStopTheKeys() async throws {
        // A Latin-1 terminal sends é as the single byte 0xE9, which no UTF-8 decoder accepts.
        let session = try launch("\(gazette); echo exit=$?", environment: ["LANG": "C.UTF-8"])
        #expect(await session.waitFor(text: "2 of 2 articles"))
        try session.sendKeys("/")
        try session.run(["send-keys", "-t", TmuxSession.sessionName, "-H", "e9"])
        try session.type("frost")
        #expect(await session.waitFor(text: "1 of 2 articles"), "\(screen(session))")
        try session.sendKeys("C-c")
        #expect(await waitForScrollback(session, "exit=0"))
    }

    @Test func aDumbTerminalIsRefusedWithStatusTwo() async throws {
        let session = try launch("\(gazette) 2> err; echo exit=$?", term: "dumb", environment: ["LANG": "C.UTF-8"])
        #expect(await waitForScrollback(session, "exit=2"), "\(screen(session))")
        let errors = try String(contentsOf: archive.root.appendingPathComponent("err"), encoding: .utf8)
        #expect(errors == "gazette: terminal type 'dumb' cannot move the cursor, which the terminal UI needs; try TERM=xterm-256color, or use `gazette list`\n")
    }
}
