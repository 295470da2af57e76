import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import GazetteTerminal

@Suite("Starting without a terminal")
struct NotATerminalTests {
    @Test func pipesAreRejectedWithoutWritingAnything() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let devNull = open("/dev/null", O_RDONLY)
        defer { close(devNull) }
        #expect(throws: TerminalError.notATerminal) {
            _ = try TerminalScreen.start(colors: .automatic, inputDescriptor: devNull, outputDescriptor: fds[1])
        }
        // Not a single escape byte went to the output.
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        var byte: UInt8 = 0
        #expect(read(fds[0], &byte, 1) == -1)
    }

    @Test func theMessageSuggestsTheListCommand() {
        #expect(TerminalError.notATerminal.description.contains("gazette list"))
        #expect(TerminalError.badTerm("vt999").description.contains("vt999"))
    }
}
