import Foundation
import Testing

/// The CLI answering from the snapshot: exactly what reading every file answers, and never stale.
@Suite struct CLIWarmPathTests {
    private static func commands(_ archive: TemporaryArchive, id: String) -> [[String]] {
        [["list"], ["list", "telegram", "--limit", "2"], ["list", "--sort", "title", "-tag:Mexico"], ["list", "--json"],
         ["tags"], ["tags", "--facet", "year"], ["show", id], ["show", id, "--json"]]
            .map { $0 + ["--data", archive.path] }
    }

    @Test func warmAnswersEqualColdAnswersAndSeeAChangedFile() throws {
        let archive = try CLITests.makeArchive()
        let cache = archive.path + "-cache"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = cache
        let first = try CommandLineRun.gazette(["list", "--data", archive.path], environment: environment)
        let id = try #require(first.stdout.split(separator: " ").first.map(String.init))

        func compareAll(_ moment: String) throws {
            for command in Self.commands(archive, id: id) {
                let cold = try CommandLineRun.gazette(command + ["--no-cache"], environment: environment)
                let warm = try CommandLineRun.gazette(command, environment: environment)
                #expect(cold.status == 0 && warm.status == 0, "\(moment) \(command): \(warm.stderr)")
                #expect(warm.stdout == cold.stdout, "\(moment) \(command)")
                #expect(warm.stderr == cold.stderr, "\(moment) \(command)")
            }
        }
        try compareAll("after the first run")
        // The warm path ran: the snapshot was verified once and marked so.
        let names = try FileManager.default.contentsOfDirectory(atPath: cache + "/gazette")
        #expect(names.contains { $0.hasSuffix(".gzsnap") } && names.contains { $0.hasSuffix(".gzsnap.verified") }, "\(names)")

        // An edit in place (the same size, so only the mtime tells) is seen at once.
        let path = archive.path + "/articles/zimmermann.txt"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "The Zimmermann telegram", with: "The Zimmermann telegraf")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let listed = try CommandLineRun.gazette(["list", "telegraf", "--data", archive.path], environment: environment)
        #expect(listed.stdout.contains("The Zimmermann telegraf"), "\(listed.stdout)")
        try compareAll("after an edit")

        // A new file and a deleted one.
        try archive.write("articles/later.txt", "Title: A later telegram\nDate: 2018-02-02\n\nAnother cable, read again.\n")
        try FileManager.default.removeItem(atPath: archive.path + "/articles/zimmermann.txt")
        let after = try CommandLineRun.gazette(["list", "telegram", "--data", archive.path], environment: environment)
        #expect(after.stdout.contains("A later telegram") && !after.stdout.contains("Zimmermann"), "\(after.stdout)")
    }
}
