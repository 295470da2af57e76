import Foundation
import Testing
@testable import GazetteCore

/// Tar archives too large to read whole, or whose text is over the file limit once inflated (a
/// tarred news spool, a corpus shipped as one `.tar.gz`), read as they inflate or from the disk
/// a piece at a time: here with a limit of 64 KiB and parts of a few KiB, and every result
/// compared with reading the same archive whole.
@Suite struct LargeTarTests {
    static let limit = 64 << 10

    /// A news spool: 300 numbered posts in three groups, a group mailbox, a README, long paths.
    static func spool(in root: String) throws {
        for number in 1...300 {
            let group = ["comp.sys.enigma", "sci.crypt", "alt.folklore.computers"][number % 3]
            let folder = "spool/" + (number % 2 == 0 ? String(repeating: "deep-hierarchy/", count: 8) : "") + group
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            let post = "From: poster\(number % 11)@example.org\nNewsgroups: \(group)\nSubject: Post \(number) on rotors\n"
                + "Message-ID: <p\(number)@example.org>\nDate: Tue, 3 Jun 2003 10:\(String(format: "%02d", number % 60)):00 GMT\n\n"
                + String(repeating: "Line \(number) of the post about rotor wiring.\n", count: number % 40 + 1)
            try post.write(toFile: root + "/" + folder + "/\(number)", atomically: false, encoding: .utf8)
        }
        try ZipArchiveTests.group.write(toFile: root + "/spool/enigma.mbox", atomically: false, encoding: .utf8)
        try "A tarred spool.\n".write(toFile: root + "/spool/README", atomically: false, encoding: .utf8)
    }

    static func whole(_ path: String) throws -> ParsedFile {
        let file = try FileReading.readArticleFile(path, limit: 1 << 30).get()
        var parsed = ArticleFileParser.parse(members: try #require(file.members), path: path)
        if let note = file.note { parsed.warnings.insert(LoadWarning(path: path, line: 0, reason: note), at: 0) }
        return parsed
    }

    @Test(arguments: [("-cf", "spool.tar"), ("-czf", "spool.tar.gz"), ("-cjf", "spool.tbz2"), ("-cJf", "spool.tar.xz")])
    func aTarOverTheLimitReadAsItComesGivesWhatReadingItWholeGives(flag: String, name: String) throws {
        let source = try TempTree(), data = try TempTree()
        try Self.spool(in: source.root)
        try TarArchiveTests.tar(["--format=gnu", flag, data.path(name), "spool"], in: source.root)
        let path = data.path(name)
        // Whole, it is over the limit, and the loader hears so.
        let failure = try #require(FileReading.readArticleFile(path, limit: Self.limit).failure)
        #expect(failure.tooLarge, "\(failure.reason)")
        #expect(LargeMailbox.qualifies(path))
        let whole = try Self.whole(path)
        #expect(whole.articles.count == 302)
        for partSize in [4 << 10, 32 << 10] {
            let read = try LargeMailbox.parse(path, limit: Self.limit, partSize: partSize).get()
            #expect(read.parsed.articles.map(\.id) == whole.articles.map(\.id))
            #expect(read.parsed.articles.map(\.source.line) == whole.articles.map(\.source.line))
            #expect(read.parsed.articles.map(\.body) == whole.articles.map(\.body))
            #expect(read.parsed.warnings.map(\.description) == whole.warnings.map(\.description))
            #expect(read.diskBytes == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
        }
    }

    /// Within the file limit, a tar or zip of more than one part is read as one over it is
    /// (members parsed in batches on every core, never all held): what the loader gives is
    /// what it gives reading each archive whole.
    @Test func archivesOfMoreThanAPartWithinTheLimitLoadAsReadWhole() throws {
        let source = try TempTree(), data = try TempTree()
        try Self.spool(in: source.root)
        try TarArchiveTests.tar(["--format=gnu", "-cf", data.path("spool.tar"), "spool"], in: source.root)
        try TarArchiveTests.tar(["--format=gnu", "-czf", data.path("spool.tar.gz"), "spool"], in: source.root)
        try GzipArchiveTests.write(data, "usenet.mbox.zip", try ZipArchiveTests.zip(LargeZipTests.collection()))
        let above = 16 << 10
        for name in ["spool.tar", "spool.tar.gz", "usenet.mbox.zip"] {
            let size = try #require(try FileManager.default.attributesOfItem(atPath: data.path(name))[.size] as? Int)
            #expect(LargeMailbox.readsInParts(data.path(name), size: size, partsAbove: above), "\(name): \(size) bytes")
        }
        let whole = try ArchiveLoader.load(directories: [data.root], progress: nil, partsAbove: .max)
        let parts = try ArchiveLoader.load(directories: [data.root], progress: nil, partsAbove: above)
        // The `.tar` and the `.tar.gz` hold the same 302 posts: the second copy is duplicates.
        #expect(parts.articles.count == 704)
        #expect(parts.report.duplicates.count >= 302)
        #expect(parts.articles.map(\.id) == whole.articles.map(\.id))
        #expect(parts.articles.map(\.source.path) == whole.articles.map(\.source.path))
        #expect(parts.articles.map(\.source.line) == whole.articles.map(\.source.line))
        #expect(parts.articles.map(\.body) == whole.articles.map(\.body))
        #expect(parts.report.warnings.map(\.description) == whole.report.warnings.map(\.description))
        #expect(parts.report.duplicates.count == whole.report.duplicates.count)
        #expect(parts.report.bytesRead == whole.report.bytesRead)
    }

    @Test func aCutShortTarballKeepsTheFilesBeforeTheCut() throws {
        let source = try TempTree(), data = try TempTree()
        try Self.spool(in: source.root)
        try TarArchiveTests.tar(["--format=gnu", "-czf", data.path("full.tar.gz"), "spool"], in: source.root)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: data.path("full.tar.gz"))))
        try GzipArchiveTests.write(data, "cut.tar.gz", Array(bytes.prefix(bytes.count * 2 / 3)))
        let path = data.path("cut.tar.gz")
        let read = try LargeMailbox.parse(path, limit: Self.limit, partSize: 4 << 10).get()
        let whole = try Self.whole(path)
        #expect(read.parsed.articles.map(\.id) == whole.articles.map(\.id))
        #expect(read.parsed.warnings.map(\.description) == whole.warnings.map(\.description))
        #expect(read.parsed.warnings.first?.reason.hasPrefix("compressed data cut short; kept the ") == true, "\(read.parsed.warnings)")
        // Whether the tar itself says "cut short" depends on where the text stops (inside an
        // entry's data, or in its padding, which a tar may lack at its end); both ways agree above.
        #expect(read.parsed.articles.count > 50 && read.parsed.articles.count < 302)
    }

    @Test(arguments: [("-czf", "spool.tar.gz"), ("-cjf", "spool.tbz2"), ("-cJf", "spool.tar.xz")])
    func aTarballLargerThanTheLimitItselfIsReadAPieceAtATime(option: String, name: String) throws {
        let source = try TempTree(), data = try TempTree()
        try Self.spool(in: source.root)
        try TarArchiveTests.tar(["--format=gnu", option, data.path(name), "spool"], in: source.root)
        let path = data.path(name)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let limit = min(8 << 10, size * 3 / 4)
        #expect(FileReading.readArticleFile(path, limit: limit).failure?.tooLarge == true)
        let whole = try Self.whole(path)
        let read = try LargeMailbox.parse(path, limit: limit, partSize: 4 << 10).get()
        #expect(read.parsed.articles.map(\.id) == whole.articles.map(\.id))
        #expect(read.parsed.warnings.map(\.description) == whole.warnings.map(\.description))
        #expect(read.diskBytes == size)
    }

    @Test func aMemberOverTheLimitIsSkippedAndTheRestLoad() throws {
        let source = try TempTree(), data = try TempTree()
        try FileManager.default.createDirectory(atPath: source.path("spool"), withIntermediateDirectories: true)
        try ("Title: Huge\n\n" + String(repeating: "x", count: 100_000) + "\n").write(toFile: source.path("spool/huge.txt"), atomically: false, encoding: .utf8)
        try ZipArchiveTests.group.write(toFile: source.path("spool/enigma.mbox"), atomically: false, encoding: .utf8)
        try TarArchiveTests.tar(["--format=gnu", "-cf", data.path("spool.tar"), "spool/huge.txt", "spool/enigma.mbox"], in: source.root)
        let read = try LargeMailbox.parse(data.path("spool.tar"), limit: Self.limit, partSize: 4 << 10).get()
        #expect(read.parsed.warnings.map(\.reason) == ["spool/huge.txt: larger than 0 MiB; skipped"])
        #expect(read.parsed.articles.map(\.title) == ["Wiring of rotor VI", "Re: Wiring of rotor VI"])
    }

    /// A Takeout export as a tarball: its mailbox far over the limit is read in parts as it
    /// streams by, in its place among the other files; the same articles, lines and warnings as
    /// reading the archive whole. (It used to be skipped: every message lost.) So is a tarred
    /// mail folder's mailbox with no extension (mutt's, Thunderbird's `Inbox`), told by its envelope.
    @Test(arguments: [("-cf", "takeout.tar", "All mail Including Spam and Trash.mbox"), ("-czf", "takeout.tgz", "All mail Including Spam and Trash.mbox"),
                      ("-cf", "mail.tar", "Inbox"), ("-czf", "mail.tgz", "Inbox")])
    func aMailboxMemberOverTheLimitIsReadInParts(option: String, name: String, mailboxName: String) throws {
        let source = try TempTree(), data = try TempTree()
        try FileManager.default.createDirectory(atPath: source.path("Takeout/Mail"), withIntermediateDirectories: true)
        let mailbox = LargeMailboxTests.takeout(messages: 300)
        #expect(mailbox.utf8.count > 4 * Self.limit)
        let member = "Takeout/Mail/" + mailboxName
        try mailbox.write(toFile: source.path(member), atomically: false, encoding: .utf8)
        try "Title: Before\nDate: 2001-01-01\n\nThe file before.\n".write(toFile: source.path("Takeout/a.txt"), atomically: false, encoding: .utf8)
        try "Title: After\nDate: 2001-01-02\n\nThe file after.\n".write(toFile: source.path("Takeout/z.txt"), atomically: false, encoding: .utf8)
        let path = data.path(name)
        // Named in this order, whatever order the file system lists them in.
        try TarArchiveTests.tar(["--format=gnu", option, path, "Takeout/a.txt", member, "Takeout/z.txt"], in: source.root)
        let whole = try Self.whole(path)
        #expect(whole.articles.count == 302)
        for partSize in [4 << 10, 16 << 10] {
            let read = try LargeMailbox.parse(path, limit: Self.limit, partSize: partSize).get()
            #expect(read.parsed.articles.map(\.id) == whole.articles.map(\.id))
            #expect(read.parsed.articles.map(\.source.line) == whole.articles.map(\.source.line))
            #expect(read.parsed.articles.first?.title == "Before" && read.parsed.articles.last?.title == "After")
            #expect(read.parsed.warnings.map(\.description) == whole.warnings.map(\.description))
        }
        guard option == "-cf" else { return }
        // Cut short inside the mailbox: the messages before the cut are kept, and it is said.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let cut = data.path("cut.tar")
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cut))
        let read = try LargeMailbox.parse(cut, limit: Self.limit, partSize: 4 << 10).get()
        #expect(read.parsed.articles.count > 100 && read.parsed.articles.count < 300)
        #expect(read.parsed.articles.first?.title == "Before")
        #expect(read.parsed.warnings.contains { $0.reason.hasPrefix("tar archive cut short") }, "\(read.parsed.warnings)")
    }

    /// A mailbox-only tarball (`tar czf mail.tgz All mail.mbox`) cut short, or stopped by the
    /// bomb cap, inside its one member: the messages before the cut are kept.
    @Test func aMailboxOnlyTarballCutShortKeepsItsMessages() throws {
        let source = try TempTree(), data = try TempTree()
        try LargeMailboxTests.takeout(messages: 300).write(toFile: source.path("All mail.mbox"), atomically: false, encoding: .utf8)
        try TarArchiveTests.tar(["--format=gnu", "-cf", data.path("mail.tar"), "All mail.mbox"], in: source.root)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: data.path("mail.tar")))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: data.path("cut.tar")))
        let read = try LargeMailbox.parse(data.path("cut.tar"), limit: Self.limit, partSize: 4 << 10).get()
        #expect(read.parsed.articles.count > 100 && read.parsed.articles.count < 300)
        #expect(read.parsed.warnings.map(\.reason) == ["tar archive cut short at byte 0; kept the 1 file before it"])
    }

    /// A file with no extension over the limit that is not a mailbox (a disk image, a core
    /// dump in a tarred home folder) is skipped as before; the files around it load.
    @Test func aLargeFileWithNoExtensionThatIsNotAMailboxIsSkipped() throws {
        let source = try TempTree(), data = try TempTree()
        try String(repeating: "not mail, just a long log line\n", count: 8_000).write(toFile: source.path("core"), atomically: false, encoding: .utf8)
        try "Title: After\nDate: 2001-01-02\n\nThe file after.\n".write(toFile: source.path("z.txt"), atomically: false, encoding: .utf8)
        try TarArchiveTests.tar(["--format=gnu", "-cf", data.path("home.tar"), "core", "z.txt"], in: source.root)
        let read = try LargeMailbox.parse(data.path("home.tar"), limit: Self.limit, partSize: 4 << 10).get()
        #expect(read.parsed.articles.map(\.title) == ["After"])
        #expect(read.parsed.warnings.isEmpty, "\(read.parsed.warnings)")
    }

    @Test func aFileThatIsNotATarIsReported() throws {
        let data = try TempTree()
        try GzipArchiveTests.write(data, "fake.tar", Array(String(repeating: "not a tar header at all\n", count: 100).utf8))
        #expect(LargeMailbox.parse(data.path("fake.tar"), limit: Self.limit).failure?.reason == "not a tar archive; skipped")
    }
}
