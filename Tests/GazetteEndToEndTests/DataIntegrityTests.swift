import Foundation
import Testing

/// "Gazette never writes a data file": every byte, size and modification time of a data tree is
/// the same after each command and after a whole UI session as before.
@Suite(.serialized) struct DataIntegrityTests {
    /// What can change about an entry of the tree: kind, bytes (files), link target, mtime.
    struct Entry: Equatable, CustomStringConvertible {
        var kind: String
        var contents: Data
        var modified: Date?

        var description: String { "\(kind), \(contents.count) bytes, modified \(modified.map { "\($0.timeIntervalSince1970)" } ?? "?")" }
    }

    /// Every entry under `root` (directories too: a file created or removed changes its folder).
    static func snapshot(_ root: String) throws -> [String: Entry] {
        var entries: [String: Entry] = [:]
        let manager = FileManager.default
        func visit(_ relative: String) throws {
            let path = relative.isEmpty ? root : root + "/" + relative
            let attributes = try manager.attributesOfItem(atPath: path)
            let type = attributes[.type] as? FileAttributeType
            let modified = attributes[.modificationDate] as? Date
            switch type {
            case .typeDirectory?:
                entries[relative] = Entry(kind: "directory", contents: Data(), modified: modified)
                for name in try manager.contentsOfDirectory(atPath: path).sorted() {
                    try visit(relative.isEmpty ? name : relative + "/" + name)
                }
            case .typeSymbolicLink?:
                let target = try manager.destinationOfSymbolicLink(atPath: path)
                entries[relative] = Entry(kind: "link", contents: Data(target.utf8), modified: modified)
            default:
                entries[relative] = Entry(kind: "file", contents: try Data(contentsOf: URL(fileURLWithPath: path)), modified: modified)
            }
        }
        try visit("")
        return entries
    }

    /// Lines naming what differs between two snapshots.
    static func differences(_ before: [String: Entry], _ after: [String: Entry]) -> [String] {
        Set(before.keys).union(after.keys).sorted().compactMap { key in
            switch (before[key], after[key]) {
            case (nil, let new?): "created \(key): \(new)"
            case (let old?, nil): "removed \(key): \(old)"
            case (let old?, let new?) where old != new: "changed \(key): \(old) → \(new)"
            default: nil
            }
        }
    }

    /// The CLI archive plus what makes a loader write if it ever would: a duplicate, an undated
    /// article, a file with a bad date, a link and a directory named like an article.
    static func makeTree() throws -> TemporaryArchive {
        let archive = try CLITests.makeArchive()
        try archive.write("extra/copy.txt", try Data(contentsOf: archive.root.appendingPathComponent("articles/zimmermann.txt")))
        try archive.write("extra/undated.txt", "Title: A letter without a date\n\nDear editor.\n")
        try archive.write("extra/bad-date.txt", "Title: Bad date\nDate: \u{1B}[2J\n\nBody.\n")
        try archive.write("extra/crlf.txt", "Title: Windows file\r\nDate: 2020-02-02\r\n\r\nBody.\r\n")
        // Read by inflating in memory, never by unpacking beside the original.
        try archive.write("extra/2003-June.txt.gz", try RealArchiveBrowseTests.gzip(Data("From ada at example.org  Tue Jun  3 10:22:01 2003\nFrom: ada at example.org\nSubject: Zipped\nDate: Tue, 03 Jun 2003 10:22:01 +0200\n\nBody.\n".utf8)))
        try archive.write("extra/ap880212", "<DOC>\n<DOCNO> AP880212-0001 </DOCNO>\n<HEAD>Wire</HEAD>\n<TEXT>\nBody.\n</TEXT>\n</DOC>\n")
        try FileManager.default.createDirectory(atPath: archive.path + "/extra/folder.txt", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: archive.path + "/extra/link.txt", withDestinationPath: archive.path + "/articles/bridge.txt")
        // Old times, so a rewrite "in the same second" would still show.
        let old = Date(timeIntervalSince1970: 1_500_000_000)
        for (path, _) in try snapshot(archive.path) where !path.hasSuffix("link.txt") {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path.isEmpty ? archive.path : archive.path + "/" + path)
        }
        return archive
    }

    @Test func noCommandChangesTheDataTree() throws {
        let archive = try Self.makeTree()
        let before = try Self.snapshot(archive.path)
        let id = String(try CommandLineRun.gazette(["list", "--data", archive.path]).stdout.prefix(12))
        let commands: [[String]] = [
            ["list"], ["list", "--json"], ["list", "cartel*", "--sort", "relevance"], ["list", "--limit", "1", "--sort", "title"],
            ["tags"], ["tags", "--facet", "category"], ["tags", "--facet", "author", "--json"], ["tags", "--facet", "year"],
            ["show", id], ["show", id, "--json"], ["show", id, "--width", "20"], ["show", "ffffffffffff"],
            ["check"], ["browse"], [], ["list", "\"unclosed"],
        ]
        for command in commands {
            _ = try CommandLineRun.gazette(command + ["--data", archive.path])
            let after = try Self.snapshot(archive.path)
            if after != before {
                Issue.record("gazette \(command.joined(separator: " ")) changed the data tree:\n\(Self.differences(before, after).joined(separator: "\n"))")
            }
        }
        // The snapshot really sees a change (a touch, here), so the checks above mean something.
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: archive.path + "/articles/bridge.txt")
        #expect(Self.differences(before, try Self.snapshot(archive.path)).count == 1)
    }

    static func screen(_ session: TmuxSession) -> String {
        (try? session.capture())?.joined(separator: "\n") ?? "(no capture)"
    }

    @Test(.enabled(if: TmuxSession.isAvailable))
    func aUISessionChangesNothingAndShowsHostileWarningsSafely() async throws {
        let archive = try Self.makeTree()
        let before = try Self.snapshot(archive.path)
        let count = try CommandLineRun.gazette(["list", "--data", archive.path]).stdout.split(separator: "\n").count
        // Run from another directory, so the session's own files (none expected) cannot land in the tree.
        let workdir = try TemporaryArchive()
        let command = "\(TmuxSession.shellQuote(CommandLineRun.gazettePath)) --data \(TmuxSession.shellQuote(archive.path)); echo exit=$?"
        let session = try TmuxSession(command: "sh -c \(TmuxSession.shellQuote(command))", width: 120, height: 30,
                                      environment: ["LANG": "C.UTF-8", "TZ": "UTC"], directory: workdir.path)
        let started = await session.waitFor(text: "\(count) of \(count) articles", timeout: .seconds(60))
        #expect(started, "\(Self.screen(session))")
        // Move, open, search, sort, zoom, arrange, help and warnings: everything a session does.
        for keys in [["j"], ["Enter"], ["Space"], ["Tab"], ["s"], ["v"], ["z"], ["z"], ["?"], ["q"]] {
            try session.sendKeys(keys[0])
        }
        try session.sendKeys("/")
        try session.type("telegram")
        try session.sendKeys("Enter")
        let filtered = await session.waitFor(text: "1 of \(count) articles", timeout: .seconds(60))
        #expect(filtered, "\(Self.screen(session))")
        try session.sendKeys("w")
        // The bad date's ESC [ 2 J is shown as a visible ␛, never sent to the terminal.
        let warnings = await session.waitFor(text: "unparseable date \"␛[2J\"", timeout: .seconds(60))
        #expect(warnings, "\(Self.screen(session))")
        try session.sendKeys("q")
        try session.sendKeys("q")
        // After the exit the screen may move into tmux's history: poll it with the scrollback.
        var ended = false
        let deadline = ContinuousClock.now + .seconds(60)
        while !ended, ContinuousClock.now < deadline {
            ended = (try? session.capture(scrollback: true))?.contains { $0.contains("exit=0") } ?? false
            if !ended { try? await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(ended, "\(Self.screen(session))")
        let after = try Self.snapshot(archive.path)
        if after != before {
            Issue.record("a UI session changed the data tree:\n\(Self.differences(before, after).joined(separator: "\n"))")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: workdir.path).isEmpty, "nothing written to the working directory")
    }
}
