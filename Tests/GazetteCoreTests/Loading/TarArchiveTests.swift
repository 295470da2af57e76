import Foundation
import Testing
@testable import GazetteCore

/// Tar archives as datasets and old spools are shipped — 20 Newsgroups' `20news-bydate.tar.gz`
/// (a numbered Usenet post per entry, group folders), Reuters-21578's `reuters21578.tar.gz`, a
/// tarred news spool with crossposts as hard links — made by the system's GNU `tar` in each of
/// its formats, and the damage downloads have.
@Suite struct TarArchiveTests {
    /// Runs the system `tar` with `arguments` in `directory`.
    static func tar(_ arguments: [String], in directory: String) throws {
        try run("tar", arguments, in: directory)
    }

    /// Runs an archiver (`tar`, `zip`) in `directory`; it must succeed.
    static func run(_ tool: String, _ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments)")
    }

    /// 20 Newsgroups' shape: headers cut to From/Subject/Organization/Lines, no Date, no Message-ID.
    static let faq = """
        From: mathew <mathew@mantis.co.uk>
        Subject: Alt.Atheism FAQ: Atheist Resources
        Summary: Books, addresses, music -- anything related to atheism
        Keywords: FAQ, atheism, books, music, fiction, addresses, contacts
        Expires: Thu, 29 Apr 1993 11:57:19 GMT
        Distribution: world
        Organization: Mantis Consultants, Cambridge. UK.
        Supersedes: <19930301143317@mantis.co.uk>
        Lines: 290

        Archive-name: atheism/resources
        Alt-atheism-archive-name: resources
        Last-modified: 11 December 1992
        Version: 1.0

                                      Atheist Resources

        """

    static let reply = """
        From: frank@D012S658.uucp (Frank O'Dwyer)
        Subject: Re: Tieing Abortion to Health Reform -- Is Clinton Nuts?
        Organization: Siemens-Nixdorf AG
        Lines: 12

        In article <1993Apr15.123456@foo.edu> bar@foo.edu writes:
        >Is he nuts?

        No.

        """

    static let crypt = """
        From: strnlght@netcom.com (David Sternlight)
        Subject: Re: Clipper chip -- technical details
        Organization: DSI/USCF
        Lines: 3

        Key escrow is the catch.

        """

    /// The 20 Newsgroups tree under `root`: train and test folders, a group each, a README.
    static func newsgroups(in root: String) throws {
        for (path, text) in [("20news-bydate-train/alt.atheism/49960", faq), ("20news-bydate-train/alt.atheism/51060", reply),
                             ("20news-bydate-test/sci.crypt/15300", crypt),
                             ("20news-bydate-test/README", "Sorted by date, duplicates and some headers removed.\n")] {
            try FileManager.default.createDirectory(atPath: root + "/" + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: root + "/" + path, atomically: false, encoding: .utf8)
        }
    }

    @Test(arguments: ["gnu", "ustar", "pax", "v7"])
    func twentyNewsgroupsTarballLoadsInEveryTarFormat(format: String) throws {
        let source = try TempTree(), data = try TempTree()
        try Self.newsgroups(in: source.root)
        try Self.tar(["--format=\(format)", "-czf", data.path("20news-bydate.tar.gz"), "20news-bydate-train", "20news-bydate-test"], in: source.root)

        let archive = try ArchiveLoader.load(directories: [data.root])
        #expect(archive.report.warnings.isEmpty, "\(archive.report.warnings)")
        #expect(archive.articles.map(\.title).sorted() == [
            "Alt.Atheism FAQ: Atheist Resources", "Re: Clipper chip -- technical details",
            "Re: Tieing Abortion to Health Reform -- Is Clinton Nuts?",
        ], "each numbered post is an article; the README is not")
        let faq = try #require(archive.articles.first { $0.title.hasPrefix("Alt.Atheism") })
        #expect(faq.author == "mathew <mathew@mantis.co.uk>")
        #expect(faq.tags.contains("atheism"))
        #expect(faq.source.path == data.path("20news-bydate.tar.gz"))
        let answer = try #require(archive.articles.first { $0.title.hasPrefix("Re: Tieing") })
        #expect(answer.body == "In article <1993Apr15.123456@foo.edu> bar@foo.edu writes:\n>Is he nuts?\n\nNo.")
        #expect(archive.report.filesRead == 1)
    }

    @Test func longNamesAndAPlainTarOfASpoolWithCrosspostsAsHardLinks() throws {
        let source = try TempTree(), data = try TempTree()
        // A path past ustar's 100-byte name field (GNU writes an `L` entry, pax an `x` header).
        let deep = "spool/" + String(repeating: "very-long-hierarchy-name/", count: 8) + "comp.sys.enigma"
        try FileManager.default.createDirectory(atPath: source.path(deep), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: source.path("spool/sci.crypt"), withIntermediateDirectories: true)
        try Self.crypt.write(toFile: source.path(deep + "/17"), atomically: false, encoding: .utf8)
        // A crosspost: the spool files it once per group, as hard links.
        try FileManager.default.linkItem(atPath: source.path(deep + "/17"), toPath: source.path("spool/sci.crypt/4"))
        try Self.reply.write(toFile: source.path("spool/sci.crypt/5"), atomically: false, encoding: .utf8)
        try Self.tar(["--format=gnu", "-cf", data.path("spool-gnu.tar"), "spool"], in: source.root)
        try Self.tar(["--format=pax", "-cf", data.path("spool-pax.TAR"), "spool"], in: source.root)

        let archive = try ArchiveLoader.load(directories: [data.root])
        #expect(archive.report.warnings.isEmpty, "\(archive.report.warnings)")
        #expect(archive.articles.map(\.title).sorted() == ["Re: Clipper chip -- technical details", "Re: Tieing Abortion to Health Reform -- Is Clinton Nuts?"],
                "two posts, whichever archive and however many links: one article each")
        #expect(archive.report.duplicates.count == 2, "the second archive's copies are duplicates of the first's")
        // Read directly: the long name survives in both formats, the hard link is not a second entry.
        for name in ["spool-gnu.tar", "spool-pax.TAR"] {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: data.path(name))))
            let members = try bytes.withUnsafeBufferPointer { try Tar.members($0).get() }
            #expect(Set(members.map(\.name)) == [deep + "/17", "spool/sci.crypt/5"], "\(name)")
        }
    }

    @Test func damagedTarsKeepWhatCameBeforeTheDamage() throws {
        let source = try TempTree(), data = try TempTree()
        try Self.newsgroups(in: source.root)
        try Self.tar(["--format=ustar", "-cf", data.path("whole.tar"), "20news-bydate-train"], in: source.root)
        let whole = try [UInt8](Data(contentsOf: URL(fileURLWithPath: data.path("whole.tar"))))
        try FileManager.default.removeItem(atPath: data.path("whole.tar"))
        // Entries: the train folder, alt.atheism, then the two posts (a header and a block each).
        let headers = whole.withUnsafeBufferPointer { buffer in
            stride(from: 0, to: whole.count - 512, by: 512).filter { Tar.checksumMatches(buffer.extracting($0..<($0 + 512))) }
        }
        let second = try #require(headers.last)
        // Cut inside the last post's text: the first post is kept.
        try GzipArchiveTests.write(data, "cut.tar", Array(whole.prefix(second + 600)))
        // A flipped byte in the last post's header: its checksum fails.
        var flipped = whole
        flipped[second + 5] ^= 0x20
        try GzipArchiveTests.write(data, "flipped.tar", flipped)
        try GzipArchiveTests.write(data, "renamed.tar", Array("Title: Not a tar\n\nPlain text.\n".utf8))
        try GzipArchiveTests.write(data, "renamed.tgz", try GzipArchiveTests.gzip(Array("Title: Not a tar\n\nPlain text.\n".utf8)))

        let archive = try ArchiveLoader.load(directories: [data.root])
        let warnings = archive.report.warnings.map(\.description).sorted()
        #expect(warnings == [
            data.path("cut.tar") + ": tar archive cut short at byte \(second); kept the 1 file before it",
            data.path("flipped.tar") + ": damaged tar header at byte \(second); kept the 1 file before it",
            data.path("renamed.tar") + ": not a tar archive; skipped",
            data.path("renamed.tgz") + ": not a tar archive; skipped",
        ], "\(warnings)")
        #expect(archive.articles.count == 1, "the post before the damage, once (the two damaged copies are one article)")
    }

    @Test func aTarballNeverReachesPastTheInflateCap() throws {
        let data = try TempTree()
        // A tarball that inflates a hundred-fold and more: a bomb, skipped like a .gz one.
        var header = [UInt8](repeating: 0, count: 512)
        Array("a.txt".utf8).enumerated().forEach { header[$0.offset] = $0.element }
        let size = String(64 << 20, radix: 8)
        Array((String(repeating: "0", count: 11 - size.count) + size).utf8).enumerated().forEach { header[124 + $0.offset] = $0.element }
        header[156] = UInt8(ascii: "0")
        for offset in 148..<156 { header[offset] = 0x20 }
        let sum = String(header.reduce(0) { $0 + Int($1) }, radix: 8)
        Array((String(repeating: "0", count: 6 - sum.count) + sum).utf8).enumerated().forEach { header[148 + $0.offset] = $0.element }
        header[154] = 0
        try GzipArchiveTests.write(data, "bomb.tgz", try GzipArchiveTests.gzip(header + [UInt8](repeating: 0x0A, count: 64 << 20)))
        let archive = try ArchiveLoader.load(directories: [data.root])
        #expect(archive.report.warnings.map(\.description) == [data.path("bomb.tgz") + ": inflates to over 100 times its size; skipped"])
    }

    @Test func sizesInBase256AndOctalFieldsAsTarsWriteThem() {
        func number(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer { Tar.number($0[...]) } }
        #expect(number(Array("00000001750\0".utf8)) == 1000)
        #expect(number(Array("     1750 \0\0".utf8)) == 1000, "old tars pad with spaces")
        #expect(number([0x80] + [UInt8](repeating: 0, count: 7) + [0, 0, 0x03, 0xE8]) == 1000, "GNU's base-256")
        #expect(number([0xFF] + [UInt8](repeating: 0xFF, count: 11)) == nil, "negative")
        #expect(number(Array("0000000175x\0".utf8)) == nil)
    }

    @Test func enronMessagesNamedWithATrailingDotAreRead() throws {
        let tree = try TempTree()
        let message = """
            Message-ID: <18782981.1075855378110.JavaMail.evans@thyme>
            Date: Mon, 14 May 2001 16:39:00 -0700 (PDT)
            From: phillip.allen@enron.com
            To: tim.belden@enron.com
            Subject:\u{20}
            Mime-Version: 1.0
            Content-Type: text/plain; charset=us-ascii
            Content-Transfer-Encoding: 7bit
            X-From: Phillip K Allen
            X-To: Tim Belden <Tim Belden/Enron@EnronXGate>
            X-cc:\u{20}
            X-bcc:\u{20}
            X-Folder: \\Phillip_Allen_Jan2002_1\\Allen, Phillip K.\\'Sent Mail
            X-Origin: Allen-P
            X-FileName: pallen (Non-Privileged).pst

            Here is our forecast

            \u{20}
            """
        try GzipArchiveTests.write(tree, "maildir/allen-p/_sent_mail/1.", Array(message.utf8))
        try GzipArchiveTests.write(tree, "maildir/allen-p/_sent_mail/1.bak", Array(message.utf8))
        try GzipArchiveTests.write(tree, "maildir/allen-p/_sent_mail/1..", Array(message.utf8))
        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.report.filesRead == 1, "`1.` is a message; `1.bak` and `1..` are not")
        let article = try #require(archive.articles.first)
        #expect(article.title == "Here is our forecast", "an empty Subject: the first line names it")
        #expect(article.body == "Here is our forecast", "and stays in the body")
        #expect(article.author == "phillip.allen@enron.com")
    }
}
