import Foundation
import Testing

/// The `gazette` command line, run as a user would run it: stdout, stderr and exit status.
@Suite struct CLITests {
    /// A small clean archive: three canonical articles and a two-post blog dump.
    static func makeArchive() throws -> TemporaryArchive {
        let archive = try TemporaryArchive()
        try archive.write("articles/zimmermann.txt", """
            Title: The Zimmermann telegram
            Date: 2017-01-16
            Author: Signals desk
            Category: Codebreaking
            Tags: cryptanalysis, Germany, Mexico
            Link: https://example.org/zimmermann
            Source: desk archive

            In January 1917 British naval codebreakers read a German telegram
            proposing an alliance with Mexico.

            Its publication in the United States helped move opinion towards war.
            """)
        try archive.write("articles/bridge.txt", """
            Title: Exchange on the Glienicke Bridge
            Date: February 10, 1962
            Author: Europe desk
            Category: Defections and exchanges
            Tags: spy exchange, CIA, KGB

            Two prisoners crossed the bridge between Potsdam and West Berlin, near Zürich-born
            observers who later wrote about it.
            """)
        try archive.write("articles/nested/cartels.txt", """
            Title: Cartels and covert action
            Date: 2025-01-21
            Author: Americas desk
            Category: Analysis
            Tags: cia, Mexico, covert action

            Observers asked whether a covert action finding would follow the designation of cartels.
            """)
        try archive.write("dumps/blog.txt", """
            A museum opens its codebreaking gallery
            March 3, 2019 by History desk 2 Comments
            THE NEW GALLERY shows rotor machines and the paper records of the codebreakers.
            Visitors can try a working replica.
            ► Author: History desk | Date: 3 March 2019 | Permalink
            Filed under Museums, exhibits and archives Tagged with cryptanalysis, Germany



            Files on a Cold War tunnel are declassified
            June 5, 2020 Leave a comment
            A SET OF FILES on the tunnel under Berlin has been released.
            ► Author: Archive desk | Date: 5 June 2020 | Permalink
            ANOTHER POST teases a related story about tunnels.

            """)
        return archive
    }

    @Test func listPrintsOneLinePerArticleNewestFirst() throws {
        let archive = try Self.makeArchive()
        let run = try CommandLineRun.gazette(["list", "--data", archive.path])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        // The whole output (ids, dates, titles, tags in their corpus-wide spelling) is CLIGolden.list.
        #expect(run.stdout == CLIGolden.list, "\(lines)")
    }

    @Test func commonOptionsAreTakenBeforeTheSubcommandToo() throws {
        let archive = try Self.makeArchive()
        let after = try CommandLineRun.gazette(["list", "--data", archive.path, "tag:Mexico"])
        for before in [["--data", archive.path, "list", "tag:Mexico"], ["--data=\(archive.path)", "--no-cache", "list", "tag:Mexico"]] {
            let run = try CommandLineRun.gazette(before)
            #expect(run.status == 0, "\(before): \(run.stderr)")
            #expect(run.stdout == after.stdout)
        }
        #expect(after.status == 0)
        #expect(after.stdout.contains("Cartels and covert action"))

        // Nested subcommands take them too (`gazette --data D cache info` once failed: "Unexpected argument 'info'").
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-cli-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let environment = ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": cache.path]) { $1 }
        _ = try CommandLineRun.gazette(["--data", archive.path, "list"], environment: environment)
        let info = try CommandLineRun.gazette(["--data", archive.path, "cache", "info"], environment: environment)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("Directories: \(archive.path)"), "\(info.stdout)")
        let stateDirectory = cache.appendingPathComponent("s").path
        let state = try CommandLineRun.gazette(["--state", stateDirectory, "state", "path"])
        #expect(state.status == 0, "\(state.stderr)")
        #expect(state.stdout.hasPrefix(stateDirectory + "/"), "\(state.stdout)")
    }

    @Test func listFiltersWithTheQueryLanguage() throws {
        let archive = try Self.makeArchive()
        let tagged = try CommandLineRun.gazette(["list", "--data", archive.path, "tag:Mexico", "-tag:Germany"])
        #expect(tagged.status == 0)
        #expect(tagged.stdout == CLIGolden.line("Cartels and covert action"))

        let words = try CommandLineRun.gazette(["list", "--data", archive.path, "zurich"])
        #expect(words.stdout == CLIGolden.line("Exchange on the Glienicke Bridge"),
                "diacritic-insensitive search: \(words.stdout)")

        let either = try CommandLineRun.gazette(["list", "--data", archive.path, "year:2019", "OR", "year:2020"])
        #expect(either.stdout == CLIGolden.line("Files on a Cold War tunnel are declassified")
                + CLIGolden.line("A museum opens its codebreaking gallery"))

        let limited = try CommandLineRun.gazette(["list", "--data", archive.path, "--limit", "2", "--sort", "title"])
        let titles = limited.stdout.split(separator: "\n")
        #expect(titles.count == 2)
        #expect(titles[0].contains("A museum opens"))
    }

    @Test func listJSONParsesBackWithTheDocumentedKeys() throws {
        let archive = try Self.makeArchive()
        let run = try CommandLineRun.gazette(["list", "--data", archive.path, "--json"])
        #expect(run.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [[String: Any]])
        #expect(rows.count == 5)
        let keys: Set<String> = ["id", "title", "date", "author", "categories", "tags", "comments", "source", "words",
                                 "read", "starred", "userTags", "hiddenTags"]
        for row in rows { #expect(Set(row.keys) == keys) }
        let museum = try #require(rows.first { ($0["title"] as? String) == "A museum opens its codebreaking gallery" })
        #expect(museum["date"] as? String == "2019-03-03")
        #expect(museum["comments"] as? Int == 2)
        #expect(museum["categories"] as? [String] == ["Museums, exhibits and archives"])
        #expect((museum["source"] as? String)?.hasSuffix("dumps/blog.txt:1") == true)
        #expect(museum["words"] as? Int == 19, "13 + 6 words, counted by hand")
    }

    @Test func tagsCountsFacetsOverTheMatchingArticles() throws {
        let archive = try Self.makeArchive()
        let run = try CommandLineRun.gazette(["tags", "--data", archive.path])
        #expect(run.status == 0)
        // `CIA` and `cia` merge into one tag counted twice; the 1–1 tie goes to the smaller spelling.
        #expect(run.stdout == CLIGolden.tags, "\(run.stdout)")

        let years = try CommandLineRun.gazette(["tags", "--data", archive.path, "--facet", "year", "--json", "tag:cryptanalysis"])
        let rows = try #require(try JSONSerialization.jsonObject(with: years.stdoutBytes) as? [[String: Any]])
        let pairs = rows.map { "\($0["value"] as? String ?? "?")=\($0["count"] as? Int ?? -1)" }.sorted()
        #expect(pairs == ["2017=1", "2019=1"])
    }

    @Test func showPrintsTheArticleWrappedAndItsJSON() throws {
        let archive = try Self.makeArchive()
        let list = try CommandLineRun.gazette(["list", "--data", archive.path, "tag:\"spy exchange\""])
        let id = String(list.stdout.prefix(12))
        let run = try CommandLineRun.gazette(["show", "--data", archive.path, String(id.prefix(6)), "--width", "40"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Exchange on the Glienicke Bridge")
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        #expect(run.stdout.contains("Two prisoners crossed the bridge"))

        let json = try CommandLineRun.gazette(["show", "--data", archive.path, id, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
        #expect(object["id"] as? String == id)
        #expect((object["body"] as? String)?.hasPrefix("Two prisoners crossed the bridge between Potsdam and West Berlin, near Zürich-born\nobservers") == true)
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        #expect(blocks.count == 1)
        #expect(blocks.first?["kind"] as? String == "paragraph")
        #expect(blocks.first?["level"] as? Int == 0)
        #expect(object["related"] as? [String] == [])

        let zimmermann = try CommandLineRun.gazette(["list", "--data", archive.path, "--json", "telegram"])
        let row = try #require((try JSONSerialization.jsonObject(with: zimmermann.stdoutBytes) as? [[String: Any]])?.first)
        let detail = try CommandLineRun.gazette(["show", "--data", archive.path, row["id"] as! String, "--json"])
        let detailObject = try #require(try JSONSerialization.jsonObject(with: detail.stdoutBytes) as? [String: Any])
        #expect(detailObject["headers"] as? [String: String] == ["Source": "desk archive"])
        let detailBlocks = try #require(detailObject["blocks"] as? [[String: Any]])
        #expect(detailBlocks.map { $0["text"] as? String } == [
            "In January 1917 British naval codebreakers read a German telegram proposing an alliance with Mexico.",
            "Its publication in the United States helped move opinion towards war.",
        ])
    }

    @Test func showPrintsQuotesTablesAndSignaturesAndHidesRoutingHeaders() throws {
        let archive = try TemporaryArchive()
        try archive.write("news/reply.txt", """
            Path: news.example!lab.example!rourke
            From: rourke@lab.example (Tom Rourke)
            Newsgroups: sci.space
            Subject: Re: Launch schedule for the spring
            Message-ID: <1993Apr28.0930@lab.example>
            Date: 28 Apr 1993 09:30:00 GMT
            Article-I.D.: lab.1993Apr28.0930
            References: <1993Apr28.1402@cs.example>
            Organization: Lakeside Physics Lab
            Lines: 14
            NNTP-Posting-Host: lab.example

            In article <1993Apr28.1402@cs.example> kb@cs.example (Kay Bell) writes:
            >They already published the dates:
            >
            >  April 27  STS-55   Columbia    Spacelab D2
            >  May 19    Titan    IV          classified
            >
            >Read the release before posting.

            Dates on a release are not dates on the pad.

            --
            Tom Rourke  rourke@lab.example
            """)
        let list = try CommandLineRun.gazette(["list", "--data", archive.path, "--json"])
        let row = try #require((try JSONSerialization.jsonObject(with: list.stdoutBytes) as? [[String: Any]])?.first)
        let id = try #require(row["id"] as? String)
        let show = try CommandLineRun.gazette(["show", "--data", archive.path, id, "--width", "60"])
        #expect(show.status == 0)
        let lines = show.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("Organization: Lakeside Physics Lab"))
        #expect(lines.contains { $0.hasSuffix("more headers (--headers shows all)") })
        #expect(!show.stdout.contains("NNTP-Posting-Host"))
        #expect(lines.contains("In article <1993Apr28.1402@cs.example> kb@cs.example (Kay"))
        #expect(lines.contains("Bell) writes:"))
        #expect(lines.contains("│ They already published the dates:"))
        #expect(lines.contains("│  April 27  STS-55   Columbia    Spacelab D2"))
        #expect(lines.contains("│  May 19    Titan    IV          classified"))
        #expect(lines.contains("Dates on a release are not dates on the pad."))
        #expect(lines.contains("Tom Rourke  rourke@lab.example"))

        let all = try CommandLineRun.gazette(["show", "--data", archive.path, id, "--headers"])
        #expect(all.stdout.contains("NNTP-Posting-Host: lab.example"))
        #expect(all.stdout.contains("Path: news.example!lab.example!rourke"))
        #expect(!all.stdout.contains("more headers"))

        let json = try CommandLineRun.gazette(["show", "--data", archive.path, id, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        #expect(blocks.map { "\($0["kind"] as? String ?? "?")@\($0["level"] as? Int ?? -1)" } == [
            "attribution@0", "paragraph@1", "preformatted@1", "paragraph@1", "paragraph@0", "signature@0",
        ])
        #expect(blocks[2]["lines"] as? [String] == [" April 27  STS-55   Columbia    Spacelab D2", " May 19    Titan    IV          classified"])
        #expect((object["body"] as? String)?.contains(">  April 27  STS-55") == true)
    }

    @Test func showKeepsRelatedExcerptsFromDumps() throws {
        let archive = try Self.makeArchive()
        let list = try CommandLineRun.gazette(["list", "--data", archive.path, "tunnel"])
        let id = String(list.stdout.prefix(12))
        let run = try CommandLineRun.gazette(["show", "--data", archive.path, id])
        #expect(run.stdout.contains("Related"))
        #expect(run.stdout.contains("ANOTHER POST teases a related story about tunnels."))
    }

    @Test func showRejectsUnknownIDs() throws {
        let archive = try Self.makeArchive()
        let run = try CommandLineRun.gazette(["show", "--data", archive.path, "ffffffffffff"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("no article with id ffffffffffff"))
    }

    @Test func checkReportsAndSetsTheExitStatus() throws {
        let clean = try Self.makeArchive()
        let ok = try CommandLineRun.gazette(["check", "--data", clean.path])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("Articles: 5"))

        try clean.write("bad/undated.txt", "Title: Undated piece\nDate: sometime soon\n\nBody.\n")
        // Same Link: the same article; the same text re-wrapped is a duplicate, other text a conflict.
        try clean.write("bad/copy.txt", "Title: The Zimmermann telegram\nDate: 2017-01-16\nLink: https://EXAMPLE.org/zimmermann#top\n\n"
            + "In January 1917 British naval codebreakers\nread a German telegram proposing an alliance with Mexico.\n\n"
            + "Its publication in the United States helped move opinion towards war.\n")
        try clean.write("bad/edited.txt", "Title: The Zimmermann telegram (updated)\nLink: https://example.org/zimmermann\n\nAnother text.\n")
        let warned = try CommandLineRun.gazette(["check", "--data", clean.path])
        #expect(warned.status == 1)
        #expect(warned.stdout.contains("bad/undated.txt:2: "), "\(warned.stdout)")
        #expect(warned.stdout.contains("bad/copy.txt:1: duplicate of \"The Zimmermann telegram\""), "\(warned.stdout)")
        #expect(warned.stdout.contains("bad/edited.txt:1: conflict: same Link as \"The Zimmermann telegram\" ("), "\(warned.stdout)")
        #expect(warned.stdout.contains("Articles: 6 (2 duplicates dropped)"), "\(warned.stdout)")

        let missing = try CommandLineRun.gazette(["check", "--data", clean.path + "/nope"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains(clean.path + "/nope"))
    }

    @Test func badQueriesAndMissingDirectoriesAreClearErrors() throws {
        let archive = try Self.makeArchive()
        let query = try CommandLineRun.gazette(["list", "--data", archive.path, "\"unclosed"])
        #expect(query.status == 2)
        #expect(query.stdout.isEmpty)
        #expect(query.stderr.contains("column 1"), "\(query.stderr)")

        let missing = try CommandLineRun.gazette(["list", "--data", "/nonexistent/gazette-data"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/gazette-data"))
    }

    @Test func dataComesFromTheEnvironmentOrDotData() throws {
        let archive = try Self.makeArchive()
        var environment = ProcessInfo.processInfo.environment
        environment["GAZETTE_DATA"] = archive.path + "/articles:" + archive.path + "/dumps"
        let fromEnvironment = try CommandLineRun.gazette(["list"], environment: environment)
        #expect(fromEnvironment.stdout.split(separator: "\n").count == 5)

        let workdir = try TemporaryArchive()
        try workdir.write("Data/only.txt", "Title: Only article here\nDate: 2001-01-01\n\nText.\n")
        let fromDotData = try CommandLineRun.gazette(["list"], directory: workdir.path)
        #expect(fromDotData.stdout.contains("Only article here"))
    }

    @Test func aClosedPipeEndsQuietly() throws {
        let archive = try TemporaryArchive()
        // Enough output (≈ 3,000 lines) to overflow a pipe buffer after `head` exits; one dump
        // file keeps the fixture quick to write.
        var dump = ""
        for index in 0..<3000 {
            dump += "Article number \(index) with a reasonably long title\nMarch 3, 2019 Leave a comment\nBody \(index).\n► Author: Desk | Date: 3 March 2019 | Permalink\n\n"
        }
        try archive.write("many.txt", dump)
        // gazette's own exit status goes to stderr: 141 would mean it died of SIGPIPE.
        let run = try CommandLineRun.shell("{ '\(CommandLineRun.gazettePath)' list --data '\(archive.path)'; echo \"gazette=$?\" >&2; } | head -1")
        #expect(run.stdout.split(separator: "\n").count == 1)
        #expect(run.stdout.contains("Article number"))
        #expect(run.stderr == "gazette=0\n", "\(run.stderr)")
    }

    @Test func aWriteErrorIsAFailure() throws {
        let archive = try Self.makeArchive()
        let run = try CommandLineRun.shell("'\(CommandLineRun.gazettePath)' list --data '\(archive.path)' > /dev/full")
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot write output"), "\(run.stderr)")
    }

    @Test func articleTextCannotDriveTheTerminal() throws {
        let archive = try TemporaryArchive()
        try archive.write("evil.txt", "Title: Evil \u{1B}]0;pwned\u{07} title \u{1B}[2J\u{9B}31m\nDate: 2020-01-01\nTags: a\u{1B}[31mred\n\nBody \u{1B}]52;c;aGVsbG8=\u{07} with \u{202E}bidi and \u{1B}P1$qm\u{1B}\\ DCS.\n")
        for arguments in [["list"], ["tags"], ["check"]] {
            let run = try CommandLineRun.gazette(arguments + ["--data", archive.path])
            #expect(!run.stdoutBytes.contains(0x1B), "\(arguments)")
            #expect(!run.stdoutBytes.contains(0x07), "\(arguments)")
            #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E }, "\(arguments)")
        }
        let id = String(try CommandLineRun.gazette(["list", "--data", archive.path]).stdout.prefix(12))
        let show = try CommandLineRun.gazette(["show", "--data", archive.path, id])
        #expect(show.status == 0)
        #expect(!show.stdoutBytes.contains(0x1B))
        #expect(!show.stdoutBytes.contains(0x07))
        #expect(show.stdout.contains("␛"), "the escape is shown as a visible placeholder")
        // JSON keeps the exact text, escaped by the encoder.
        let json = try CommandLineRun.gazette(["list", "--data", archive.path, "--json"])
        #expect(!json.stdoutBytes.contains(0x1B))
        #expect(json.stdout.contains("\\u001b"))
    }

    @Test func helpAndVersion() throws {
        let version = try CommandLineRun.gazette(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == CLIGolden.version)
        let help = try CommandLineRun.gazette(["--help"])
        #expect(help.status == 0)
        for command in ["browse", "list", "tags", "show", "check"] {
            #expect(help.stdout.contains(command))
        }
    }
}

/// `gazette config` and `--config` on the command line.
@Suite struct ConfigCLITests {
    @Test func theDefaultConfigPrintsAndChecksClean() throws {
        let archive = try TemporaryArchive()
        let printed = try CommandLineRun.gazette(["config", "--default"])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("\n[keys.reader]\n") && printed.stdout.contains("\"C-c\" = \"quit\""))
        try archive.write("config.toml", printed.stdout)
        let checked = try CommandLineRun.gazette(["--config", archive.path + "/config.toml", "config"])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout == "\(archive.path)/config.toml: OK\n")
    }

    @Test func unknownKeysWarnAndErrorsNameTheLine() throws {
        let archive = try TemporaryArchive()
        try archive.write("warn.toml", "[layout]\nsidebar-width = 30\nsidebar-colour = \"red\"\n")
        let warned = try CommandLineRun.gazette(["config", "--config", archive.path + "/warn.toml"])
        #expect(warned.status == 0)
        #expect(warned.stderr == "gazette: warning: \(archive.path)/warn.toml:3: layout.sidebar-colour: unknown setting (ignored)\n")
        try archive.write("bad.toml", "[theme]\n\naccent = \"blurple\"\n")
        let failed = try CommandLineRun.gazette(["--config", archive.path + "/bad.toml", "config"])
        #expect(failed.status == 2)
        #expect(failed.stderr.hasPrefix("gazette: \(archive.path)/bad.toml:3: theme.accent: 'blurple' is not a colour"), "\(failed.stderr)")
    }

    @Test func listTakesAViewFromTheConfigFile() throws {
        let archive = try CLITests.makeArchive()
        try archive.write(".config/gazette/config.toml", "[views]\nTelegrams = \"tag:Mexico tag:Germany\"\n")
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = archive.path + "/.config"
        let run = try CommandLineRun.gazette(["list", "--data", archive.path, "--view", "Telegrams"], environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Zimmermann") && run.stdout.split(separator: "\n").count == 1, "\(run.stdout)")
    }
}
