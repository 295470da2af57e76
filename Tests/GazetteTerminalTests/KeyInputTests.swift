import GazetteUI
import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import GazetteTerminal

/// Feeds bytes through a pipe into an off-screen ncurses screen, so escape sequences are decoded
/// by ncurses itself (xterm-256color terminfo) and then by `KeyDecoder`.
private final class KeyPipe {
    let readEnd: Int32
    var writeEnd: Int32

    init() {
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    func send(_ bytes: String) {
        let utf8 = Array(bytes.utf8)
        _ = utf8.withUnsafeBytes { Glibc.write(writeEnd, $0.baseAddress, $0.count) }
    }

    func closeWriting() {
        if writeEnd >= 0 { close(writeEnd) }
        writeEnd = -1
    }

    deinit {
        close(readEnd)
        closeWriting()
    }
}

extension NcursesSuite {
@Suite("Key input through ncurses")
struct KeyInputTests {
    private func keys(for bytes: String, count: Int) throws -> [Key?] {
        let pipe = KeyPipe()
        let screen = try TerminalScreen.offscreen(width: 10, height: 3, inputDescriptor: pipe.readEnd)
        defer { screen.stop() }
        pipe.send(bytes)
        return (0..<count).map { _ in screen.readKey(timeoutMilliseconds: 500) }
    }

    @Test func arrowPageAndFunctionKeysAreDecoded() throws {
        let decoded = try keys(for: "\u{1b}OA\u{1b}OB\u{1b}[5~\u{1b}[6~\u{1b}OP\u{1b}[Z\u{1b}[3~", count: 7)
        #expect(decoded == [.up, .down, .pageUp, .pageDown, .function(1), .backTab, .delete])
    }

    @Test func textControlKeysAndBackspace() throws {
        let decoded = try keys(for: "q中\r\t\u{7f}\u{03}\u{1a}", count: 7)
        #expect(decoded == [.character("q"), .character("中"), .enter, .tab, .backspace, .control("c"), .control("z")])
    }

    @Test func loneEscapeArrivesAsEscape() throws {
        let start = ContinuousClock.now
        let decoded = try keys(for: "\u{1b}", count: 1)
        #expect(decoded == [.escape])
        // ESCDELAY is 25 ms, not ncurses' default second.
        #expect(ContinuousClock.now - start < .milliseconds(400))
    }

    @Test func timeoutIsNotClosedInput() throws {
        let pipe = KeyPipe()
        let screen = try TerminalScreen.offscreen(width: 10, height: 3, inputDescriptor: pipe.readEnd)
        defer { screen.stop() }
        #expect(screen.readKey(timeoutMilliseconds: 30) == nil)
        #expect(!screen.isInputClosed)
        pipe.send("x")
        #expect(screen.readKey(timeoutMilliseconds: 500) == .character("x"))
    }

    @Test func endOfInputIsReportedAsClosed() throws {
        let pipe = KeyPipe()
        let screen = try TerminalScreen.offscreen(width: 10, height: 3, inputDescriptor: pipe.readEnd)
        defer { screen.stop() }
        pipe.send("k")
        pipe.closeWriting()
        #expect(screen.readKey(timeoutMilliseconds: 500) == .character("k"))
        let start = ContinuousClock.now
        #expect(screen.readKey(timeoutMilliseconds: -1) == nil)
        #expect(screen.isInputClosed)
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test func devNullInputIsClosed() throws {
        let screen = try TerminalScreen.offscreen(width: 10, height: 3)
        defer { screen.stop() }
        #expect(screen.readKey(timeoutMilliseconds: 100) == nil)
        #expect(screen.isInputClosed)
    }
}
}
