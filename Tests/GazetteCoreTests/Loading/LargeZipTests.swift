import Foundation
import Testing
@testable import GazetteCore
import GazetteTestSupport

/// Zip archives too large to read whole (the Internet Archive's Usenet collections), read entry
/// by entry from the disk: here with a limit of 64 KiB, so a small archive takes that path, and
/// every result is compared with reading the same archive whole.
@Suite struct LargeZipTests {
    typealias Entry = ZipArchiveTests.Entry
    static let limit = 64 << 10

    /// A Usenet collection's shape: a large group mailbox, a small one, notes, a wire file with
    /// no extension, a picture, an encrypted entry.
    static func collection(storedMailbox: Bool = false) -> [Entry] {
        let note = "Title: Collection notes\nDate: 2020-05-01\n\nCollected from a news spool.\n"
        return [
            Entry(name: "notes/README.txt", bytes: Array(note.utf8), deflate: false),
            Entry(name: "comp.sys.enigma.mbox", bytes: Array(LargeMailboxTests.takeout(messages: 400).utf8), deflate: !storedMailbox),
            Entry(name: "cover.jpg", bytes: [0xFF, 0xD8, 0xFF, 0xE0]),
            Entry(name: "alt.small.mbox", bytes: Array(ZipArchiveTests.group.utf8)),
            Entry(name: "secret.mbox", bytes: Array(ZipArchiveTests.group.utf8), flags: 1),
            Entry(name: "trec/ap880212", bytes: Array("<DOC>\n<DOCNO> AP880212-0001 </DOCNO>\n<HEAD>Ferry Strike Ends</HEAD>\n<TEXT>\nBack.\n</TEXT>\n</DOC>\n".utf8)),
        ]
    }

    static func whole(_ bytes: [UInt8], path: String) throws -> ParsedFile {
        let members = try bytes.withUnsafeBufferPointer { Zip.members($0, limit: 1 << 30) }.get()
        return ArticleFileParser.parse(members: members, path: path)
    }

    @Test(arguments: [false, true])
    func aZipOverTheLimitReadEntryByEntryGivesWhatReadingItWholeGives(storedMailbox: Bool) throws {
        let tree = try TempTree()
        let bytes = try ZipArchiveTests.zip(Self.collection(storedMailbox: storedMailbox))
        try GzipArchiveTests.write(tree, "comp.sys.enigma.mbox.zip", bytes)
        let path = tree.path("comp.sys.enigma.mbox.zip")
        // Whole, its text is over the limit, and the loader hears so.
        let failure = try #require(FileReading.readArticleFile(path, limit: Self.limit).failure)
        #expect(failure.tooLarge, "\(failure.reason)")
        #expect(LargeMailbox.qualifies(path))
        let whole = try Self.whole(bytes, path: path)
        #expect(whole.articles.count == 400 + 2 + 1 + 1)
        for partSize in [4 << 10, 32 << 10] {
            let read = try LargeMailbox.parse(path, limit: Self.limit, partSize: partSize).get()
            #expect(read.parsed.articles.map(\.id) == whole.articles.map(\.id))
            #expect(read.parsed.articles.map(\.title) == whole.articles.map(\.title))
            #expect(read.parsed.articles.map(\.source.line) == whole.articles.map(\.source.line))
            #expect(read.parsed.articles.map(\.body) == whole.articles.map(\.body))
            #expect(read.parsed.warnings.map(\.description) == whole.warnings.map(\.description))
            #expect(read.parsed.warnings.map(\.reason) == ["secret.mbox: encrypted; skipped"])
            #expect(read.diskBytes == bytes.count)
        }
    }

    @Test func damageInsideTheLargeMailboxKeepsWhatCameBeforeIt() throws {
        let tree = try TempTree()
        var bytes = try ZipArchiveTests.zip(Self.collection())
        // Bytes flipped in the middle of the mailbox's deflate stream: it breaks part-way.
        let entry = try #require(try bytes.withUnsafeBufferPointer { Zip.directory($0) }.get().first { $0.name == "comp.sys.enigma.mbox" })
        let data = entry.localHeader + 30 + entry.name.utf8.count
        for index in (data + entry.compressedSize / 2)..<(data + entry.compressedSize / 2 + 64) { bytes[index] ^= 0x5A }
        try GzipArchiveTests.write(tree, "damaged.zip", bytes)
        let read = try LargeMailbox.parse(tree.path("damaged.zip"), limit: Self.limit, partSize: 4 << 10).get()
        let damage = try #require(read.parsed.warnings.first { $0.reason.hasPrefix("comp.sys.enigma.mbox: ") })
        #expect(damage.reason.contains("kept the") || damage.reason.contains("checksum does not match"), "\(damage.reason)")
        let bulletins = read.parsed.articles.filter { $0.title.hasPrefix("Bulletin ") }
        #expect(bulletins.count > 10 && bulletins.count < 400, "\(bulletins.count)")
        // The entries after it still load.
        #expect(read.parsed.articles.contains { $0.title == "Re: Wiring of rotor VI" })
        #expect(read.parsed.articles.contains { $0.title == "Ferry Strike Ends" })
    }

    @Test func aLargeEntryThatIsNotAMailboxIsSkippedAndTheRestLoad() throws {
        let tree = try TempTree()
        let prose = "Title: A long essay\n\n" + String(repeating: "A sentence of the essay, and another.\n", count: 4000)
        try GzipArchiveTests.write(tree, "essays.zip", try ZipArchiveTests.zip([
            Entry(name: "essay.txt", bytes: Array(prose.utf8)),
            Entry(name: "alt.small.mbox", bytes: Array(ZipArchiveTests.group.utf8)),
        ]))
        let read = try LargeMailbox.parse(tree.path("essays.zip"), limit: Self.limit, partSize: 4 << 10).get()
        #expect(read.parsed.warnings.map(\.reason) == ["essay.txt: inflates to more than 0 MiB; skipped"])
        #expect(read.parsed.articles.map(\.title) == ["Wiring of rotor VI", "Re: Wiring of rotor VI"])
    }

    @Test func aCompressedMailboxEntryOverTheLimitIsSkippedWithAWarning() throws {
        let tree = try TempTree()
        // Random-looking text, so its gzip stream is itself over the limit.
        var generator = SeededRandom(seed: 7)
        let noise = (0..<120_000).map { _ in UInt8(0x41 + generator.next() % 26 as UInt64) }
        let gz = try GzipArchiveTests.gzip(Array("From a@example.org Mon Jan  1 00:00:00 2001\nSubject: Noise\n\n".utf8) + noise + [0x0A])
        try GzipArchiveTests.write(tree, "lists.zip", try ZipArchiveTests.zip([
            Entry(name: "noise.mbox.gz", bytes: gz, deflate: false),
            Entry(name: "alt.small.mbox", bytes: Array(ZipArchiveTests.group.utf8)),
        ]))
        let read = try LargeMailbox.parse(tree.path("lists.zip"), limit: Self.limit, partSize: 4 << 10).get()
        #expect(read.parsed.warnings.map(\.reason) == ["noise.mbox.gz: inflates to more than 0 MiB; skipped"])
        #expect(read.parsed.articles.map(\.title) == ["Wiring of rotor VI", "Re: Wiring of rotor VI"])
    }

    @Test func hostileEntryOffsetsAndSizesAreWarningsNotCrashes() throws {
        let tree = try TempTree()
        var bytes = try ZipArchiveTests.zip([
            Entry(name: "a.mbox", bytes: Array(ZipArchiveTests.group.utf8)),
            Entry(name: "b.mbox", bytes: Array(ZipArchiveTests.group.utf8)),
            Entry(name: "c.mbox", bytes: Array(LargeMailboxTests.takeout(messages: 200).utf8)),
        ])
        let entries = try bytes.withUnsafeBufferPointer { Zip.directory($0) }.get()
        // The central directory's records, in order: a's local header offset past the end of
        // the file, b's compressed size past it.
        let directory = bytes.count - 22 - entries.reduce(0) { $0 + 46 + $1.name.utf8.count }
        func put32(_ value: UInt32, at index: Int) {
            for byte in 0..<4 { bytes[index + byte] = UInt8(value >> (8 * UInt32(byte)) & 0xFF) }
        }
        put32(0x7FFF_FFF0, at: directory + 42)
        put32(0xFFFF_FF00, at: directory + 46 + "a.mbox".utf8.count + 20)
        try GzipArchiveTests.write(tree, "hostile.zip", bytes)
        let read = try LargeMailbox.parse(tree.path("hostile.zip"), limit: Self.limit, partSize: 4 << 10).get()
        #expect(read.parsed.warnings.map(\.reason) == ["a.mbox: damaged zip entry; skipped", "b.mbox: zip entry cut short; skipped"])
        #expect(read.parsed.articles.count == 200, "c.mbox still loads")
    }

    @Test func aDamagedDirectoryIsReported() throws {
        let tree = try TempTree()
        let bytes = try ZipArchiveTests.zip(Self.collection())
        try GzipArchiveTests.write(tree, "cut.zip", Array(bytes.prefix(bytes.count - 30)))
        #expect(LargeMailbox.parse(tree.path("cut.zip"), limit: Self.limit).failure?.reason == "not a zip archive (named .zip); skipped")
    }
}
