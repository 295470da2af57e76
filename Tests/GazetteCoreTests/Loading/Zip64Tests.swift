import Foundation
import Testing
@testable import GazetteCore

/// Zip64 archives: what `zip` writes for more than 65,535 entries (a zipped folder of a
/// hundred thousand articles) or past 4 GiB (a Takeout export, a Usenet collection), and what
/// `zip -fz` and Windows write when told to. The classic end record then says 0xFFFF or
/// 0xFFFFFFFF and the true figures are in the Zip64 end record and each entry's extra field.
@Suite struct Zip64Tests {
    static let wire = "<DOC>\n<DOCNO> AP880212-0001 </DOCNO>\n<HEAD>Ferry Strike Ends</HEAD>\n<TEXT>\nBack.\n</TEXT>\n</DOC>\n"
    static let note = "Title: Collection notes\nDate: 2020-05-01\nTags: spool, archive\n\nCollected from a news spool.\n"

    /// The same files zipped by Info-ZIP as it usually does (under `plain/`) and with `-fz`
    /// (Zip64 forced, under `zip64/`); the path of the second.
    static func zipped(_ tree: TempTree) throws -> String {
        try tree.write("files/comp.sys.enigma.mbox", ZipArchiveTests.group)
        try tree.write("files/notes/README.txt", note)
        try tree.write("files/trec/ap880212", wire)
        try tree.mkdir("plain")
        try tree.mkdir("zip64")
        let names = ["comp.sys.enigma.mbox", "notes/README.txt", "trec/ap880212"]
        try TarArchiveTests.run("zip", ["-q", "-X", tree.path("plain/collection.zip")] + names, in: tree.path("files"))
        try TarArchiveTests.run("zip", ["-q", "-X", "-fz", tree.path("zip64/collection.zip")] + names, in: tree.path("files"))
        return tree.path("zip64/collection.zip")
    }

    @Test func aZipWrittenWithZip64LoadsAsTheSameZipWithout() throws {
        let tree = try TempTree()
        let zip64 = try Self.zipped(tree)
        // The tool did write Zip64: the locator sits just before the classic end record.
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: zip64)))
        let locator = bytes.count - 22 - 20
        #expect(bytes[locator..<(locator + 4)].elementsEqual([0x50, 0x4B, 0x06, 0x07]))

        let expected = try ArchiveLoader.load(directories: [tree.path("plain")])
        let loaded = try ArchiveLoader.load(directories: [tree.path("zip64")])
        #expect(loaded.report.warnings.isEmpty, "\(loaded.report.warnings)")
        #expect(loaded.articles.map(\.title).sorted() == ["Collection notes", "Ferry Strike Ends", "Re: Wiring of rotor VI", "Wiring of rotor VI"])
        #expect(loaded.articles.map(\.id) == expected.articles.map(\.id))
        #expect(loaded.articles.map(\.body) == expected.articles.map(\.body))
        #expect(loaded.articles.map(\.source.line) == expected.articles.map(\.source.line))
        #expect(loaded.articles.map(\.source.path) == Array(repeating: zip64, count: 4))
        #expect(loaded.report.bytesRead == bytes.count)
        let reply = try #require(loaded.articles.first { $0.messageID == "z2@example.net" })
        #expect(reply.references == ["z1@example.org"])
    }

    /// Over the file limit, a zip is read entry by entry from the disk (`LargeZip`): the Zip64
    /// end record is read there too.
    @Test func aZip64ArchiveOverTheLimitIsReadEntryByEntry() throws {
        let tree = try TempTree()
        let zip64 = try Self.zipped(tree)
        let whole = try ArchiveLoader.load(directories: [tree.path("zip64")])
        let read = try LargeZip.parse(zip64, limit: 1024, partSize: 512).get()
        #expect(read.parsed.warnings.isEmpty, "\(read.parsed.warnings)")
        #expect(read.parsed.articles.map(\.id) == whole.articles.map(\.id))
        #expect(read.parsed.articles.map(\.body) == whole.articles.map(\.body))
    }

    /// More than 65,535 entries: the classic record's count says 0xFFFF, the Zip64 record the truth.
    @Test func moreThan65535EntriesAreAllRead() throws {
        let entries = (1...66_000).map { index in
            StoredEntry(name: "bulletins/\(index).txt", bytes: Array("Title: Bulletin \(index)\nDate: 2024-01-01\n\nItem \(index).\n".utf8))
        }
        let bytes = Self.storedZip(entries, zip64: true)
        let members = try bytes.withUnsafeBufferPointer { Zip.members($0, limit: 1 << 30) }.get()
        #expect(members.count == 66_000)
        #expect(members.allSatisfy { $0.note == nil })
        #expect(members.last.map { String(decoding: $0.text, as: UTF8.self) } == "Title: Bulletin 66000\nDate: 2024-01-01\n\nItem 66000.\n")
    }

    /// Every entry's sizes and offset in its extra field (0xFFFFFFFF in the header), the way
    /// Windows and Python write Zip64 entries: read as the plain zip of the same entries is.
    @Test func sizesAndOffsetsInTheExtraFieldAreRead() throws {
        let entries = [
            StoredEntry(name: "notes.txt", bytes: Array(Self.note.utf8)),
            StoredEntry(name: "ap880212", bytes: Array(Self.wire.utf8)),
            StoredEntry(name: "comp.sys.enigma.mbox", bytes: Array(ZipArchiveTests.group.utf8)),
        ]
        let plain = try Self.storedZip(entries, zip64: false).withUnsafeBufferPointer { Zip.members($0, limit: 1 << 20) }.get()
        let zip64 = try Self.storedZip(entries, zip64: true).withUnsafeBufferPointer { Zip.members($0, limit: 1 << 20) }.get()
        #expect(zip64.map(\.name) == ["notes.txt", "ap880212", "comp.sys.enigma.mbox"])
        #expect(zip64.map(\.text) == plain.map(\.text))
        #expect(zip64.allSatisfy { $0.note == nil })
    }

    /// Damaged or hostile Zip64 fields are reported and skipped, never trusted: a locator or
    /// offset past the file, a count of 2^63, an extra field cut short.
    @Test func damagedZip64RecordsAreReportedNotTrusted() throws {
        let entries = [StoredEntry(name: "notes.txt", bytes: Array(Self.note.utf8))]
        let good = Self.storedZip(entries, zip64: true)
        let end = good.count - 22, locator = end - 20, record = locator - 56
        func damaged(_ change: (inout [UInt8]) -> Void) -> String {
            var bytes = good
            change(&bytes)
            switch bytes.withUnsafeBufferPointer({ Zip.members($0, limit: 1 << 20) }) {
            case .success(let members): return "read \(members.count)"
            case .failure(let failure): return failure.reason
            }
        }
        func put64(_ value: UInt64, at index: Int, in bytes: inout [UInt8]) {
            for k in 0..<8 { bytes[index + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(k))) }
        }
        #expect(damaged { _ in } == "read 1")
        #expect(damaged { put64(UInt64.max, at: locator + 8, in: &$0) } == "damaged zip directory (its Zip64 locator); skipped")
        #expect(damaged { put64(UInt64(good.count + 100), at: locator + 8, in: &$0) } == "damaged zip directory (its Zip64 end record); skipped")
        #expect(damaged { $0[record] = 0 } == "damaged zip directory (its Zip64 end record); skipped")
        #expect(damaged { put64(1 << 63, at: record + 32, in: &$0) } == "damaged zip directory (its Zip64 end record); skipped")
        #expect(damaged { put64(1 << 40, at: record + 32, in: &$0) } == "damaged zip directory; skipped", "a count the directory cannot hold")
        #expect(damaged { put64(1 << 40, at: record + 48, in: &$0) } == "zip directory out of place (a cut-short download?); skipped")
        // The entry's extra field: its length says 8 where three values are needed.
        let extraLength = record - 24 - 2
        #expect(damaged { $0[extraLength] = 8 } == "damaged zip directory (an entry's Zip64 sizes); skipped")
        // Its local header offset pointing far past the file: the entry is damaged, not the zip.
        #expect(damaged { put64(1 << 50, at: record - 8, in: &$0) } == "read 1")
        let loaded = try {
            var bytes = good
            put64(1 << 50, at: record - 8, in: &bytes)
            return try bytes.withUnsafeBufferPointer { Zip.members($0, limit: 1 << 20) }.get()
        }()
        #expect(loaded.map(\.note) == ["notes.txt: damaged zip entry; skipped"])
    }

    struct StoredEntry {
        var name: String
        var bytes: [UInt8]
    }

    /// A zip of stored entries; with `zip64`, each directory entry's sizes and offset are
    /// 0xFFFFFFFF with the values in a Zip64 extra field, and the archive ends with a Zip64 end
    /// record, its locator, and a classic record of 0xFFFF and 0xFFFFFFFF.
    static func storedZip(_ entries: [StoredEntry], zip64: Bool) -> [UInt8] {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }
        func le64(_ value: Int) -> [UInt8] { le32(value & 0xFFFF_FFFF) + le32(value >> 32) }
        var out: [UInt8] = [], directory: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = Self.crc32(entry.bytes)
            let offset = out.count
            out += le32(0x0403_4B50) + le16(45) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc)
                + le32(entry.bytes.count) + le32(entry.bytes.count) + le16(name.count) + le16(0) + name + entry.bytes
            let extra = zip64 ? le16(1) + le16(24) + le64(entry.bytes.count) + le64(entry.bytes.count) + le64(offset) : []
            let full = 0xFFFF_FFFF
            directory += le32(0x0201_4B50) + le16(0x031E) + le16(45) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc)
                + le32(zip64 ? full : entry.bytes.count) + le32(zip64 ? full : entry.bytes.count) + le16(name.count) + le16(extra.count)
                + le16(0) + le16(0) + le16(0) + le32(0) + le32(zip64 ? full : offset) + name + extra
        }
        let start = out.count
        out += directory
        if zip64 {
            let record = out.count
            out += le32(0x0606_4B50) + le64(44) + le16(0x031E) + le16(45) + le32(0) + le32(0)
                + le64(entries.count) + le64(entries.count) + le64(directory.count) + le64(start)
            out += le32(0x0706_4B50) + le32(0) + le64(record) + le32(1)
            out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(0)
        } else {
            out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count) + le32(directory.count) + le32(start) + le16(0)
        }
        return out
    }

    /// CRC-32 (IEEE), as zip checks it.
    static func crc32(_ bytes: [UInt8]) -> Int {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int(UInt8(truncatingIfNeeded: crc) ^ byte)] ^ (crc >> 8) }
        return Int(~crc)
    }

    static let crcTable: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        return crc
    }
}
