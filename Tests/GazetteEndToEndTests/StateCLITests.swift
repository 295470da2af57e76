import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The reading state from the command line: durability under SIGKILL, two writers at once,
/// export/import, where the state lives, and data files left untouched.
@Suite final class StateCLITests {
    let archive: TemporaryArchive
    let stateDirectory: String
    /// Temporary files and directories the test made, removed when it ends.
    private var scratch: [String] = []

    init() throws {
        archive = try CLITests.makeArchive()
        stateDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("gz-state-\(UUID().uuidString)").path
        scratch.append(stateDirectory)
    }

    deinit {
        for path in scratch { try? FileManager.default.removeItem(atPath: path) }
    }

    /// A fresh temporary path (removed when the test ends).
    func temporary(_ prefix: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        scratch.append(path)
        return path
    }

    /// Runs `gazette` on the archive and state; the options go right after `tag` (everything after its `--` is the query).
    func gazette(_ arguments: [String], environment: [String: String]? = nil) throws -> CommandLineRun {
        let options = ["--data", archive.path, "--state", stateDirectory]
        let full = arguments.first == "tag" ? ["tag"] + options + arguments.dropFirst() : arguments + options
        return try CommandLineRun.gazette(full, environment: environment)
    }

    func stateOnly(_ arguments: [String], state: String? = nil) throws -> CommandLineRun {
        try CommandLineRun.gazette(arguments + ["--state", state ?? stateDirectory])
    }

    /// Ids of the two articles `tag:cia` matches.
    func ciaIDs() throws -> [String] {
        try gazette(["list", "tag:cia"]).stdout.split(separator: "\n").map { String($0.prefix(12)) }
    }

    /// Starts `gazette tag --batch` reading `lines`; its stdout is collected as it comes.
    final class BatchWriter: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var output = Data()

        init(lines: [String], arguments: [String]) throws {
            let input = FileManager.default.temporaryDirectory.appendingPathComponent("gz-batch-\(UUID().uuidString)")
            try Data(lines.joined(separator: "\n").appending("\n").utf8).write(to: input)
            // The child keeps its descriptor; the name can go now.
            defer { try? FileManager.default.removeItem(at: input) }
            process.executableURL = URL(fileURLWithPath: CommandLineRun.gazettePath)
            process.arguments = ["tag", "--batch"] + arguments
            process.standardInput = try FileHandle(forReadingFrom: input)
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let chunk = handle.availableData
                guard let self else { return }
                self.lock.withLock { self.output.append(chunk) }
            }
            try process.run()
        }

        /// Commands the child said were done (one line each, printed after its commit).
        var reportedDone: Int {
            lock.withLock { String(decoding: output, as: UTF8.self).filter { $0 == "\n" }.count }
        }
    }

    @Test func markingEveryArticleTakesAllNotAForgottenQuery() throws {
        let forgot = try gazette(["mark", "unread"])
        #expect(forgot.status != 0)
        #expect(forgot.stderr.contains("give a query, or --all to mark every article"), "\(forgot.stderr)")
        let all = try gazette(["mark", "read", "--all"])
        #expect(all.status == 0)
        #expect(all.stdout.hasSuffix("marked read\n") && !all.stdout.hasPrefix("0 "), "\(all.stdout)")
        #expect(try gazette(["list", "is:unread"]).stdout == "")
    }

    @Test func anArticleEditedInItsFileKeepsItsReadMarkAndTags() throws {
        // The bridge story has no Message-ID or Link: its id holds a digest of its text, so a
        // fixed typo gives it a new id. Its state must follow it, whichever command runs first.
        let environment = ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": temporary("gz-cache")]) { $1 }
        func listed(_ query: String) throws -> [[String: Any]] {
            let run = try gazette(["list", "--json", query], environment: environment)
            return (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]) ?? []
        }
        #expect(try gazette(["mark", "read", "Glienicke"], environment: environment).status == 0)
        #expect(try gazette(["tag", "+kept", "--", "Glienicke"], environment: environment).status == 0)
        let before = try #require(try listed("Glienicke").first)
        let path = archive.path + "/articles/bridge.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "wrote about it", with: "wrote about it at length").write(toFile: path, atomically: true, encoding: .utf8)
        // The first command to see the edit shows another article (and refreshes the snapshot,
        // which forgets the former id): the state moves then.
        let other = try gazette(["list", "--no-cache", "Zimmermann"], environment: environment).stdout.prefix(12)
        #expect(try gazette(["show", String(other)], environment: environment).status == 0)
        let after = try #require(try listed("Glienicke").first)
        #expect(after["id"] as? String != before["id"] as? String, "the edit changed the id")
        #expect(after["read"] as? Bool == true)
        #expect((after["userTags"] as? [String]) == ["kept"])
        // Nothing is left behind under the former id.
        let gc = try gazette(["state", "gc"], environment: environment)
        #expect(gc.stdout == "0 articles with state are not in the archive; --apply removes their state\n", "\(gc.stderr)")
    }

    @Test func sigkillAtRandomPointsLosesNoReportedChangeAndNeverCorrupts() async throws {
        let ids = try ciaIDs()
        #expect(ids.count == 2)
        var killedMidway = 0
        for round in 0..<12 {
            let lines = (0..<400).map { "+r\(round)n\($0) -- tag:cia" }
            let writer = try BatchWriter(lines: lines, arguments: ["--data", archive.path, "--state", stateDirectory])
            try await Task.sleep(for: .milliseconds(Int.random(in: 150...1500)))
            kill(writer.process.processIdentifier, SIGKILL)
            writer.process.waitUntilExit()
            try await Task.sleep(for: .milliseconds(50))  // the last bytes of the pipe
            let done = writer.reportedDone
            if done > 0 && done < lines.count && writer.process.terminationReason == .uncaughtSignal { killedMidway += 1 }
            let check = try stateOnly(["state", "check"])
            #expect(check.stdout == "ok\n", "round \(round): \(check.stdout) \(check.stderr)")
            let export = try stateOnly(["state", "export"]).stdout
            let articleLines = export.split(separator: "\n").filter { ids.contains(String($0.prefix(12))) }
            for n in 0..<done {
                for line in articleLines {
                    #expect(line.split(separator: "\t").contains("+r\(round)n\(n)"), "round \(round): change \(n) of \(done) reported done is missing")
                }
            }
        }
        #expect(killedMidway > 0, "no round was killed while it was writing")
    }

    @Test func twoWritersAtOnceLoseNoUpdate() throws {
        let ids = try ciaIDs()
        let writers = try ["a", "b"].map { side in
            try BatchWriter(lines: (0..<60).map { "+\(side)\($0) -- tag:cia" },
                            arguments: ["--data", archive.path, "--state", stateDirectory])
        }
        for writer in writers { writer.process.waitUntilExit() }
        #expect(writers.allSatisfy { $0.process.terminationStatus == 0 })
        let export = try stateOnly(["state", "export"]).stdout
        for line in export.split(separator: "\n") where ids.contains(String(line.prefix(12))) {
            let tags = Set(line.split(separator: "\t").filter { $0.hasPrefix("+") })
            #expect(tags.count == 120, "\(line)")
        }
    }

    @Test func exportImportExportIsIdentical() throws {
        #expect(try gazette(["tag", "+later", "-Mexico", "--", "tag:cia"]).status == 0)
        #expect(try gazette(["mark", "read", "year:2017"]).stdout == "1 article matched, 1 marked read\n")
        #expect(try stateOnly(["view", "add", "Later", "tag:later", "is:unread"]).status == 0)
        let first = try stateOnly(["state", "export"])
        #expect(first.status == 0)
        #expect(first.stdout.split(separator: "\n").count == 5)  // header, 3 articles, 1 view
        let file = URL(fileURLWithPath: temporary("gz-export"))
        try first.stdoutBytes.write(to: file)
        let other = temporary("gz-state")
        #expect(try stateOnly(["state", "import", file.path], state: other).stdout == "3 articles and 1 view read, 3 articles changed\n")
        #expect(try stateOnly(["state", "export"], state: other).stdout == first.stdout)
        #expect(try stateOnly(["state", "import", file.path], state: other).stdout == "3 articles and 1 view read, 0 articles changed\n")
        #expect(try stateOnly(["state", "export"], state: other).stdout == first.stdout)
        // And the state is what list --json reports.
        let json = try CommandLineRun.gazette(["list", "--json", "--view", "Later", "--data", archive.path, "--state", other]).stdout
        #expect(json.contains("\"userTags\" : [\n      \"later\"\n    ]"))
        #expect(json.contains("\"hiddenTags\" : [\n      \"Mexico\"\n    ]"))
    }

    @Test func stateLivesWhereXDGSaysUnlessTold() throws {
        let home = temporary("gz-home")
        let xdg = home + "/xdg"
        let path = try CommandLineRun.gazette(["state", "path"], environment: ["HOME": home, "XDG_STATE_HOME": xdg]).stdout
        #expect(path == "\(xdg)/gazette/state.sqlite\n")
        #expect(try CommandLineRun.gazette(["state", "path"], environment: ["HOME": home, "XDG_STATE_HOME": "relative"]).stdout
                == "\(home)/.local/state/gazette/state.sqlite\n")
        #expect(try CommandLineRun.gazette(["state", "path", "--state", "/elsewhere"], environment: ["HOME": home, "XDG_STATE_HOME": xdg]).stdout
                == "/elsewhere/state.sqlite\n")
        // A command that writes creates the store there; one that only reads creates nothing.
        #expect(try CommandLineRun.gazette(["list", "--data", archive.path], environment: ["HOME": home, "XDG_STATE_HOME": xdg]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: xdg))
        let marked = try CommandLineRun.gazette(["mark", "read", "tag:cia", "--data", archive.path], environment: ["HOME": home, "XDG_STATE_HOME": xdg])
        #expect(marked.stdout == "2 articles matched, 2 marked read\n")
        #expect(FileManager.default.fileExists(atPath: "\(xdg)/gazette/state.sqlite"))
        let read = try CommandLineRun.gazette(["list", "is:read", "--data", archive.path], environment: ["HOME": home, "XDG_STATE_HOME": xdg])
        #expect(read.stdout.split(separator: "\n").count == 2)
        let unread = try CommandLineRun.gazette(["list", "--view", "Unread", "--data", archive.path], environment: ["HOME": home, "XDG_STATE_HOME": xdg])
        #expect(unread.stdout.split(separator: "\n").count == 3)
    }

    @Test func stateCommandsNeverTouchADataFile() throws {
        func snapshot() throws -> [String: (Data, Date)] {
            var files: [String: (Data, Date)] = [:]
            let enumerator = FileManager.default.enumerator(atPath: archive.path)!
            while let relative = enumerator.nextObject() as? String {
                let path = archive.path + "/" + relative
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                files[relative] = (try Data(contentsOf: URL(fileURLWithPath: path)), attributes[.modificationDate] as! Date)
            }
            return files
        }
        let before = try snapshot()
        #expect(before.count == 4)
        let export = temporary("gz-export")
        let commands: [[String]] = [
            ["tag", "+x", "-Germany", "--", "tag:cryptanalysis"], ["mark", "read", "tag:cia"], ["mark", "unread", "year:2025"],
            ["list", "--json", "is:read"], ["show", "--json", try ciaIDs()[0]], ["tags", "tag:x"],
            ["state", "gc"], ["state", "gc", "--apply"],
        ]
        for command in commands {
            #expect(try gazette(command).status == 0, "\(command)")
        }
        try stateOnly(["state", "export"]).stdoutBytes.write(to: URL(fileURLWithPath: export))
        for command in [["state", "check"], ["state", "import", export], ["view", "add", "v", "tag:x"], ["view", "list", "--json"], ["view", "rm", "v"]] {
            #expect(try stateOnly(command).status == 0, "\(command)")
        }
        let after = try snapshot()
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, (data, date)) in before {
            #expect(after[path]?.0 == data, "\(path) changed")
            #expect(after[path]?.1 == date, "\(path) mtime changed")
        }
    }

    @Test func gcListsStateOfArticlesNoLongerThereAndRemovesItOnlyWhenAsked() throws {
        #expect(try gazette(["mark", "read", "tag:cia"]).status == 0)
        try FileManager.default.removeItem(atPath: archive.path + "/articles/nested/cartels.txt")
        let listed = try gazette(["state", "gc"])
        #expect(listed.stdout.hasSuffix("1 article with state is not in the archive; --apply removes its state\n"))
        #expect(try stateOnly(["state", "export"]).stdout.split(separator: "\n").count == 3)
        let applied = try gazette(["state", "gc", "--apply"])
        #expect(applied.stdout.hasSuffix("removed state of 1 article not in the archive\n"))
        #expect(try stateOnly(["state", "export"]).stdout.split(separator: "\n").count == 2)
    }

    @Test func badInputIsAClearMessage() throws {
        let noDashes = try gazette(["tag", "+x", "tag:cia"])
        #expect(noDashes.status != 0)
        #expect(noDashes.stderr.contains("'tag:cia' is not +tag or -tag (put the query after --)"))
        let file = URL(fileURLWithPath: temporary("gz-bad"))
        try Data("a1b2c3d4e5f6\tread\nzz\tmaybe\n".utf8).write(to: file)
        let bad = try stateOnly(["state", "import", file.path])
        #expect(bad.status == 1)
        #expect(bad.stderr == "gazette: \(file.path):2: expected 'read' or 'unread' after the id\n")
        let batch = try CommandLineRun.shell("printf '+a -- tag:cia\\n+b -- tag:(\\n' | \(CommandLineRun.gazettePath) tag --batch --data \(archive.path) --state \(stateDirectory)")
        #expect(batch.status == 2)
        #expect(batch.stderr == "gazette: stdin:2: bad query: column 1: empty value for 'tag:' (expected a tag)\n")
        let view = try gazette(["list", "--view", "nope"])
        #expect(view.status == 2)
        #expect(view.stderr == "gazette: no saved view named 'nope' (there are none; see gazette view add)\n")
    }
}
