import Foundation
import Testing
@testable import GazetteCore

/// Archives kept compressed, as they are downloaded: a Mailman month (`2003-June.txt.gz`), a
/// mailing list's `.mbox.gz`, Gigaword's `nyt_eng_199407.gz`; and the damage real downloads
/// have (cut short, corrupt, not gzip at all, far too large when inflated).
@Suite struct GzipArchiveTests {
    /// `bytes` compressed by the system's `gzip` (the files users have are made by it).
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        try BzipXzArchiveTests.compress("gzip", bytes, ["-n"])
    }

    static func write(_ tree: TempTree, _ relative: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: tree.path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// A Mailman (pipermail) month: envelopes and From: lines with " at " for "@".
    static let mailmanMonth = """
        From ada at example.org  Tue Jun  3 10:22:01 2003
        From: ada at example.org (Ada Quill)
        Date: Tue, 03 Jun 2003 10:22:01 +0200
        Subject: [rotor-l] Wiring of rotor VI
        Message-ID: <3EDC5678.7000@example.org>

        Does anyone know the wiring of rotor VI?

        --\u{20}
        Ada

        From bob at example.net  Tue Jun  3 11:00:00 2003
        From: bob at example.net (Bob Vance)
        Date: Tue, 03 Jun 2003 11:00:00 +0200
        Subject: [rotor-l] Wiring of rotor VI
        In-Reply-To: <3EDC5678.7000@example.org>
        References: <3EDC5678.7000@example.org>
        Message-ID: <3EDC9999.1000@example.net>

        > Does anyone know the wiring of rotor VI?

        JZHLXRBQYDNTVMFOIUWSPGKAEC, I believe.


        """

    static let gigaword = """
        <DOC id="NYT_ENG_19940701.0001" type="story" >
        <HEADLINE>
        Heat Wave Grips City
        </HEADLINE>
        <TEXT>
        <P>
        It was the hottest July day on record.
        </P>
        </TEXT>
        </DOC>

        """

    @Test func compressedMailArchivesAndWireFilesLoadAsTheyAre() throws {
        let tree = try TempTree()
        try Self.write(tree, "rotor-l/2003-June.txt.gz", try Self.gzip(Array(Self.mailmanMonth.utf8)))
        try Self.write(tree, "lists/swift-dev.mbox.gz", try Self.gzip(Array(("\n" + Self.mailmanMonth.replacingOccurrences(of: "rotor-l", with: "swift-dev")
            .replacingOccurrences(of: "3EDC", with: "4FDC")).utf8)))
        try Self.write(tree, "gigaword/nyt_eng_199407.gz", try Self.gzip(Array(Self.gigaword.utf8)))
        try Self.write(tree, "gigaword/README.gz", try Self.gzip(Array("Gigaword, fifth edition.\n".utf8)))
        try Self.write(tree, "gigaword/notes.gz", try Self.gzip(Array("Not a wire file.\n".utf8)))

        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.report.warnings.isEmpty, "\(archive.report.warnings)")
        #expect(archive.report.filesRead == 3)
        #expect(archive.articles.map(\.title).sorted() == [
            "Heat Wave Grips City", "[rotor-l] Wiring of rotor VI", "[rotor-l] Wiring of rotor VI",
            "[swift-dev] Wiring of rotor VI", "[swift-dev] Wiring of rotor VI",
        ])
        let reply = try #require(archive.articles.first { $0.messageID == "3EDC9999.1000@example.net" })
        #expect(reply.date?.isoDay == "2003-06-03")
        #expect(reply.body.hasPrefix("> Does anyone know the wiring of rotor VI?"))
        #expect(reply.source.path == tree.path("rotor-l/2003-June.txt.gz"), "warnings and the reader name the file on disk")
        #expect(reply.source.line == 13, "lines count in the inflated text")
        #expect(MboxFormat.hasMboxSuffix("lists/swift-dev.mbox.gz"))
    }

    @Test func concatenatedMembersAreOneText() throws {
        // `cat june.gz july.gz > summer.txt.gz`, or a log rotated by appending members.
        let tree = try TempTree()
        let halves = Self.mailmanMonth.components(separatedBy: "\nFrom bob")
        try Self.write(tree, "summer.txt.gz", try Self.gzip(Array((halves[0] + "\n").utf8)) + Self.gzip(Array(("From bob" + halves[1]).utf8)))
        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.articles.count == 2)
        #expect(archive.report.warnings.isEmpty, "\(archive.report.warnings)")
    }

    @Test func damagedFilesKeepWhatIsReadableAndSayWhatWasLost() throws {
        let tree = try TempTree()
        // A big month whose download stopped half-way: the messages before the cut load.
        func month(_ list: String) throws -> [UInt8] {
            var month = ""
            for day in 1...200 {
                month += "From desk at example.org  Mon Jun  2 09:00:00 2003\nFrom: desk at example.org\n"
                month += "Subject: Bulletin \(day)\nDate: Mon, 02 Jun 2003 09:00:00 +0000\nMessage-ID: <\(list)\(day)@example.org>\n\n"
                month += String(repeating: "Varied text \(day * 7919 % 1000) for bulletin \(day).\n", count: 20) + "\n"
            }
            return try Self.gzip(Array(month.utf8))
        }
        let whole = try month("cut")
        try Self.write(tree, "cut/2003-June.txt.gz", Array(whole.prefix(whole.count / 2)))
        // Bytes flipped in the middle: the text before the damage is kept.
        var corrupt = try month("corrupt")
        for index in (whole.count / 2)..<(whole.count / 2 + 64) { corrupt[index] ^= 0xA5 }
        try Self.write(tree, "corrupt/2003-June.txt.gz", corrupt)
        try Self.write(tree, "plain/renamed.txt.gz", Array(Self.mailmanMonth.utf8))
        try Self.write(tree, "empty/nothing.txt.gz", [])

        let archive = try ArchiveLoader.load(directories: [tree.root])
        let warnings = archive.report.warnings.map(\.description)
        let cut = try #require(warnings.first { $0.hasPrefix(tree.path("cut/2003-June.txt.gz")) }, "\(warnings)")
        #expect(cut.contains(": compressed data cut short; kept the "))
        let damaged = try #require(warnings.first { $0.hasPrefix(tree.path("corrupt/2003-June.txt.gz")) }, "\(warnings)")
        #expect(damaged.contains(": corrupt compressed data at byte "))
        #expect(warnings.contains(tree.path("plain/renamed.txt.gz") + ": not gzip data (named .gz); skipped"))
        #expect(warnings.contains(tree.path("empty/nothing.txt.gz") + ": not gzip data (named .gz); skipped"))
        let bulletins = archive.articles.filter { $0.source.path.hasPrefix(tree.path("cut/")) }
        #expect(bulletins.count > 20 && bulletins.count < 200, "\(bulletins.count) of 200 before the cut")
        #expect(bulletins.allSatisfy { $0.title.hasPrefix("Bulletin ") })
        #expect(archive.articles.contains { $0.source.path.hasPrefix(tree.path("corrupt/")) })
    }

    @Test func aFileThatInflatesPastTheLimitIsSkippedNotLoaded() throws {
        let tree = try TempTree()
        // 4 MiB of one repeated line compresses to a few KiB: a bomb at a 1 MiB limit.
        try Self.write(tree, "bomb.txt.gz", try Self.gzip(Array(String(repeating: "all work and no play\n", count: 200_000).utf8)))
        guard case .failure(let failure) = FileReading.readArticleFile(tree.path("bomb.txt.gz"), limit: 1 << 20) else {
            Issue.record("a 4 MiB text was inflated past a 1 MiB limit")
            return
        }
        #expect(failure.reason == "inflates to more than 1 MiB; skipped")
        guard case .success(let file) = FileReading.readArticleFile(tree.path("bomb.txt.gz")) else {
            Issue.record("within the default limit it reads")
            return
        }
        #expect(file.text.count == 21 * 200_000)
        #expect(file.diskBytes < 100_000)
        // 64 MiB of line ends is some 64 KiB compressed: over a hundred times its size.
        try Self.write(tree, "newlines.txt.gz", try Self.gzip([UInt8](repeating: 0x0A, count: 64 << 20)))
        guard case .failure(let newlines) = FileReading.readArticleFile(tree.path("newlines.txt.gz")) else {
            Issue.record("a 64 MiB run of line ends was inflated")
            return
        }
        #expect(newlines.reason == "inflates to over 100 times its size; skipped")
    }

    @Test func gzipDataIsInflatedOnlyWhenNamedSo() throws {
        // A gzipped TREC file that lost its `.gz`: the loader would read compressed bytes, so
        // the walk does not take it either.
        let tree = try TempTree()
        try Self.write(tree, "ap880212", try Self.gzip(Array(Self.gigaword.utf8)))
        try Self.write(tree, "nyt_eng_199407.gz", try Self.gzip(Array(Self.gigaword.utf8)))
        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.report.filesRead == 1)
        #expect(archive.articles.map(\.source.path) == [tree.path("nyt_eng_199407.gz")])
        #expect(!ArticleFileName.startsWithDocTag(Array("<DOC\n<DOCNO> x </DOCNO>".utf8)[...]), "as the SGML reader claims: `<DOC>` or `<DOC `")
    }

    @Test func compressedNamesAreArticleNames() {
        for name in ["2003-June.txt.gz", "list.mbox.gz", "a.eml.gz", "reut2-000.sgm.gz", "ap880212.sgml.gz"] {
            #expect(ArticleFileName.isArticle(Array(name.utf8)), "\(name)")
        }
        for name in ["photo.png.gz", ".gz", "txt.gz", "a.txt.gz.bak", "notes.md.gz"] {
            #expect(!ArticleFileName.isArticle(Array(name.utf8)), "\(name)")
        }
        #expect(ArticleFileName.isUnnamedCandidate(Array("nyt_eng_199407.gz".utf8)))
        #expect(!ArticleFileName.isUnnamedCandidate(Array("notes.md.gz".utf8)))
    }
}
