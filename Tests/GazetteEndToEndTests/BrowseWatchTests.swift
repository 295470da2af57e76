import Foundation
import GazetteCore
import Testing

/// The open browser vouches for the files to the CLI, and stops when it quits.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
struct BrowseWatchTests {
    @Test func theOpenBrowserServesTheWatcherSocketAndTheCLIStaysFresh() async throws {
        let fixture = try BrowseFixture()
        defer { fixture.remove() }
        let cache = fixture.root.appendingPathComponent(".cache").path
        let runtime = fixture.root.path + "-run"
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        let environment = ["LANG": "C.UTF-8", "TZ": "UTC", "XDG_CACHE_HOME": cache, "XDG_RUNTIME_DIR": runtime]
        let data = fixture.root.path
        let snapshot = SnapshotCache.path(for: [data], currentDirectory: FileManager.default.currentDirectoryPath, in: cache + "/gazette")
        let socket = try #require(WatchSocket.path(forSnapshot: snapshot, environment: environment, create: true))

        let command = "\(TmuxSession.shellQuote(BrowseFixture.binary)) --data \(TmuxSession.shellQuote(data))"
        let session = try TmuxSession(command: "sh -c \(TmuxSession.shellQuote(command))", width: 120, height: 40,
                                      environment: environment, directory: data)
        defer { session.kill() }
        #expect(await session.waitFor(text: "articles"))

        func clean() async -> Bool {
            for _ in 0..<400 {
                if case .clean? = WatchClient.ask(socketPath: socket, timeoutMilliseconds: 500) { return true }
                try? await Task.sleep(for: .milliseconds(50))
            }
            return false
        }
        var cli = ProcessInfo.processInfo.environment
        cli.merge(environment) { $1 }
        #expect(await clean(), "the browser vouches once it has compared the files with its snapshot")

        // Written while the browser vouches: the very next command sees it.
        try BrowseFixture.canonical(title: "Tugboat race on the estuary", date: "May 5, 2025", author: "Coast desk",
                                    category: "Local", tags: "Harbour", body: ["Six tugs raced to the bar and back."])
            .write(to: fixture.root.appendingPathComponent("articles/tugboat.txt"), atomically: false, encoding: .utf8)
        let listed = try CommandLineRun.gazette(["list", "tugboat", "--data", data], environment: cli)
        #expect(listed.stdout.contains("Tugboat race on the estuary"), "\(listed.stdout) \(listed.stderr)")
        #expect(await clean(), "and vouches again once its reload wrote the snapshot")
        let again = try CommandLineRun.gazette(["list", "tugboat", "--data", data], environment: cli)
        #expect(again.stdout == listed.stdout)

        try session.sendKeys("q")
        var gone = false
        for _ in 0..<100 where !gone {
            gone = access(socket, F_OK) != 0
            if !gone { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(gone, "quitting removes the socket")
    }
}
