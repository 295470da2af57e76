import Foundation
import Testing
@testable import GazetteCore

/// Issue 5's hostile corpus, generated at test time and loaded as a user's data directory would be.
///
/// Serialized: the memory figure is process-wide, so the two loads must not overlap. The limit
/// catches a hang (a FIFO opened for reading); it counts the time a test waits for a thread of
/// the shared test pool, which the differential suites can hold for minutes on two cores (a CI
/// run on a busy machine took 7 minutes to get one), so it is generous: the load itself takes 2 s.
@Suite(.serialized, .timeLimit(.minutes(10))) struct HostileInputTests {
    @Test func everyFileLoadsOrGivesExactlyOneWarningNamingIt() throws {
        let tree = try TempTree()
        var corpus = HostileCorpus(in: tree)
        try corpus.writeAll()
        // Returning at all proves the FIFO was not opened for reading (that would block forever).
        let archive = try ArchiveLoader.load(directories: [tree.root])

        let titles = Dictionary(grouping: archive.articles, by: \.source.path).mapValues { $0.map(\.title) }
        let warnings = Dictionary(grouping: archive.report.warnings, by: \.location.path)
        for entry in corpus.entries {
            let path = tree.path(entry.name)
            let found = titles[path] ?? []
            let said = (warnings[path] ?? []).map { "\($0.location.line): \($0.reason)" }
            switch entry.expect {
            case .articles(let expected):
                #expect(found == expected, "\(entry.name)")
                #expect(said.isEmpty, "\(entry.name)")
            case .articlesWithWarnings(let expected, let expectedWarnings):
                #expect(found == expected, "\(entry.name)")
                #expect(said == expectedWarnings, "\(entry.name)")
            case .warning(let expected):
                #expect(found.isEmpty, "\(entry.name)")
                #expect(said == [expected], "\(entry.name)")
            }
        }
        // Nothing reported about a path that is not in the corpus; every warning reads
        // `path:line: reason`, or `path: reason` for the whole file.
        let known = Set(corpus.entries.map { tree.path($0.name) })
        #expect(Set(archive.report.warnings.map(\.location.path)).isSubset(of: known))
        for warning in archive.report.warnings {
            let line = warning.location.line
            #expect(warning.description.hasPrefix(warning.location.path + (line > 0 ? ":\(line): " : ": ")))
        }
        #expect(archive.report.duplicates.isEmpty)
        #expect(archive.report.articles == archive.articles.count)
        let many = try #require(archive.articles.first { $0.title == "Ten thousand tags" })
        #expect(many.tags.count == 10_000)
        let lines = try #require(archive.articles.first { $0.title == "Many lines" })
        #expect(lines.paragraphs.count == 50_000)
        #expect(archive.articles.first { $0.title == "Nulls inside" }?.paragraphs.first?.hasPrefix("A body\u{0}with a NUL.") == true)
    }

    @Test func loadingTheCorpusKeepsMemoryBounded() throws {
        let tree = try TempTree()
        var corpus = HostileCorpus(in: tree)
        try corpus.writeAll()
        let before = try ProcessMemory.resetPeak()
        let archive = try ArchiveLoader.load(directories: [tree.root])
        let growth = try ProcessMemory.peakKilobytes() - before
        #expect(archive.articles.count > 10)
        // About 12 MB of files on disk; the 10 MB line is held as a title and a paragraph-less article.
        print("hostile corpus: peak resident memory grew by \(growth / 1024) MB")
        #expect(growth < 300 * 1024, "peak resident memory grew by \(growth / 1024) MB")
    }

    @Test func filesChangedBetweenTheWalkAndTheReadAreWarnings() throws {
        let tree = try TempTree()
        for name in ["deleted", "now-a-directory", "now-a-fifo", "truncated", "kept"] {
            try tree.write("\(name).txt", "Title: \(name)\nDate: 2022-02-02\nTags: one, two\n\nA body paragraph.\n")
        }
        let (files, walkWarnings) = try ArchiveLoader.discoverFiles(in: [tree.root])
        #expect(walkWarnings.isEmpty && files.count == 5)
        try FileManager.default.removeItem(atPath: tree.path("deleted.txt"))
        try FileManager.default.removeItem(atPath: tree.path("now-a-directory.txt"))
        try tree.mkdir("now-a-directory.txt")
        try FileManager.default.removeItem(atPath: tree.path("now-a-fifo.txt"))
        #expect(mkfifo(tree.path("now-a-fifo.txt"), 0o644) == 0)
        #expect(truncate(tree.path("truncated.txt"), 9) == 0)  // "Title: tr"

        let slots = ArchiveLoader.parseAll(files, progress: nil)
        let outcomes = Dictionary(uniqueKeysWithValues: files.indices.map { index in
            (String(files[index].dropFirst(tree.root.count + 1)), slots.take(index))
        })
        func failure(_ name: String) -> String? {
            if case .failed(let reason) = outcomes[name] { return reason }
            return nil
        }
        func titles(_ name: String) -> [String]? {
            if case .parsed(let parsed, _) = outcomes[name] { return parsed.articles.map(\.title) }
            return nil
        }
        #expect(failure("deleted.txt") == "cannot read: No such file or directory")
        #expect(failure("now-a-directory.txt") == "not a regular file; skipped")
        #expect(failure("now-a-fifo.txt") == "not a regular file; skipped")
        #expect(titles("truncated.txt") == ["tr"])
        #expect(titles("kept.txt") == ["kept"])
    }

    @Test func binaryDetectionSparesTextWithAFewBadBytes() {
        let random = ArticleFileParser.parse(bytes: HostileCorpus.binary(count: 4096, seed: 9), path: "b.txt")
        #expect(random.articles.isEmpty)
        #expect(random.warnings.map(\.description) == ["b.txt:1: binary file; skipped"])
        // A PNG-like header followed by noise.
        let png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + HostileCorpus.binary(count: 2000, seed: 1)
        #expect(ArticleFileParser.parse(bytes: png, path: "p.txt").warnings.map(\.reason) == ["binary file; skipped"])
        // Latin-1 French after a header block: 8-bit news, read as Windows-1252 — and far from binary.
        let latin1: [UInt8] = Array("Title: R".utf8) + [0xE9] + Array("sum".utf8) + [0xE9] + Array(" de l'".utf8) + [0xE9]
            + Array("t".utf8) + [0xE9] + Array("\n\nLe caf".utf8) + [0xE9] + Array(" ".utf8) + [0xE0] + Array(" Paris.\n".utf8)
        let french = ArticleFileParser.parse(bytes: latin1, path: "f.txt")
        #expect(french.articles.map(\.title) == ["Résumé de l'été"])
        #expect(french.articles.map(\.body) == ["Le café à Paris."])
        #expect(french.warnings.isEmpty)
        // Form feeds and tabs are text.
        #expect(ArticleFileParser.parse(bytes: Array("Title: Page\n\n\u{0C}\tone\n\u{0C}\ttwo\n".utf8), path: "t.txt")
            .articles.count == 1)
    }
}

/// Resident-set figures of this process from /proc/self/status.
enum ProcessMemory {
    /// Resets the peak (VmHWM) to the current resident size and returns that size in kB.
    static func resetPeak() throws -> Int {
        // "5" to clear_refs resets the peak RSS counter (Linux ≥ 4.0).
        try "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        return try field("VmRSS")
    }

    /// The peak resident size since the last reset, in kB.
    static func peakKilobytes() throws -> Int { try field("VmHWM") }

    private static func field(_ name: String) throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            if let value = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
                return value
            }
        }
        throw CocoaError(.fileReadCorruptFile)
    }
}
