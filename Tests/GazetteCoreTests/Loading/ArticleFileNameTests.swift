import Foundation
import Testing
@testable import GazetteCore

/// Which names the walk reads: a news spool, an MH folder and saved mail load as well as `.txt`.
@Suite struct ArticleFileNameTests {
    @Test func articleNames() {
        for name in ["a.txt", "list.mbox", "saved.eml", "reut2-000.sgm", "ap881104.sgml", "42", "0", "123456789012", "x.y.txt"] {
            #expect(ArticleFileName.isArticle(Array(name.utf8)), "\(name)")
        }
        for name in ["notes.md", "image.png", "1234567890123", "42a", "4 2", "txt", "mbox", "a.TXT", "a.txt~", "", "-1", "１２"] {
            #expect(!ArticleFileName.isArticle(Array(name.utf8)), "\(name)")
        }
    }

    @Test func onlyExtensionsMarkADirectoryAsMisnamed() {
        #expect(ArticleFileName.hasArticleExtension(Array("x.eml".utf8)))
        #expect(!ArticleFileName.hasArticleExtension(Array("2026".utf8)), "a year folder is a folder")
    }

    @Test func aNewsSpoolAnMHFolderAndSavedMailLoad() throws {
        let tree = try TempTree()
        let post = """
            Path: news.example.net!not-for-mail
            From: Ada <ada@example.org>
            Newsgroups: comp.lang.swift,comp.lang.misc
            Subject: Structured concurrency in practice
            Date: Sat, 29 Nov 2026 12:00:00 +0100
            Message-ID: <spool.1@news.example.net>
            Lines: 1

            Crossposted once, stored twice.

            """
        // A tradspool stores a crosspost once per group, as hard links to one file.
        try tree.write("spool/comp/lang/swift/42", post)
        try tree.mkdir("spool/comp/lang/misc")
        #expect(link(tree.path("spool/comp/lang/swift/42"), tree.path("spool/comp/lang/misc/7")) == 0)
        try tree.write("spool/comp/lang/swift/.overview", "42\tStructured concurrency\n")
        try tree.write("Mail/inbox/1", "From: desk@example.org\nSubject: MH message\nDate: Mon, 30 Nov 2026 09:00:00 +0000\n\nFiled by MH.\n")
        try tree.write("saved/Reply.eml", "From: bob@example.org\nSubject: Saved from a mail client\nDate: Mon, 30 Nov 2026 10:00:00 +0000\n\nKept as .eml.\n")
        try tree.write("feeds/desk/2026/11/2026-11-30-brief.txt", ArchiveLoaderTests.article("Year and month folders", "2026-11-30"))
        try tree.write("saved/photo.png", "not an article")
        try tree.write("saved/1764500000000", "a 13-digit name: a timestamp, not an article number")
        try tree.mkdir("saved/folder.eml")

        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.articles.map(\.title).sorted() == [
            "MH message", "Saved from a mail client", "Structured concurrency in practice", "Year and month folders",
        ])
        #expect(archive.report.filesRead == 5, "both links of the crosspost are read")
        #expect(archive.report.duplicates.isEmpty, "the crosspost is one article, and one file read twice is no duplicate to report")
        #expect(archive.report.warnings.map(\.description) == [
            tree.path("saved/folder.eml") + ": a directory named like an article file; skipped",
        ])
    }
    @Test func wireFilesWithNoExtensionAreReadByTheirFirstRecord() throws {
        // A TREC/TIPSTER disk as shipped: `AP/ap880212`, `WSJ/1991/WSJ910102`, Gigaword's
        // `nyt_eng_199407`, with the disk's README and a Makefile beside them.
        let tree = try TempTree()
        let story = { (docno: String, head: String) in
            "<DOC>\n<DOCNO> \(docno) </DOCNO>\n<HEAD>\(head)</HEAD>\n<TEXT>\n   Reported by the wire.\n</TEXT>\n</DOC>\n"
        }
        try tree.write("AP/ap880212", "\n" + story("AP880212-0001", "Ferry Strike Ends"))
        try tree.write("WSJ/1991/WSJ910102", story("WSJ910102-0001", "Bonds Rally on Fed Hopes"))
        try tree.write("gigaword/nyt_eng_199407",
                       "<DOC id=\"NYT_ENG_19940701.0001\" type=\"story\" >\n<HEADLINE>\nHeat Wave Grips City\n</HEADLINE>\n<TEXT>\n<P>\nIt was hot.\n</P>\n</TEXT>\n</DOC>\n")
        try tree.write("AP/README", "TREC disk 1: AP newswire, 1988.\n")
        try tree.write("AP/Makefile", "all:\n\techo <DOC>\n")
        try tree.write("AP/DOCUMENTS", "<DOCUMENT>not a TREC record</DOCUMENT>\n")
        try tree.write("AP/empty", "")
        #expect(mkfifo(tree.path("AP/pipe"), 0o600) == 0)
        #expect(symlink(tree.path("AP/ap880212"), tree.path("AP/latest")) == 0)

        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.articles.map(\.title).sorted() == ["Bonds Rally on Fed Hopes", "Ferry Strike Ends", "Heat Wave Grips City"])
        #expect(archive.report.filesRead == 4, "the link to a wire file is read as well (one article)")
        #expect(archive.report.warnings.isEmpty, "\(archive.report.warnings)")
        #expect(ArticleFileName.isUnnamedCandidate(Array("ap880212".utf8)))
        #expect(!ArticleFileName.isUnnamedCandidate(Array("notes.md".utf8)))
        #expect(!ArticleFileName.isUnnamedCandidate(Array(".profile".utf8)))
        #expect(!ArticleFileName.isUnnamedCandidate(Array("42".utf8)), "a number is a spool article already")
    }

    @Test func mailboxesWithNoExtensionAreReadByTheirFirstEnvelope() throws {
        // mutt's `~/Mail/lists/swift-dev`, Thunderbird's `Local Folders/Inbox` (its `.msf`
        // index and an empty `Trash` beside it), the classic `~/mbox`.
        let tree = try TempTree()
        let message = { (subject: String, id: String) in
            "From ada@example.org  Tue Jun  3 10:22:01 2003\nFrom: Ada <ada@example.org>\nSubject: \(subject)\n"
                + "Date: Tue, 03 Jun 2003 10:22:01 +0200\nMessage-ID: <\(id)@example.org>\n\nBody of \(subject).\n\n"
        }
        try tree.write("Mail/lists/swift-dev", message("Actors and isolation", "a1") + message("Re: Actors and isolation", "a2"))
        try tree.write("Thunderbird/Local Folders/Inbox", "\n" + message("Welcome to the list", "t1"))
        try tree.write("Thunderbird/Local Folders/Inbox.msf", "// <!-- <mdb:mork:z v=\"1.4\"/> -->\n")
        try tree.write("Thunderbird/Local Folders/Trash", "")
        try tree.write("home/mbox", message("Saved by mail(1)", "m1"))
        try tree.write("home/notes", "From the desk of Ada: remember the milk.\n")

        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.articles.map(\.title).sorted() == [
            "Actors and isolation", "Re: Actors and isolation", "Saved by mail(1)", "Welcome to the list",
        ])
        #expect(archive.report.filesRead == 3)
        #expect(archive.report.warnings.isEmpty, "\(archive.report.warnings)")
    }

    @Test func maildirPlusPlusFoldersAreReadOtherHiddenFoldersAreNot() throws {
        let tree = try TempTree()
        func deliver(_ folder: String, _ name: String, _ subject: String) throws {
            for sub in ["cur", "new", "tmp"] { try tree.mkdir("Maildir/\(folder)\(sub)") }
            try tree.write("Maildir/\(folder)new/\(name)", "From: desk@example.org\nSubject: \(subject)\nDate: Mon, 30 Nov 2026 09:00:00 +0000\n\nBody.\n")
        }
        try deliver("", "1764493200.M1P1.host", "In the inbox")
        try deliver(".Sent/", "1764493201.M2P1.host", "Sent by me")
        try deliver(".Lists.swift-dev/", "1764493202.M3P1.host", "On a list")
        try tree.write("Maildir/.Sent/tmp/1764493203.M4P1.host", "From: a@example.org\nSubject: Still being written\n\nPartial\n")
        try tree.write(".git/notes.txt", ArchiveLoaderTests.article("Inside a hidden folder that is no mail folder"))
        try tree.write("Maildir/.notes/cur.txt", ArchiveLoaderTests.article("A hidden folder with a file named cur.txt"))

        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.articles.map(\.title).sorted() == ["In the inbox", "On a list", "Sent by me"])
        #expect(archive.report.warnings.isEmpty, "\(archive.report.warnings)")
    }
}
