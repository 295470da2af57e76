import Foundation
import Testing
@testable import GazetteCore

/// Archives compressed with bzip2 and xz, as list archives and datasets are shipped beside gzip
/// (`list.mbox.xz`, `2003-June.txt.bz2`, `corpus.tar.xz`): made by the system's own `bzip2` and
/// `xz`, concatenated as `pbzip2` and `cat` make them, and damaged as downloads are.
@Suite struct BzipXzArchiveTests {
    /// `bytes` compressed by the system's `tool` (`gzip`, `bzip2`, `xz`), with `options`: the files
    /// users have are made by these tools.
    static func compress(_ tool: String, _ bytes: [UInt8], _ options: [String] = []) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool, "-c"] + options
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(bytes)); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return Array(data)
    }

    static var month: [UInt8] { Array(GzipArchiveTests.mailmanMonth.utf8) }

    /// A month of 200 distinct bulletins, large enough to be cut part-way.
    static func bulletins(_ list: String) -> [UInt8] {
        var month = ""
        for day in 1...200 {
            month += "From desk at example.org  Mon Jun  2 09:00:00 2003\nFrom: desk at example.org\n"
            month += "Subject: Bulletin \(day)\nDate: Mon, 02 Jun 2003 09:00:00 +0000\nMessage-ID: <\(list)\(day)@example.org>\n\n"
            month += String(repeating: "Varied text \(day * 7919 % 1000) for bulletin \(day).\n", count: 20) + "\n"
        }
        return Array(month.utf8)
    }

    @Test(arguments: ["bzip2", "xz"])
    func compressedMailboxesAndUnnamedFilesLoad(tool: String) throws {
        let suffix = tool == "xz" ? ".xz" : ".bz2"
        let tree = try TempTree()
        try GzipArchiveTests.write(tree, "rotor-l/2003-June.txt" + suffix, try Self.compress(tool, Self.month))
        // With no extension before the compression's: a mailbox and a wire file, told by their first bytes.
        try GzipArchiveTests.write(tree, "Mail/swift-dev" + suffix, try Self.compress(tool, Array(String(decoding: Self.month, as: UTF8.self)
            .replacingOccurrences(of: "rotor-l", with: "swift-dev").replacingOccurrences(of: "3EDC", with: "4FDC").utf8)))
        try GzipArchiveTests.write(tree, "gigaword/nyt_eng_199407" + suffix, try Self.compress(tool, Array(GzipArchiveTests.gigaword.utf8)))
        try GzipArchiveTests.write(tree, "gigaword/README" + suffix, try Self.compress(tool, Array("Gigaword, fifth edition.\n".utf8)))

        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.report.warnings.isEmpty, "\(archive.report.warnings)")
        #expect(archive.report.filesRead == 3, "the README is opened to look, never read")
        #expect(archive.articles.map(\.title).sorted() == [
            "Heat Wave Grips City", "[rotor-l] Wiring of rotor VI", "[rotor-l] Wiring of rotor VI",
            "[swift-dev] Wiring of rotor VI", "[swift-dev] Wiring of rotor VI",
        ])
        let reply = try #require(archive.articles.first { $0.messageID == "3EDC9999.1000@example.net" })
        #expect(reply.source.path == tree.path("rotor-l/2003-June.txt" + suffix))
        #expect(reply.source.line == 13, "lines count in the inflated text")
        #expect(reply.body.hasPrefix("> Does anyone know the wiring of rotor VI?"))
    }

    @Test(arguments: ["bzip2", "xz"])
    func concatenatedStreamsAreOneText(tool: String) throws {
        // `pbzip2` writes one stream per block; `cat june.xz july.xz` appends streams.
        let tree = try TempTree()
        let halves = GzipArchiveTests.mailmanMonth.components(separatedBy: "\nFrom bob")
        let bytes = try Self.compress(tool, Array((halves[0] + "\n").utf8)) + Self.compress(tool, Array(("From bob" + halves[1]).utf8))
        try GzipArchiveTests.write(tree, "summer.mbox" + (tool == "xz" ? ".xz" : ".bz2"), bytes)
        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.report.warnings.isEmpty, "\(archive.report.warnings)")
        #expect(archive.articles.count == 2)
    }

    @Test func damagedFilesSayWhatWasLost() throws {
        let tree = try TempTree()
        // Two streams, cut inside the second: the first stream's bulletins load (bzip2 gives
        // nothing of a block it has not all of; xz gives what it decoded).
        for (tool, suffix) in [("bzip2", ".bz2"), ("xz", ".xz")] {
            let first = Self.bulletins("a\(suffix)"), second = Self.bulletins("b\(suffix)")
            let one = try Self.compress(tool, first), two = try Self.compress(tool, second)
            try GzipArchiveTests.write(tree, "cut/june.mbox" + suffix, one + two.prefix(two.count / 2))
            var flipped = try Self.compress(tool, Self.bulletins("c\(suffix)"))  // ids of their own: no duplicates of the cut file's
            for index in (flipped.count / 2)..<(flipped.count / 2 + 32) { flipped[index] ^= 0xA5 }
            try GzipArchiveTests.write(tree, "corrupt/june.mbox" + suffix, flipped)
            try GzipArchiveTests.write(tree, "plain/june.mbox" + suffix, Self.month)
        }
        let archive = try ArchiveLoader.load(directories: [tree.root])
        let warnings = archive.report.warnings.map(\.description)
        for suffix in [".bz2", ".xz"] {
            let cut = try #require(warnings.first { $0.hasPrefix(tree.path("cut/june.mbox" + suffix)) }, "\(warnings)")
            #expect(cut.contains(": compressed data cut short; kept the "), "\(cut)")
            let cutArticles = archive.articles.filter { $0.source.path == tree.path("cut/june.mbox" + suffix) }
            #expect(cutArticles.count >= 200 && cutArticles.count < 400, "\(suffix): \(cutArticles.count)")
            let corrupt = try #require(warnings.first { $0.hasPrefix(tree.path("corrupt/june.mbox" + suffix)) }, "\(warnings)")
            #expect(corrupt.contains(": corrupt compressed data at byte "), "\(corrupt)")
        }
        #expect(warnings.contains(tree.path("plain/june.mbox.bz2") + ": not bzip2 data (named .bz2); skipped"))
        #expect(warnings.contains(tree.path("plain/june.mbox.xz") + ": not xz data (named .xz); skipped"))
    }

    @Test(arguments: ["bzip2", "xz"])
    func bombsAreSkipped(tool: String) throws {
        let tree = try TempTree()
        try GzipArchiveTests.write(tree, "bomb.txt" + (tool == "xz" ? ".xz" : ".bz2"), try Self.compress(tool, [UInt8](repeating: 0x0A, count: 64 << 20)))
        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.report.warnings.map(\.description) == [tree.path("bomb.txt" + (tool == "xz" ? ".xz" : ".bz2")) + ": inflates to over 100 times its size; skipped"])
    }

    @Test func tarballsCompressedEveryWayLoad() throws {
        let source = try TempTree(), data = try TempTree()
        try TarArchiveTests.newsgroups(in: source.root)
        for (flag, name) in [("-cjf", "a.tar.bz2"), ("-cjf", "b.tbz2"), ("-cJf", "c.tar.xz"), ("-cJf", "d.txz"), ("-czf", "e.tgz")] {
            try TarArchiveTests.tar([flag, data.path(name), "20news-bydate-train", "20news-bydate-test"], in: source.root)
        }
        let archive = try ArchiveLoader.load(directories: [data.root])
        #expect(archive.report.warnings.isEmpty, "\(archive.report.warnings)")
        #expect(archive.report.filesRead == 5)
        #expect(archive.articles.count == 3, "three posts, the four other tarballs' copies duplicates")
        #expect(archive.report.duplicates.count == 12)
    }

    @Test func compressedNamesAreArticleNames() {
        for name in ["june.txt.bz2", "list.mbox.xz", "a.eml.xz", "reut2-000.sgm.bz2", "ROTOR-L.LOG9901.xz", "x.tar.xz", "x.tbz2", "x.tbz", "x.txz"] {
            #expect(ArticleFileName.isArticle(Array(name.utf8)), "\(name)")
        }
        for name in ["photo.jpg.xz", ".bz2", "notes.md.bz2", "x.xz.txt2"] {
            #expect(!ArticleFileName.isArticle(Array(name.utf8)), "\(name)")
        }
        #expect(ArticleFileName.isUnnamedCandidate(Array("ap880212.bz2".utf8)))
        #expect(MboxFormat.hasMboxSuffix("lists/swift-dev.mbox.xz"))
    }
}
