import Foundation
@testable import GazetteCore

/// The hostile files of issue 5, written into a scratch tree at test time (nothing is committed).
///
/// Each entry names a file, what loading it must give, and how it is made.
struct HostileCorpus {
    /// What one file must produce when loaded.
    enum Expect {
        /// Loads as these titles (in order), with no warning.
        case articles([String])
        /// Loads as these titles and gives exactly these warnings, as `line: reason` (the path is the file's).
        case articlesWithWarnings([String], [String])
        /// Gives no article and exactly one warning, `line: reason`.
        case warning(String)
    }

    struct Entry {
        var name: String
        var expect: Expect
    }

    let tree: TempTree
    private(set) var entries: [Entry] = []

    init(in tree: TempTree) { self.tree = tree }

    /// Writes every hostile file; `big` adds the 10 MB line and the 200k-line file.
    mutating func writeAll(big: Bool = true) throws {
        try bytes("good.txt", Array("Title: Harbour lights relit\nDate: 2024-06-02\nTags: ports\n\nThe lamps are back.\n".utf8),
                  .articles(["Harbour lights relit"]))
        try text("good-dump.txt", """
            Couriers on the night train
            October 12, 2020 by Pell Orrin 2 Comments
            The sleeper once carried sealed bags.
            ► Author: Pell Orrin | Date: 12 October 2020 | Permalink
            Filed under Rail Tagged with couriers, trains

            Fog signals on the cape
            March 7, 2018 Leave a comment
            The horn sounded every thirty seconds.
            """, .articles(["Couriers on the night train", "Fog signals on the cape"]))
        try bytes("nul-bytes.txt", Array("Title: Nulls inside\n\nA body\u{0}with a NUL.\n".utf8) + [0, 0, 0x0A],
                  .articles(["Nulls inside"]))
        try bytes("binary.txt", Self.binary(count: 64 << 10, seed: 5), .warning("1: binary file; skipped"))
        try bytes("invalid-utf8.txt", Array("Title: Broken ".utf8) + [0xFF, 0xFE, 0x80] + Array(" bytes\n\nBody ".utf8) + [0xE2, 0x96],
                  .articles(["Broken ÿþ€ bytes"]))  // a header block: 8-bit lines are Windows-1252
        // Overlong "/" (C0 AF), overlong NUL (C0 80), 4-byte overlong "A" (F0 80 81 81), an encoded surrogate.
        try bytes("overlong.txt", Array("Title: Over".utf8) + [0xC0, 0xAF, 0xC0, 0x80, 0xF0, 0x80, 0x81, 0x81, 0xED, 0xA0, 0x80]
                  + Array("long\n\nBody\n".utf8), .articles(["OverÀ¯À€ð€\u{FFFD}\u{FFFD}í\u{A0}€long"]))
        let utf16Text = { (order: String) in "Title: Wide ünïcode 𝄞 \(order)\r\nDate: 2021-02-14\r\n\r\nBody.\r\n" }
        try bytes("utf16le.txt", [0xFF, 0xFE] + utf16Text("LE").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
                  .articles(["Wide ünïcode 𝄞 LE"]))
        try bytes("utf16be.txt", [0xFE, 0xFF] + utf16Text("BE").utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
                  .articles(["Wide ünïcode 𝄞 BE"]))
        // The same text without a BOM is NUL-riddled noise to a UTF-8 reader: one warning, not a garbage title.
        try bytes("utf16-no-bom.txt", utf16Text("none").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
                  .warning("1: binary file; skipped"))
        try bytes("bom-crlf.txt", [0xEF, 0xBB, 0xBF] + Array("Title: BOM and CRLF\r\nDate: 2020-01-01\r\n\r\nBody\r\n".utf8),
                  .articles(["BOM and CRLF"]))
        try bytes("cr-only.txt", Array("Title: CR only\rDate: 2020-01-02\r\rOne\rline.\r".utf8), .articles(["CR only"]))
        try text("empty.txt", "", .warning("1: empty file"))
        try text("only-headers.txt", "Date: 2021-03-04\nAuthor: Desk\n", .warning("1: no title and no body; article skipped"))
        try text("header-no-body.txt", "Title: Headers and nothing else\nTags: lonely\n", .articles(["Headers and nothing else"]))
        let tags = (0..<10_000).map { "tag\($0)" }.joined(separator: ", ")
        try text("many-tags.txt", "Title: Ten thousand tags\nTags: \(tags)\n\nBody.\n", .articles(["Ten thousand tags"]))
        let longTitle = String(repeating: "Très long titre ", count: 313).prefix(5000)
        try text("long-title.txt", "Title: \(longTitle)\n\nBody.\n", .articles([String(longTitle).trimmingCharacters(in: .whitespaces)]))
        try text("dump-dateline-no-title.txt", """
            A post with a title
            May 3, 2020 Leave a comment
            Body.

            May 4, 2020 Leave a comment
            An orphaned body line.
            """, .articlesWithWarnings(["A post with a title"], ["5: dateline with no title; post skipped"]))
        try text("dump-footer-no-dateline.txt", """
            ► Author: Nobody | Date: 1 May 2020 | Permalink
            Post after a stray footer
            May 2, 2020 Leave a comment
            Body.
            """, .articlesWithWarnings(["Post after a stray footer"], ["1: footer with no dateline"]))
        try text("dump-filed-under-empty.txt", """
            Filed under nothing
            June 1, 2020 Leave a comment
            Body.
            ► Author: Cy | Date: 1 June 2020 | Permalink
            Filed under
            """, .articlesWithWarnings(["Filed under nothing"], ["5: \"Filed under\" with nothing after it"]))
        if big {
            // One 10 MB line with no line break at all: it is the title of a header-less file.
            try bytes("ten-megabyte-line.txt", Array(repeating: UInt8(ascii: "x"), count: 10_000_000),
                      .articles([String(repeating: "x", count: 10_000_000)]))
            let lines = (0..<200_000).map { $0 % 4 == 3 ? "" : "line \($0)" }.joined(separator: "\n")
            try text("two-hundred-thousand-lines.txt", "Title: Many lines\n\n" + lines, .articles(["Many lines"]))
        }
        try tree.mkdir("x.txt")
        entries.append(Entry(name: "x.txt", expect: .warning("0: a directory named like an article file; skipped")))
        guard mkfifo(tree.path("y.txt"), 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        entries.append(Entry(name: "y.txt", expect: .warning("0: not a regular file (FIFO); skipped")))
        try tree.mkdir("loop")
        try tree.link("loop/again", to: "..")
        entries.append(Entry(name: "loop/again", expect: .warning("0: symbolic link to a directory already read (a loop?); skipped")))
    }

    private mutating func text(_ name: String, _ content: String, _ expect: Expect) throws {
        try bytes(name, Array(content.utf8), expect)
    }

    private mutating func bytes(_ name: String, _ content: [UInt8], _ expect: Expect) throws {
        guard FileManager.default.createFile(atPath: tree.path(name), contents: Data(content)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        entries.append(Entry(name: name, expect: expect))
    }

    /// Deterministic noise with plenty of NULs and control bytes, like a misplaced image or archive.
    static func binary(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15  // SplitMix64
            var mixed = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            let byte = UInt8(truncatingIfNeeded: mixed ^ (mixed >> 31))
            return byte < 48 ? 0 : byte
        }
    }
}
