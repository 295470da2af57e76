import Foundation
import Testing
@testable import GazetteCore

/// The watcher's socket: one line each way, private to its user, and every failure is no answer.
@Suite struct WatchProtocolTests {
    private let identity: [UInt64] = [2049, 1_234_567, 106_592_528, 1_764_543_661_123_456_789, 1_764_543_661_987_654_321]

    @Test func answersSurviveTheirLineAndNothingElseDoes() {
        for answer in [WatchProtocol.Answer.clean(snapshot: identity), .unknown] {
            #expect(WatchProtocol.decode(WatchProtocol.encode(answer).dropLast()) == answer)
        }
        let garbage = ["", "gazette-watch/1", "gazette-watch/2 unknown", "gazette-watch/1 clean 1 2 3 4",
                       "gazette-watch/1 clean 1 2 3 4 5 6", "gazette-watch/1 clean 1 2 -3 4 5", "gazette-watch/1 clean 1 2 3 4 x",
                       "gazette-watch/1 clean 1 2 3 4 99999999999999999999", "gazette-watch/1 unknown extra", "HTTP/1.1 200 OK",
                       "gazette-watch/1  clean 1 2 3 4 5", "gazette-watch/1 clean 1 2 3 4 ５"]
        for line in garbage { #expect(WatchProtocol.decode(line) == nil, "\(line)") }
    }

    @Test func aServerAnswersItsUserThroughAPrivateSocket() throws {
        let scratch = SnapshotScratch()
        let environment = ["XDG_RUNTIME_DIR": scratch.path]
        let socketPath = try #require(WatchSocket.path(forSnapshot: "/cache/snapshot-a.gzsnap", environment: environment, create: true))
        #expect(socketPath.hasPrefix(scratch.path + "/gazette/watch-") && socketPath.hasSuffix(".sock"))
        #expect(WatchSocket.path(forSnapshot: "/cache/snapshot-b.gzsnap", environment: environment, create: false) != socketPath)
        #expect(WatchClient.ask(socketPath: socketPath) == nil, "no watcher yet")

        let answer = LockedValue(WatchProtocol.Answer.unknown)
        let server = try WatchServer(socketPath: socketPath) { answer.value }
        defer { server.stop() }
        #expect(WatchClient.ask(socketPath: socketPath) == .unknown)
        answer.set(.clean(snapshot: identity))
        #expect(WatchClient.ask(socketPath: socketPath) == .clean(snapshot: identity))

        var info = stat()
        #expect(lstat(scratch.path + "/gazette", &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(lstat(socketPath, &info) == 0 && info.st_mode & S_IFMT == S_IFSOCK && info.st_mode & 0o777 == 0o600)

        // A directory others may enter is never used.
        chmod(scratch.path + "/gazette", 0o755)
        #expect(WatchSocket.path(forSnapshot: "/cache/snapshot-a.gzsnap", environment: environment, create: false) == nil)
        chmod(scratch.path + "/gazette", 0o700)
    }

    @Test func oneWatcherPerSocketAndADeadOnesSocketIsTakenOver() throws {
        let scratch = SnapshotScratch()
        let socketPath = scratch.child("watch.sock")
        let first = try WatchServer(socketPath: socketPath) { .unknown }
        #expect(throws: WatchServerError.self) { try WatchServer(socketPath: socketPath) { .unknown } }
        #expect(WatchClient.ask(socketPath: socketPath) == .unknown, "the first one still answers")
        first.stop()
        #expect(access(socketPath, F_OK) != 0, "stopping removes the socket")

        // A socket file nobody listens on (a watcher killed with SIGKILL leaves one).
        try Self.bindWithoutListening(socketPath)
        #expect(WatchClient.ask(socketPath: socketPath) == nil)
        let second = try WatchServer(socketPath: socketPath) { .clean(snapshot: [1, 2, 3, 4, 5]) }
        defer { second.stop() }
        #expect(WatchClient.ask(socketPath: socketPath) == .clean(snapshot: [1, 2, 3, 4, 5]))
    }

    @Test func aGarbledSilentOrWrongServerIsNoAnswer() throws {
        let scratch = SnapshotScratch()
        // A plain file where the socket should be.
        _ = FileManager.default.createFile(atPath: scratch.child("file.sock"), contents: Data("gazette-watch/1 unknown\n".utf8))
        #expect(WatchClient.ask(socketPath: scratch.child("file.sock")) == nil)

        for reply in ["HTTP/1.1 400 Bad Request\r\n\r\n", "gazette-watch/2 clean 1 2 3 4 5\n", String(repeating: "x", count: 5000),
                      "gazette-watch/1 clean 1 2 3 4 5\ngazette-watch/1 unknown\n", "", nil] {
            let path = scratch.child("fake-\(UUID().uuidString.prefix(8)).sock")
            let fake = try FakeServer(path: path, reply: reply)
            let started = ContinuousClock.now
            #expect(WatchClient.ask(socketPath: path, timeoutMilliseconds: 100) == nil, "\(String(describing: reply?.prefix(40)))")
            #expect(ContinuousClock.now - started < .seconds(2), "the client gives up on its own")
            fake.stop()
        }
    }

    static func bindWithoutListening(_ path: String) throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        let address = try #require(WatchSocket.address(path))
        #expect(WatchSocket.withSocketAddress(address) { bind(descriptor, $0, $1) } == 0)
        close(descriptor)
    }
}

/// A socket that answers every connection with `reply` (or nothing, when nil), whatever is asked.
private final class FakeServer: Sendable {
    private let listener: Int32
    private let done = DispatchSemaphore(value: 0)

    init(path: String, reply: String?) throws {
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        let address = try #require(WatchSocket.address(path))
        let bound = WatchSocket.withSocketAddress(address) { bind(listener, $0, $1) } == 0 && listen(listener, 4) == 0
        try #require(bound)
        let done = done
        Thread {
            let connection = accept(listener, nil, nil)
            if connection >= 0 {
                if let reply { _ = WatchSocket.send(connection, reply) }
                // Held open past the client's timeout, so silence is silence and not end of file.
                usleep(300_000)
                close(connection)
            }
            done.signal()
        }.start()
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        done.wait()
    }
}
