import Foundation
import Testing
@testable import GazetteCore

/// Zip archives as the Internet Archive keeps Usenet (`comp.sys.mac.mbox.zip`) and people download
/// list archives; and the damage zips have (cut short, flipped bytes, entries encrypted or
/// compressed another way).
@Suite struct ZipArchiveTests {
    struct Entry {
        var name: String
        var bytes: [UInt8]
        var deflate = true
        var flags: UInt16 = 0
        var method: UInt16? = nil
    }

    /// A zip file as `zip` writes one: local headers and data, the central directory, its end
    /// record. Deflated data is the system `gzip`'s stream without its 10-byte header and
    /// 8-byte trailer (whose CRC-32 is the entry's).
    static func zip(_ entries: [Entry], comment: String = "") throws -> [UInt8] {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }
        var out: [UInt8] = [], directory: [UInt8] = []
        for entry in entries {
            let gz = try GzipArchiveTests.gzip(entry.bytes)
            let crc = Int(gz[gz.count - 8]) | Int(gz[gz.count - 7]) << 8 | Int(gz[gz.count - 6]) << 16 | Int(gz[gz.count - 5]) << 24
            let data = entry.deflate ? Array(gz[10..<(gz.count - 8)]) : entry.bytes
            let method = entry.method ?? (entry.deflate ? 8 : 0)
            let name = Array(entry.name.utf8)
            let common = le16(20) + le16(Int(entry.flags)) + le16(Int(method)) + le16(0) + le16(0x21) + le32(crc)
                + le32(data.count) + le32(entry.bytes.count) + le16(name.count)
            let offset = out.count
            out += le32(0x0403_4B50) + common + le16(0) + name + data
            directory += le32(0x0201_4B50) + le16(0x031E) + common + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let start = out.count
        out += directory
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count) + le32(directory.count) + le32(start)
            + le16(comment.utf8.count) + Array(comment.utf8)
        return out
    }

    static let group = """
        From ada@example.org Tue Jun  3 10:22:01 2003
        From: Ada Quill <ada@example.org>
        Newsgroups: comp.sys.enigma
        Subject: Wiring of rotor VI
        Date: Tue, 03 Jun 2003 10:22:01 +0200
        Message-ID: <z1@example.org>

        Does anyone know the wiring of rotor VI?

        From bob@example.net Tue Jun  3 11:00:00 2003
        From: Bob Vance <bob@example.net>
        Newsgroups: comp.sys.enigma
        Subject: Re: Wiring of rotor VI
        Date: Tue, 03 Jun 2003 11:00:00 +0200
        Message-ID: <z2@example.net>
        References: <z1@example.org>

        > Does anyone know the wiring of rotor VI?

        JZHLXRBQYDNTVMFOIUWSPGKAEC.

        """

    @Test func aUsenetGroupZippedLoadsWithItsThreads() throws {
        let tree = try TempTree()
        let note = "Title: Collection notes\nDate: 2020-05-01\n\nCollected from a news spool.\n"
        try GzipArchiveTests.write(tree, "usenet/comp.sys.enigma.mbox.zip", try Self.zip([
            Entry(name: "comp.sys.enigma.mbox", bytes: Array(Self.group.utf8)),
            Entry(name: "notes/README.txt", bytes: Array(note.utf8), deflate: false),
            Entry(name: "notes/", bytes: [], deflate: false),
            Entry(name: "__MACOSX/notes/._README.txt", bytes: [0, 5, 22, 7], deflate: false),
            Entry(name: "cover.jpg", bytes: [0xFF, 0xD8, 0xFF, 0xE0]),
            Entry(name: "trec/ap880212", bytes: Array("<DOC>\n<DOCNO> AP880212-0001 </DOCNO>\n<HEAD>Ferry Strike Ends</HEAD>\n<TEXT>\nBack.\n</TEXT>\n</DOC>\n".utf8)),
            Entry(name: "trec/README", bytes: Array("TREC disk 1, zipped.\n".utf8)),
        ], comment: "Giganews collection"))
        try GzipArchiveTests.write(tree, "photos.zip", try Self.zip([Entry(name: "cat.jpg", bytes: [0xFF, 0xD8, 0xFF])]))

        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.report.warnings.isEmpty, "\(archive.report.warnings)")
        #expect(archive.articles.map(\.title).sorted() == ["Collection notes", "Ferry Strike Ends", "Re: Wiring of rotor VI", "Wiring of rotor VI"])
        let reply = try #require(archive.articles.first { $0.messageID == "z2@example.net" })
        #expect(reply.references == ["z1@example.org"])
        #expect(reply.source.path == tree.path("usenet/comp.sys.enigma.mbox.zip"))
        #expect(reply.source.line == 11, "its line in the zipped mailbox")
        #expect(reply.body == "> Does anyone know the wiring of rotor VI?\n\nJZHLXRBQYDNTVMFOIUWSPGKAEC.")
    }

    @Test func damagedZipsSayWhatWasLost() throws {
        let tree = try TempTree()
        let good = try Self.zip([Entry(name: "a.mbox", bytes: Array(Self.group.utf8))])
        try GzipArchiveTests.write(tree, "cut.zip", Array(good.prefix(good.count / 2)))
        var flipped = try Self.zip([Entry(name: "a.mbox", bytes: Array(Self.group.utf8)),
                                    Entry(name: "b.txt", bytes: Array("Title: Kept\n\nThe other entry.\n".utf8), deflate: false)])
        flipped[40] ^= 0xFF  // inside a.mbox's deflated data
        try GzipArchiveTests.write(tree, "flipped.zip", flipped)
        try GzipArchiveTests.write(tree, "locked.zip", try Self.zip([Entry(name: "secret.txt", bytes: Array("Title: S\n\nx\n".utf8), flags: 1)]))
        try GzipArchiveTests.write(tree, "bzip.zip", try Self.zip([Entry(name: "c.txt", bytes: Array("Title: C\n\nx\n".utf8), deflate: false, method: 12)]))
        try GzipArchiveTests.write(tree, "renamed.zip", Array("Title: Not a zip\n\nPlain text.\n".utf8))

        let archive = try ArchiveLoader.load(directories: [tree.root])
        let warnings = Set(archive.report.warnings.map(\.description))
        #expect(warnings.contains(tree.path("cut.zip") + ": not a zip archive (named .zip); skipped"), "\(warnings)")
        #expect(warnings.contains { $0.hasPrefix(tree.path("flipped.zip") + ": a.mbox: ") && $0.hasSuffix("; skipped") }, "\(warnings)")
        #expect(warnings.contains(tree.path("locked.zip") + ": secret.txt: encrypted; skipped"))
        #expect(warnings.contains(tree.path("bzip.zip") + ": c.txt: compression method 12 not read (only stored and deflated); skipped"))
        #expect(warnings.contains(tree.path("renamed.zip") + ": not a zip archive (named .zip); skipped"))
        #expect(archive.articles.map(\.title) == ["Kept"], "the undamaged entry of a damaged zip loads")
    }

    @Test func aZipBombIsSkipped() throws {
        // A 64 MiB entry of line ends, some 64 KiB compressed.
        let tree = try TempTree()
        try GzipArchiveTests.write(tree, "bomb.zip", try Self.zip([Entry(name: "a.txt", bytes: [UInt8](repeating: 0x0A, count: 64 << 20))]))
        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.report.warnings.map(\.description) == [tree.path("bomb.zip") + ": inflates to over 100 times its size; skipped"])
    }
}
