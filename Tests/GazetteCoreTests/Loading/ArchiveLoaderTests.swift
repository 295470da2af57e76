import Foundation
import Testing
@testable import GazetteCore

/// A scratch directory tree built for one test and removed afterwards.
final class TempTree {
    let root: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.path
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    func link(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
    }
}

// The limit catches a hang (a FIFO or device read that never ends). It counts the time a test
// waits for a thread of the shared test pool, which the heavy differential suites can hold for
// minutes on two cores, so it is generous.
@Suite(.timeLimit(.minutes(10))) struct ArchiveLoaderTests {
    static func article(_ title: String, _ date: String = "2020-01-01") -> String {
        "Title: \(title)\nDate: \(date)\n\nBody of \(title).\n"
    }

    @Test func walksNestedDirectoriesAndSkipsWhatIsNotAnArticleFile() throws {
        let tree = try TempTree()
        try tree.write("top.txt", Self.article("Top"))
        try tree.write("a/b/c/deep.txt", Self.article("Deep"))
        try tree.write("a/notes.md", Self.article("Not txt"))
        try tree.write(".hidden/secret.txt", Self.article("Hidden dir"))
        try tree.write("a/.dotfile.txt", Self.article("Hidden file"))
        try tree.mkdir("x.txt")
        try tree.write("x.txt/inside.txt", Self.article("Inside a txt directory"))
        #expect(mkfifo(tree.path("y.txt"), 0o644) == 0)
        try tree.link("a/b/loop", to: "..")  // a/b/loop → a: a cycle
        try tree.link("linked.txt", to: tree.path("top.txt"))
        try tree.link("gone.txt", to: tree.path("nowhere.txt"))
        try tree.write("empty.txt", "")

        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.articles.map(\.title) == ["Deep", "Top"])
        // linked.txt → top.txt is one file read twice (the first path kept): not a duplicate to report.
        #expect(archive.report.duplicates.isEmpty)
        #expect(archive.articles.first { $0.title == "Top" }?.source.path == tree.path("linked.txt"))
        let warnings = archive.report.warnings.map(\.description)
        // Entries skipped by the walk come first (by path), then problems inside files.
        #expect(warnings == [
            tree.path("a/b/loop") + ": symbolic link to a directory already read (a loop?); skipped",
            tree.path("gone.txt") + ": broken symbolic link; skipped",
            tree.path("x.txt") + ": a directory named like an article file; skipped",
            tree.path("y.txt") + ": not a regular file (FIFO); skipped",
            tree.path("empty.txt") + ":1: empty file",
        ])
        #expect(archive.report.filesRead == 4)
        #expect(archive.report.filesSkipped == 4)
        #expect(archive.report.articles == 2)
        #expect(archive.report.directories == [tree.root])
    }

    @Test func duplicatesAcrossFilesAreKeptOnceAndReportedNotWarned() throws {
        let tree = try TempTree()
        try tree.write("one/first.txt", Self.article("Same story", "2021-06-01"))
        // The same post, its title spaced and its body wrapped differently: one identity.
        try tree.write("two/second.txt", "Title:   same   STORY\nDate: June 1, 2021\n\nBody of\n  Same story.\n")
        try tree.write("two/other.txt", Self.article("Same story", "2021-06-02"))
        let archive = try ArchiveLoader.load(directories: [tree.path("one"), tree.path("two")])
        #expect(archive.articles.count == 2)
        #expect(archive.articles[0].paragraphs == ["Body of Same story."])
        let duplicate = try #require(archive.report.duplicates.first)
        #expect(archive.report.duplicates.count == 1)
        #expect(duplicate.kept == SourceLocation(path: tree.path("one/first.txt"), line: 1))
        #expect(duplicate.dropped == SourceLocation(path: tree.path("two/second.txt"), line: 1))
        #expect(duplicate.id == archive.articles[0].id)
        #expect(archive.report.warnings.isEmpty)
    }

    @Test func sameTitleAndDayWithDifferentIdentitiesAreTwoArticles() throws {
        let tree = try TempTree()
        // Two replies with one subject on one day, different Message-IDs (the Usenet case).
        try tree.write("a.txt", "Subject: Re: Amusing atheists\nFrom: A\nDate: 27 Apr 1993 10:00 GMT\nMessage-ID: <1@a.edu>\n\nFirst reply.\n")
        try tree.write("b.txt", "Subject: Re: Amusing atheists\nFrom: A\nDate: 27 Apr 1993 12:00 GMT\nMessage-ID: <2@a.edu>\n\nFirst reply.\n")
        // Two columns titled alike, different links.
        try tree.write("c.txt", "Title: Quotable\nDate: 2020-01-01\nLink: https://paper.example/q/1\n\nOne.\n")
        try tree.write("d.txt", "Title: Quotable\nDate: 2020-01-01\nLink: https://paper.example/q/2\n\nTwo.\n")
        // No Message-ID or Link: different bodies, or different authors, are different articles.
        try tree.write("e.txt", "Title: Notes\nDate: 2020-01-01\n\nOne.\n")
        try tree.write("f.txt", "Title: Notes\nDate: 2020-01-01\n\nTwo.\n")
        try tree.write("g.txt", "Title: Notes\nDate: 2020-01-01\nAuthor: Someone\n\nOne.\n")
        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.articles.count == 7)
        #expect(archive.report.duplicates.isEmpty)
        #expect(Set(archive.articles.map(\.id)).count == 7)
    }

    @Test func aSpoolsHardLinkedCrosspostIsReadOnceAndNotReported() throws {
        // INN's tradspool files a crosspost once per group, as hard links of one file.
        let tree = try TempTree()
        let post = "Path: news.example!not-for-mail\nFrom: ada@example.org (Ada K.)\nNewsgroups: comp.lang.swift,comp.lang.misc\n"
            + "Subject: Crossposted\nMessage-ID: <x1@example.org>\n\nOne post, two groups.\n"
        try tree.write("comp/lang/misc/7", post)
        try FileManager.default.createDirectory(atPath: tree.path("comp/lang/swift"), withIntermediateDirectories: true)
        #expect(link(tree.path("comp/lang/misc/7"), tree.path("comp/lang/swift/1")) == 0)
        // A real duplicate (another file with the same Message-ID) is still reported.
        try tree.write("comp/lang/swift/2", post)
        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.articles.map(\.title) == ["Crossposted"])
        #expect(archive.report.duplicates.map(\.dropped.path) == [tree.path("comp/lang/swift/2")])
    }

    @Test func sharedMessageIDWithDifferentBodiesIsAConflict() throws {
        let tree = try TempTree()
        try tree.write("a.txt", "Subject: Launch calendar\nMessage-ID: <cal@Space.EDU>\n\nApril 27.\n")
        try tree.write("b.txt", "Subject: Launch calendar (corrected)\nMessage-ID: <cal@space.edu>\n\nApril 28.\n")
        try tree.write("c.txt", "Subject: Launch calendar\nMessage-ID: cal@space.edu\n\nApril\n27.\n")
        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.articles.map(\.title) == ["Launch calendar"])
        let lines = archive.report.duplicates.map(\.reportLine)
        #expect(lines == [
            tree.path("b.txt") + ":1: conflict: same Message-ID as \"Launch calendar\" (\(archive.articles[0].id), kept from "
                + tree.path("a.txt") + ":1) but a different body; this copy was not loaded",
            tree.path("c.txt") + ":1: duplicate of \"Launch calendar\" (\(archive.articles[0].id), first at " + tree.path("a.txt") + ":1)",
        ])
    }

    @Test func collidingShortIDsAreLengthenedNotDropped() throws {
        // Two different identities whose short ids are equal: simulated by giving the parsed
        // articles the same short id, as a real 48-bit collision would.
        var first = Article(title: "One", paragraphs: ["A."], source: SourceLocation(path: "a", line: 1))
        var second = Article(title: "Two", paragraphs: ["B."], source: SourceLocation(path: "b", line: 1))
        var third = Article(title: "One", paragraphs: ["A."], source: SourceLocation(path: "c", line: 1))
        first.id = ArticleID(value: 7)
        second.id = ArticleID(value: 7)
        third.id = ArticleID(value: 7)
        var kept: [Article] = []
        var dedupe = IdentityDedupe(capacity: 3)
        guard case .keep = dedupe.admit(&first, among: &kept) else { Issue.record("first dropped"); return }
        kept.append(first)
        guard case .keep = dedupe.admit(&second, among: &kept) else { Issue.record("collision dropped"); return }
        kept.append(second)
        guard case .duplicate(of: 0, conflict: nil) = dedupe.admit(&third, among: &kept) else {
            Issue.record("a true duplicate was kept"); return
        }
        #expect(kept.map(\.id.isLong) == [true, true])
        #expect(kept.map(\.id.description.count) == [16, 16])
        #expect(kept[0].id != kept[1].id)
        #expect(kept[0].id == ArticleID(longHash: ArticleID.fnv1a(ArticleIdentity(of: kept[0]).key.utf8)))
    }

    @Test func theSamePostInTwoDumpsAppearsOnce() throws {
        let tree = try TempTree()
        let dump = "Post\nMay 5, 2020 Leave a comment\nBody.\n► Author: A | Date: 5 May 2020 | Permalink\n"
        try tree.write("a.txt", dump)
        try tree.write("b.txt", dump + "\n\nOther\nMay 6, 2020 Leave a comment\nMore.\n")
        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.articles.map(\.title) == ["Post", "Other"])
        #expect(archive.report.duplicates.map(\.dropped.description) == [tree.path("b.txt") + ":1"])
    }

    @Test func orderIsDeterministicAndProgressIsReported() throws {
        let tree = try TempTree()
        for folder in 0..<7 { try tree.mkdir("d\(folder)") }
        let created = (0..<2100).reversed().filter { index in
            let path = tree.path("d\(index % 7)/f\(index).txt")
            return FileManager.default.createFile(atPath: path, contents: Data(Self.article("Article \(index)").utf8))
        }
        #expect(created.count == 2100)
        let reports = ProgressLog()
        let first = try ArchiveLoader.load(directories: [tree.root]) { reports.append($0) }
        let second = try ArchiveLoader.load(directories: [tree.root])
        #expect(first.articles.count == 2100)
        #expect(first.articles.map(\.id) == second.articles.map(\.id))
        let paths = first.articles.map(\.source.path)
        #expect(paths == paths.sorted())
        let seen = reports.all
        #expect(seen.count >= 3)
        #expect(seen.last?.filesDone == 2100 && seen.last?.filesTotal == 2100 && seen.last?.articles == 2100)
        #expect(seen.dropLast().allSatisfy { $0.filesDone < 2100 && $0.filesDone >= 1000 })
    }

    @Test func missingDirectoryAndFileAsDirectoryAreErrorsNamingThem() throws {
        let tree = try TempTree()
        try tree.write("plain.txt", "x")
        #expect(throws: LoadError.self) { try ArchiveLoader.load(directories: [tree.path("absent")]) }
        do {
            _ = try ArchiveLoader.load(directories: [tree.root, tree.path("absent")])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "data directory does not exist: \(tree.path("absent"))")
        }
        do {
            _ = try ArchiveLoader.load(directories: [tree.path("plain.txt")])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "data directory is not a directory: \(tree.path("plain.txt"))")
        }
    }

    @Test func aSymlinkedDataDirectoryIsFollowed() throws {
        let tree = try TempTree()
        try tree.write("real/a.txt", Self.article("Via link"))
        try tree.link("alias", to: tree.path("real"))
        let archive = try ArchiveLoader.load(directories: [tree.path("alias")])
        #expect(archive.articles.map(\.title) == ["Via link"])
        #expect(archive.articles[0].source.path == tree.path("alias/a.txt"))
    }

    @Test func fileThatVanishesOrIsTooLargeIsAWarning() throws {
        let tree = try TempTree()
        try tree.write("big.txt", String(repeating: "x", count: 100))
        guard case .failure(let gone) = FileReading.read(tree.path("vanished.txt")) else {
            Issue.record("a missing file must fail")
            return
        }
        #expect(gone.reason == "cannot read: No such file or directory")
        guard case .failure(let big) = FileReading.read(tree.path("big.txt"), limit: 10) else {
            Issue.record("an oversized file must fail")
            return
        }
        #expect(big.reason == "file too large (100 bytes); skipped")
        guard case .success(let bytes) = FileReading.read(tree.path("big.txt")) else {
            Issue.record("a normal file must be read")
            return
        }
        #expect(bytes.count == 100)
    }

    /// The merge takes each chunk's outcomes while later chunks are still parsed: over many
    /// chunks, with duplicates and unreadable files far apart, it must give exactly the archive
    /// that merging after the whole parse gives.
    @Test func mergingWhileParsingGivesTheArchiveOfMergingAfterwards() throws {
        let tree = try TempTree()
        for k in 0..<700 {
            let directory = String(format: "%02d", k % 23)
            // Every 97th file repeats an article written 350 files earlier (another chunk).
            let n = k >= 350 && k % 97 == 0 ? k - 350 : k
            try tree.write("\(directory)/\(String(format: "%04d", k)).txt", Self.article("Article \(n)", "2020-01-\(String(format: "%02d", n % 28 + 1))"))
        }
        try tree.write("05/binary.txt", String(repeating: "\u{01}\u{02}", count: 64))
        #expect(mkfifo(tree.path("11/fifo.txt"), 0o644) == 0)

        let streamed = try ArchiveLoader.load(directories: [tree.root])
        let (files, warnings) = try ArchiveLoader.discoverFiles(in: [tree.root])
        let parsed = ArchiveLoader.parseAll(files, progress: nil)
        let reference = ArchiveLoader.assemble(files: files, discoveryWarnings: warnings, directories: [tree.root],
                                               capacity: parsed.articleCount) { parsed.take($0) }
        #expect(streamed.articles.count == 700 - 4 && reference.articles.count == 700 - 4)
        #expect(streamed.articles.map(\.id) == reference.articles.map(\.id))
        #expect(streamed.articles.map(\.source) == reference.articles.map(\.source))
        #expect(streamed.report.duplicates.map(\.dropped) == reference.report.duplicates.map(\.dropped))
        #expect(streamed.report.warnings == reference.report.warnings)
        #expect(streamed.report.filesRead == 701 && streamed.report.filesSkipped == reference.report.filesSkipped)
        #expect(!streamed.report.warnings.contains { $0.reason == "not read" })
    }
}

/// Collects progress reports from loader threads.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [LoadProgress] = []

    func append(_ report: LoadProgress) {
        lock.lock()
        reports.append(report)
        lock.unlock()
    }

    var all: [LoadProgress] {
        lock.lock()
        defer { lock.unlock() }
        return reports
    }
}
