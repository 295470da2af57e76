import Foundation
import Testing

/// The CLI's whole output compared with `CLIGolden`, and the documented options and exit statuses
/// each checked with an answer known in advance.
@Suite struct CLIOutputTests {
    /// Runs gazette on `archive` and returns stdout with the archive path written as `DATA`;
    /// records a failure when it exits non-zero or writes to stderr.
    static func output(_ arguments: [String], _ archive: TemporaryArchive, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let run = try CommandLineRun.gazette(arguments + ["--data", archive.path])
        #expect(run.status == 0, "\(arguments): exit \(run.status): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.isEmpty, "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
        return run.stdout.replacingOccurrences(of: archive.path, with: "DATA")
    }

    /// Expects `actual == expected`, showing a line diff when not.
    static func expectText(_ actual: String, _ expected: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard actual != expected else { return }
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for index in 0..<max(want.count, got.count) {
            let w = index < want.count ? String(want[index]) : "<missing>"
            let g = index < got.count ? String(got[index]) : "<missing>"
            diff.append(w == g ? "  |" + g + "|" : "- |" + w + "|\n+ |" + g + "|")
        }
        let lines = diff.joined(separator: "\n")
        Issue.record("\(what) differs from CLIGolden:\n\(lines)", sourceLocation: sourceLocation)
    }

    /// The titles `list` prints, in order.
    static func titles(_ arguments: [String], _ archive: TemporaryArchive) throws -> [String] {
        try output(["list"] + arguments, archive).split(separator: "\n").map { line in
            let title = line.dropFirst(26) // id, two spaces, date, two spaces
            return String(title.range(of: "  [").map { title[..<$0.lowerBound] } ?? title)
        }
    }

    @Test func listTagsAndShowPrintExactlyTheGoldenText() throws {
        let archive = try CLITests.makeArchive()
        Self.expectText(try Self.output(["list"], archive), CLIGolden.list, "list")
        Self.expectText(try Self.output(["tags"], archive), CLIGolden.tags, "tags")
        Self.expectText(try Self.output(["tags", "--facet", "category"], archive), CLIGolden.categories, "tags --facet category")
        Self.expectText(try Self.output(["tags", "--facet", "author"], archive), CLIGolden.authors, "tags --facet author")
        Self.expectText(try Self.output(["show", String(CLIGolden.id["The Zimmermann telegram"]!.prefix(6)), "--width", "40"], archive), CLIGolden.showZimmermann, "show --width 40")
        Self.expectText(try Self.output(["show", CLIGolden.id["Files on a Cold War tunnel are declassified"]!], archive), CLIGolden.showTunnel, "show")
        Self.expectText(try Self.output(["show", CLIGolden.id["A museum opens its codebreaking gallery"]!, "--json"], archive), CLIGolden.showMuseumJSON, "show --json")
    }

    @Test func theMostCommonSpellingOfATagWins() throws {
        let archive = try CLITests.makeArchive()
        // Now `cia` is written twice and `CIA` once.
        try archive.write("articles/station.txt", "Title: Station notes\nDate: 2001-05-05\nTags: cia\n\nA note.\n")
        let tags = try Self.output(["tags"], archive).split(separator: "\n")
        #expect(tags.first == "3  cia", "\(tags)")
        #expect(try Self.output(["list", "tag:CIA"], archive).split(separator: "\n").allSatisfy { $0.contains("cia") && !$0.contains("CIA") })
    }

    @Test func everySortOrderAndTheRelevanceDefault() throws {
        let archive = try CLITests.makeArchive()
        let byDate = ["Cartels and covert action", "Files on a Cold War tunnel are declassified",
                      "A museum opens its codebreaking gallery", "The Zimmermann telegram", "Exchange on the Glienicke Bridge"]
        #expect(try Self.titles([], archive) == byDate)
        #expect(try Self.titles(["--sort", "date"], archive) == byDate)
        #expect(try Self.titles(["--sort", "title"], archive) == [
            "A museum opens its codebreaking gallery", "Cartels and covert action", "Exchange on the Glienicke Bridge",
            "Files on a Cold War tunnel are declassified", "The Zimmermann telegram"])
        // Americas, Archive, Europe, History, Signals desk.
        #expect(try Self.titles(["--sort", "author"], archive) == [
            "Cartels and covert action", "Files on a Cold War tunnel are declassified", "Exchange on the Glienicke Bridge",
            "A museum opens its codebreaking gallery", "The Zimmermann telegram"])
        // Without words there is nothing to rank: relevance falls back to newest first.
        #expect(try Self.titles(["--sort", "relevance"], archive) == byDate)
        // With words the default is relevance: "telegram" in the 2017 title and body outranks
        // "codebreaking" once in the 2019 title, against the date order.
        let ranked = ["The Zimmermann telegram", "A museum opens its codebreaking gallery"]
        #expect(try Self.titles(["telegram", "OR", "codebreaking"], archive) == ranked)
        #expect(try Self.titles(["--sort", "relevance", "telegram", "OR", "codebreaking"], archive) == ranked)
        #expect(try Self.titles(["--sort", "date", "telegram", "OR", "codebreaking"], archive) == ranked.reversed())
        let bad = try CommandLineRun.gazette(["list", "--data", archive.path, "--sort", "size"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("size"), "\(bad.stderr)")
    }

    @Test func anAmbiguousIDPrefixIsAnErrorListingTheCandidates() throws {
        let archive = try CLITests.makeArchive()
        let run = try CommandLineRun.gazette(["show", "--data", archive.path, CLIGolden.ambiguousPrefix])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let candidates = CLIGolden.ambiguousCandidates.joined(separator: ", ")
        #expect(run.stderr == "gazette: id \(CLIGolden.ambiguousPrefix) is ambiguous (\(candidates)); give more digits\n", "\(run.stderr)")
        // Enough digits to tell them apart find the one article.
        let first = CLIGolden.ambiguousCandidates[0], second = CLIGolden.ambiguousCandidates[1]
        let distinct = zip(first, second).prefix { $0 == $1 }.count + 1
        #expect(try Self.output(["show", String(first.prefix(distinct)), "--json"], archive).contains("\"id\" : \"\(first)\""))
    }

    @Test func dataGivenTwiceReadsBothDirectories() throws {
        let archive = try CLITests.makeArchive()
        let run = try CommandLineRun.gazette(["list", "--data", archive.path + "/articles", "--data", archive.path + "/dumps"])
        #expect(run.status == 0)
        #expect(run.stdout == CLIGolden.list, "\(run.stdout)")
        let one = try CommandLineRun.gazette(["list", "--data", archive.path + "/dumps"])
        #expect(one.stdout.split(separator: "\n").count == 2)
    }

    @Test func anUndatedArticleHasANullDateAndSortsLast() throws {
        let archive = try CLITests.makeArchive()
        try archive.write("articles/undated.txt", "Title: A letter without a date\n\nDear editor.\n")
        let lines = try Self.output(["list"], archive).split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.last?.hasSuffix("  undated     A letter without a date") == true, "\(lines)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(try Self.output(["list", "--json"], archive).utf8)) as? [[String: Any]])
        let undated = try #require(rows.last)
        #expect(undated["title"] as? String == "A letter without a date")
        #expect(undated["date"] is NSNull)
        let id = try #require(undated["id"] as? String)
        let detail = try Self.output(["show", id, "--json"], archive)
        #expect(detail.contains("\"date\" : null,"), "\(detail)")
    }

    @Test func showJSONHasTheDocumentedKeysExactly() throws {
        let archive = try CLITests.makeArchive()
        // The keys README.md names: "`list --json` prints objects with `id`, … and `words`;
        // `show --json` adds `body` …". Code spans that are not plain names (`YYYY-MM-DD`,
        // `path:line`) are examples of values, not keys.
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "`list --json` prints objects with"), "README no longer describes list --json")
        let sentence = readme[start.upperBound...].prefix { $0 != "." }
        let parts = sentence.components(separatedBy: "`show --json` adds")
        #expect(parts.count == 2, "README: \(sentence)")
        func keys(_ text: String) -> Set<String> {
            Set(text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 && $0.element.allSatisfy { $0.isLetter } }.map { String($0.element) })
        }
        let listKeys = keys(parts[0])
        let detailKeys = listKeys.union(keys(parts.count > 1 ? parts[1] : ""))
        #expect(listKeys.count >= 9 && detailKeys.count > listKeys.count, "README read as \(listKeys.sorted()) + \(detailKeys.subtracting(listKeys).sorted())")
        for id in CLIGolden.id.values.sorted() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(try Self.output(["show", id, "--json"], archive).utf8)) as? [String: Any])
            #expect(Set(object.keys) == detailKeys, "\(id): \(object.keys.sorted())")
        }
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(try Self.output(["list", "--json"], archive).utf8)) as? [[String: Any]])
        #expect(rows.map { $0["words"] as? Int } == [13, 12, 19, 26, 18], "counted by hand")
        for row in rows { #expect(Set(row.keys) == listKeys) }
    }

    /// A byte copy of an article: a duplicate whatever the identity rests on.
    static func writeCopyOfZimmermann(_ archive: TemporaryArchive, to path: String) throws {
        try archive.write(path, try Data(contentsOf: archive.root.appendingPathComponent("articles/zimmermann.txt")))
    }

    @Test func checkReportsWarningsAndDuplicatesExactly() throws {
        let archive = try CLITests.makeArchive()
        try archive.write("bad/undated.txt", "Title: Undated piece\nDate: sometime soon\n\nBody.\n")
        try Self.writeCopyOfZimmermann(archive, to: "bad/copy.txt")
        let run = try CommandLineRun.gazette(["check", "--data", archive.path])
        #expect(run.status == 1)
        Self.expectText(run.stdout.replacingOccurrences(of: archive.path, with: "DATA"), CLIGolden.checkWithProblems, "check")
    }

    @Test func checkExitsOneForSkipsAloneAndForDuplicatesAlone() throws {
        let skips = try CLITests.makeArchive()
        try FileManager.default.createDirectory(atPath: skips.path + "/folder.txt", withIntermediateDirectories: true)
        let skipped = try CommandLineRun.gazette(["check", "--data", skips.path])
        #expect(skipped.status == 1, "\(skipped.stdout)")
        #expect(skipped.stdout.contains("Files: 4 read, 1 skipped\n"), "\(skipped.stdout)")

        let duplicates = try CLITests.makeArchive()
        try Self.writeCopyOfZimmermann(duplicates, to: "copy.txt")
        let duplicated = try CommandLineRun.gazette(["check", "--data", duplicates.path])
        #expect(duplicated.status == 1, "a dropped duplicate is a skipped article: \(duplicated.stdout)")
        #expect(duplicated.stdout.contains("Warnings: 0\n"), "\(duplicated.stdout)")
        #expect(duplicated.stdout.contains("Articles: 5 (1 duplicate dropped)\n"), "\(duplicated.stdout)")

        let clean = try CLITests.makeArchive()
        let ok = try CommandLineRun.gazette(["check", "--data", clean.path])
        #expect(ok.status == 0)
        #expect(ok.stdout == "Directories: \(clean.path)\nFiles: 4 read, 0 skipped\nArticles: 5\nWarnings: 0\n", "\(ok.stdout)")
    }

    @Test func checkOnAFolderWithoutArticleFilesSaysWhatIsRead() throws {
        let notes = try TemporaryArchive()
        try notes.write("notes.md", "# Reading list\n")
        let run = try CommandLineRun.gazette(["check", "--data", notes.path])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix(
            "Files: 0 read, 0 skipped\nArticles: 0\nWarnings: 0\n\nNo article files found: Gazette reads .txt, .mbox, .eml and .sgm files (also compressed, zipped or in tar archives), numbered files (news spools, MH), mailboxes and TREC wire files with no extension, and Maildir folders.\n"),
                "\(run.stdout)")
    }

    @Test func hostileFileNamesAndHeaderValuesInWarningsCannotDriveTheTerminal() throws {
        let archive = try TemporaryArchive()
        try archive.write("a.txt", "Title: Hostile date\nDate: \u{1B}[2J\u{1B}]0;pwned\u{07}\n\nBody.\n")
        try archive.write("named\u{1B}]0;x\u{07}.txt", "Title: Named\nDate: soon\n\nBody.\n")
        try FileManager.default.createDirectory(atPath: archive.path + "/dir\u{1B}[31m.txt", withIntermediateDirectories: true)
        let run = try CommandLineRun.gazette(["check", "--data", archive.path])
        #expect(run.status == 1)
        let shown = run.stdout.replacingOccurrences(of: archive.path, with: "DATA")
        #expect(shown == """
            Directories: DATA
            Files: 2 read, 1 skipped
            Articles: 2
            Warnings: 3

            Warnings:
            DATA/dir␛[31m.txt: a directory named like an article file; skipped
            DATA/a.txt:2: unparseable date "␛[2J␛]0;pwned␇"
            DATA/named␛]0;x␇.txt:2: unparseable date "soon"

            """, "\(shown)")
        #expect(!run.stdoutBytes.contains(0x1B) && !run.stdoutBytes.contains(0x07))
    }

    @Test func withoutATerminalBrowseExitsTwoNamedOrNot() throws {
        let archive = try CLITests.makeArchive()
        for arguments in [["browse", "--data", archive.path], ["--data", archive.path]] {
            // stdin is /dev/null and stdout a file: no terminal.
            let run = try CommandLineRun.gazette(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stdout.isEmpty, "not a byte of screen setup: \(arguments)")
            #expect(run.stderr.hasPrefix("gazette: the terminal UI needs a terminal"), "\(run.stderr)")
            #expect(run.stderr.contains("gazette list"), "it says what to use instead")
        }
    }

    @Test func versionIsExact() throws {
        let run = try CommandLineRun.gazette(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == CLIGolden.version)
    }

    /// Every subcommand `--help` lists is in README's command-line block, and the other way round.
    @Test func helpAndTheReadmeListTheSameSubcommands() throws {
        let help = try CommandLineRun.gazette(["--help"])
        #expect(help.status == 0)
        let section = help.stdout.components(separatedBy: "SUBCOMMANDS:\n").last ?? ""
        let inHelp = Set(section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }).subtracting(["See"])
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let block = readme.components(separatedBy: "## Command line").last?.components(separatedBy: "```")[1] ?? ""
        let inReadme = Set(block.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.first == "gazette", words.count > 1 else { return nil }
            let name = words[1].trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            return name.hasPrefix("-") ? nil : name
        })
        #expect(inHelp.count >= 5, "\(section)")
        #expect(inHelp == inReadme, "--help lists \(inHelp.sorted()), README's command-line block \(inReadme.sorted())")
    }
}
