import Foundation
import GazetteCore
import Testing

/// `gazette watch` as users run it: a background process the CLI asks, never trusted blindly.
@Suite(.serialized) struct WatchCommandTests {
    /// A private cache and runtime directory, so the watcher's socket is the test's own.
    private final class Setup {
        let archive: TemporaryArchive
        let environment: [String: String]
        let socketPath: String

        init() throws {
            archive = try CLITests.makeArchive()
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_CACHE_HOME"] = archive.path + "-cache"
            environment["XDG_RUNTIME_DIR"] = archive.path + "-run"
            try FileManager.default.createDirectory(atPath: archive.path + "-run", withIntermediateDirectories: true)
            self.environment = environment
            let snapshot = SnapshotCache.path(for: [archive.path], currentDirectory: FileManager.default.currentDirectoryPath,
                                              in: archive.path + "-cache/gazette")
            socketPath = try #require(WatchSocket.path(forSnapshot: snapshot, environment: environment, create: true))
        }

        deinit {
            try? FileManager.default.removeItem(atPath: archive.path + "-cache")
            try? FileManager.default.removeItem(atPath: archive.path + "-run")
        }

        /// Starts `gazette watch` in the background; its stderr goes to `log`.
        func startWatcher(log: String) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLineRun.gazettePath)
            process.arguments = ["watch", "--data", archive.path]
            process.environment = environment
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            process.standardOutput = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            return process
        }

        /// True once the watcher vouches for the files (it has written the snapshot and compared).
        func waitUntilClean(seconds: Int = 20) -> Bool {
            let deadline = ContinuousClock.now + .seconds(seconds)
            while ContinuousClock.now < deadline {
                if case .clean? = WatchClient.ask(socketPath: socketPath, timeoutMilliseconds: 500) { return true }
                usleep(50_000)
            }
            return false
        }

        func gazette(_ arguments: [String]) throws -> CommandLineRun {
            try CommandLineRun.gazette(arguments + ["--data", archive.path], environment: environment)
        }

        /// Every command's answer equals a fresh read of every file.
        func expectFresh(_ moment: String, id: String) throws {
            for command in [["list"], ["list", "telegram", "--limit", "20"], ["tags"], ["show", id]] {
                let cold = try gazette(command + ["--no-cache"])
                let warm = try gazette(command)
                #expect(warm.status == cold.status && warm.stdout == cold.stdout && warm.stderr == cold.stderr, "\(moment) \(command): \(warm.stderr)")
            }
        }
    }

    @Test func answersStayFreshWhileTheWatcherRunsAndAfterItDies() throws {
        let setup = try Setup()
        let log = setup.archive.path + "-watch.log"
        defer { unlink(log) }
        let watcher = try setup.startWatcher(log: log)
        defer { if watcher.isRunning { kill(watcher.processIdentifier, SIGKILL) } }
        #expect(setup.waitUntilClean(), "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        let id = try #require(setup.gazette(["list", "telegram"]).stdout.split(separator: " ").first.map(String.init))

        // Edits land while the watcher vouches; the very next command must see them.
        let path = setup.archive.path + "/articles/zimmermann.txt"
        for round in 0..<6 {
            #expect(setup.waitUntilClean(), "round \(round)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let edited = text.contains("telegram proposing") ? text.replacingOccurrences(of: "telegram proposing", with: "telegraf proposing")
                : text.replacingOccurrences(of: "telegraf proposing", with: "telegram proposing")
            try edited.write(toFile: path, atomically: false, encoding: .utf8)
            try setup.expectFresh("round \(round), edited in place", id: id)
            #expect(setup.waitUntilClean(), "round \(round), after the edit")
            try setup.archive.write("articles/round-\(round).txt", "Title: Round \(round) telegram\nDate: 2018-0\(round + 1)-02\n\nA cable.\n")
            try setup.expectFresh("round \(round), added", id: id)
            #expect(setup.waitUntilClean(), "round \(round), after the addition")
            unlink(setup.archive.path + "/articles/round-\(round).txt")
            try setup.expectFresh("round \(round), deleted", id: id)
        }

        // One watcher per set of directories.
        let second = try setup.gazette(["watch"])
        #expect(second.status == 1 && second.stderr.contains("another watcher already serves"), "\(second.stderr)")

        // Killed outright: its socket file stays behind, unanswered; commands check the files themselves.
        kill(watcher.processIdentifier, SIGKILL)
        watcher.waitUntilExit()
        #expect(access(setup.socketPath, F_OK) == 0 && WatchClient.ask(socketPath: setup.socketPath) == nil)
        try setup.archive.write("articles/after.txt", "Title: After the watcher telegram\nDate: 2018-09-02\n\nA cable.\n")
        try setup.expectFresh("after the watcher was killed", id: id)

        // A new watcher takes the dead one's socket over; SIGTERM stops it cleanly.
        let again = try setup.startWatcher(log: log)
        #expect(setup.waitUntilClean())
        try setup.expectFresh("with the second watcher", id: id)
        kill(again.processIdentifier, SIGTERM)
        again.waitUntilExit()
        #expect(again.terminationStatus == 0)
        #expect(access(setup.socketPath, F_OK) != 0, "the socket is removed on the way out")
    }
}
