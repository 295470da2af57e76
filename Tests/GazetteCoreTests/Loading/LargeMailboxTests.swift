import Foundation
import Testing
@testable import GazetteCore

/// Mailboxes over the file limit (a Google Takeout export, a list's whole history) are read in
/// parts cut before envelopes: here with parts of a few KiB, so a small mailbox is cut dozens of
/// times, and every result is compared with reading it whole.
@Suite struct LargeMailboxTests {
    /// A Takeout-shaped mailbox: CRLF lines, Gmail's headers, no blank line before some
    /// envelopes, multipart messages, a `>From` line, replies.
    static func takeout(messages: Int, hugeAt: Int? = nil) -> String {
        var text = ""
        for number in 1...messages {
            let blankBefore = number % 3 != 0  // some exporters leave none
            if number > 1 && blankBefore { text += "\r\n" }
            text += "From 17863491201234\(number)@xxx Wed Nov 29 11:02:31 +0000 2023\r\n"
            text += "X-GM-THRID: 178634912012345\r\nX-Gmail-Labels: Inbox,Opened\r\nMIME-Version: 1.0\r\n"
            text += "From: Sender \(number % 7) <s\(number % 7)@example.org>\r\n"
            text += "Date: Wed, 29 Nov 2023 \(10 + number % 10):02:20 +0100\r\nMessage-ID: <m\(number)@mail.example.org>\r\n"
            if number > 1 { text += "In-Reply-To: <m\(number - 1)@mail.example.org>\r\n" }
            text += "Subject: Bulletin \(number)\r\n"
            if number % 4 == 0 {
                text += "Content-Type: multipart/alternative; boundary=\"b\(number)\"\r\n\r\n--b\(number)\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                text += String(repeating: "Line of bulletin \(number), part text.\r\n", count: number % 50 + 1)
                text += "\r\n--b\(number)\r\nContent-Type: text/html\r\n\r\n<p>Bulletin \(number)</p>\r\n--b\(number)--\r\n"
            } else {
                text += "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                text += String(repeating: "Line of bulletin \(number).\r\n", count: number % 60 + 1)
                if number == hugeAt { text += String(repeating: "x", count: 200_000) + "\r\n" }
                text += ">From the archive: escaped.\r\n"
            }
        }
        return text
    }

    static func write(_ text: String, to tree: TempTree, _ name: String) throws -> String {
        let path = tree.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [4 << 10, 16 << 10, 1 << 20])
    func readingInPartsGivesWhatReadingWholeGives(partSize: Int) throws {
        let tree = try TempTree()
        let path = try Self.write(Self.takeout(messages: 300), to: tree, "All mail Including Spam and Trash.mbox")
        let whole = ArticleFileParser.parse(bytes: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), path: path)
        let parts = try LargeMailbox.parse(path, limit: 64 << 10, partSize: partSize).get()
        #expect(whole.articles.count == 300)
        #expect(parts.parsed.articles.count == whole.articles.count)
        #expect(parts.parsed.articles.map(\.id) == whole.articles.map(\.id))
        #expect(parts.parsed.articles.map(\.source.line) == whole.articles.map(\.source.line), "lines count on across parts")
        #expect(parts.parsed.articles.map(\.body) == whole.articles.map(\.body))
        #expect(parts.parsed.warnings.map(\.description) == whole.warnings.map(\.description))
        #expect(parts.diskBytes == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
        #expect(parts.parsed.articles.first { $0.title == "Bulletin 299" }?.body.hasSuffix("\nFrom the archive: escaped.") == true, "unescaped")
    }

    @Test func progressIsToldPartByPart() throws {
        let tree = try TempTree()
        let path = try Self.write(Self.takeout(messages: 300), to: tree, "All mail Including Spam and Trash.mbox")
        let told = LockedValue<[Int]>([])
        let parts = try LargeMailbox.parse(path, limit: 64 << 10, partSize: 16 << 10, progress: { count in told.update { $0.append(count) } }).get()
        // Every part's articles, as each is parsed: a long load of one file visibly moves.
        #expect(told.value.count > 5, "\(told.value)")
        #expect(told.value.reduce(0, +) == parts.parsed.articles.count)
        #expect(parts.parsed.articles.count == 300)
    }

    /// A mailbox within the file limit but of more than one part is read in parts as well, so
    /// its parts are parsed on every core (read whole, one core parsed it all): the same
    /// articles, lines and warnings as reading it whole, and the loading screen hears of its
    /// articles before the file is done.
    @Test func aMailboxOfMoreThanAPartIsReadInPartsWithinTheLimit() throws {
        let tree = try TempTree()
        var text = ""
        for number in 1...10_050 {
            text += "From list@example.org Mon Jan  1 00:00:00 2024\nFrom: Desk <desk@example.org>\nSubject: Bulletin \(number)\n"
            text += "Message-ID: <b\(number)@example.org>\n\nItem \(number).\n\n"
        }
        try tree.write("list/Inbox", text)
        try tree.write("list/notes.txt", "Title: Notes\n\nA text file.\n")
        let mailbox = tree.path("list/Inbox"), notes = tree.path("list/notes.txt")
        let size = text.utf8.count, above = 64 << 10
        #expect(LargeMailbox.readsInParts(mailbox, size: size, partsAbove: above))
        #expect(!LargeMailbox.readsInParts(mailbox, size: above, partsAbove: above), "one part or less: read whole")
        #expect(!LargeMailbox.readsInParts(notes, size: size, partsAbove: above), "not a mailbox")
        #expect(LargeMailbox.readsInParts(tree.path("takeout.mbox.gz"), size: above / 8 + 1, partsAbove: above), "compressed: an eighth of a part")
        #expect(LargeMailbox.readsInParts(tree.path("usenet.mbox.zip"), size: above / 8 + 1, partsAbove: above), "a zip: as a compressed file")
        #expect(LargeMailbox.readsInParts(tree.path("spool.tar.gz"), size: above / 8 + 1, partsAbove: above))
        #expect(!LargeMailbox.readsInParts(tree.path("spool.tar"), size: above, partsAbove: above), "a plain tar of one part: whole")
        #expect(LargeMailbox.readsInParts(tree.path("spool.tar"), size: above + 1, partsAbove: above))
        #expect(FileReading.readArticleFile(mailbox, partsAbove: above).failure?.tooLarge == true)

        let whole = try ArchiveLoader.load(directories: [tree.root], progress: nil, partsAbove: .max)
        let told = LockedValue<[LoadProgress]>([])
        let parts = try ArchiveLoader.load(directories: [tree.root], progress: { event in told.update { $0.append(event) } }, partsAbove: above)
        #expect(parts.articles.count == 10_051)
        #expect(parts.articles.map(\.id) == whole.articles.map(\.id))
        #expect(parts.articles.map(\.source.line) == whole.articles.map(\.source.line))
        #expect(parts.articles.map(\.body) == whole.articles.map(\.body))
        #expect(parts.report.warnings.map(\.description) == whole.report.warnings.map(\.description))
        #expect(parts.report.bytesRead == whole.report.bytesRead)
        #expect(told.value.contains { $0.filesDone == 0 && $0.articles >= 10_000 }, "\(told.value.map { ($0.filesDone, $0.articles) })")
    }

    @Test func aMessageOverTheLimitIsSkippedAndTheRestLoad() throws {
        let tree = try TempTree()
        let path = try Self.write(Self.takeout(messages: 40, hugeAt: 17), to: tree, "big.mbox")
        // Lines as the file counts them (a Swift `String` holds CRLF as one character).
        let lines = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))).split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        let envelope = try #require(lines.firstIndex { $0.hasPrefix("From 1786349120123417@") }) + 1
        let parts = try LargeMailbox.parse(path, limit: 64 << 10, partSize: 8 << 10).get()
        #expect(parts.parsed.warnings.map(\.description) == ["\(path):\(envelope): message larger than 0 MiB; skipped"])
        #expect(parts.parsed.articles.count == 39)
        #expect(!parts.parsed.articles.contains { $0.title == "Bulletin 17" })
        let after = try #require(parts.parsed.articles.first { $0.title == "Bulletin 18" })
        let expected = try #require(lines.firstIndex { $0.hasPrefix("From 1786349120123418@") }) + 2
        #expect(after.source.line == expected, "lines still count after the skipped message")
    }

    @Test func aLastMessageOverTheLimitIsSkippedToo() throws {
        let tree = try TempTree()
        let text = Self.takeout(messages: 12) + "From 99@xxx Wed Nov 29 11:02:31 +0000 2023\r\nSubject: Huge\r\n\r\n"
            + String(repeating: "y", count: 100_000) + "\r\n"
        let path = try Self.write(text, to: tree, "tail.mbox")
        let parts = try LargeMailbox.parse(path, limit: 64 << 10, partSize: 64 << 10).get()
        #expect(parts.parsed.articles.map(\.title) == (1...12).map { "Bulletin \($0)" })
        #expect(parts.parsed.warnings.map(\.reason) == ["message larger than 0 MiB; skipped"])
    }

    @Test func whichFilesAreReadInParts() throws {
        let tree = try TempTree()
        let mailbox = try Self.write(Self.takeout(messages: 2), to: tree, "Inbox")
        let notes = try Self.write("Title: Notes\n\nA long text file.\n", to: tree, "notes.txt")
        #expect(LargeMailbox.qualifies(mailbox), "an extensionless file opening with an envelope")
        #expect(LargeMailbox.qualifies(tree.path("takeout.mbox")), "named .mbox")
        #expect(!LargeMailbox.qualifies(notes))
        #expect(LargeMailbox.qualifies(tree.path("usenet.mbox.zip")), "read entry by entry (LargeZipTests)")
        #expect(LargeMailbox.qualifies(tree.path("takeout.mbox.tgz")), "read as it inflates (LargeTarTests)")
    }

    /// A compressed mailbox whose text is over the limit (`list.mbox.gz`, a Takeout export
    /// someone xz'd) is cut into parts as it inflates: the same articles as reading it whole.
    @Test(arguments: [("gzip", ".gz"), ("bzip2", ".bz2"), ("xz", ".xz")])
    func aCompressedMailboxOverTheLimitIsReadInPartsAsItInflates(tool: String, suffix: String) throws {
        let tree = try TempTree()
        let text = Array(Self.takeout(messages: 300).utf8)
        let whole = ArticleFileParser.parse(bytes: text, path: "x")
        let compressed = try BzipXzArchiveTests.compress(tool, text)
        let path = tree.path("All mail Including Spam and Trash.mbox" + suffix)
        try Data(compressed).write(to: URL(fileURLWithPath: path))
        let limit = 64 << 10
        // Whole, it is over the limit, and the loader hears so; then it is read in parts.
        let failure = try #require(FileReading.readArticleFile(path, limit: limit).failure)
        #expect(failure.tooLarge, "\(failure.reason)")
        #expect(LargeMailbox.qualifies(path))
        for partSize in [4 << 10, 16 << 10] {
            let parts = try LargeMailbox.parse(path, limit: limit, partSize: partSize).get()
            #expect(parts.parsed.articles.map(\.id) == whole.articles.map(\.id))
            #expect(parts.parsed.articles.map(\.source.line) == whole.articles.map(\.source.line))
            #expect(parts.parsed.articles.map(\.body) == whole.articles.map(\.body))
            #expect(parts.parsed.warnings.isEmpty, "\(parts.parsed.warnings)")
            #expect(parts.diskBytes == compressed.count)
        }
        // Named without `.mbox`, it is told by the envelope its text opens with.
        let inbox = tree.path("Inbox" + suffix)
        try Data(compressed).write(to: URL(fileURLWithPath: inbox))
        #expect(LargeMailbox.qualifies(inbox))
        let notes = tree.path("notes.txt" + suffix)
        try Data(try BzipXzArchiveTests.compress(tool, Array("Title: Notes\n\nText.\n".utf8))).write(to: URL(fileURLWithPath: notes))
        #expect(!LargeMailbox.qualifies(notes))
    }

    /// A compressed file too large to read whole is read a piece at a time: every shape a `.gz`,
    /// `.bz2` or `.xz` comes in gives the same text and the same note as inflating it whole,
    /// whatever the piece size.
    @Test(arguments: [("gzip", Compression.gzip), ("bzip2", .bzip2), ("xz", .xz)])
    func readAPieceAtATimeGivesWhatInflatingItWholeGives(tool: String, compression: Compression) throws {
        let tree = try TempTree()
        let one = try BzipXzArchiveTests.compress(tool, Array(Self.takeout(messages: 60).utf8))
        let two = try BzipXzArchiveTests.compress(tool, Array("second member\n".utf8))
        var corrupt = one
        for index in (one.count / 2)..<(one.count / 2 + 16) { corrupt[index] ^= 0xA5 }
        let cases: [(String, [UInt8])] = [
            ("one", one), ("two-members", one + two), ("zero-padding", one + [UInt8](repeating: 0, count: 1000)),
            ("junk-after", one + Array("junk after it".utf8)), ("cut-short", Array(one.prefix(one.count / 2))),
            ("cut-in-the-second", one + two.prefix(two.count - 3)),
            ("corrupt", corrupt), ("not-compressed", Array("plain text, not compressed".utf8)), ("empty", []),
        ]
        for (label, bytes) in cases {
            let path = tree.path(label + compression.suffix)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let whole = bytes.withUnsafeBufferPointer { compression.decompress($0, limit: 1 << 30) }
            for readSize in [1, 7, 4096, 1 << 20] {
                let descriptor = open(path, O_RDONLY)
                defer { close(descriptor) }
                var out = DecompressedText(inputCount: bytes.count, limit: 1 << 30)
                let end = switch compression {
                case .gzip: Gzip.inflate(descriptor: descriptor, readSize: readSize, into: &out)
                case .bzip2: Bzip2.decompress(descriptor: descriptor, readSize: readSize, into: &out)
                case .xz: Xz.decompress(descriptor: descriptor, readSize: readSize, into: &out)
                }
                switch whole {
                case .failure(let failure):
                    let pieces = end.failure ?? out.result(damage: end.damage, trailing: end.trailing).failure
                    #expect(pieces?.reason == failure.reason, "\(tool) \(label), pieces of \(readSize)")
                case .success(let inflated):
                    let pieces = try out.result(damage: end.damage, trailing: end.trailing).get()
                    #expect(pieces.bytes == inflated.bytes, "\(tool) \(label), pieces of \(readSize)")
                    #expect(pieces.note == inflated.note, "\(tool) \(label), pieces of \(readSize)")
                }
            }
        }
    }

    @Test(arguments: [("gzip", ".gz"), ("bzip2", ".bz2"), ("xz", ".xz")])
    func aCompressedMailboxLargerThanTheLimitItselfIsReadAPieceAtATime(tool: String, suffix: String) throws {
        let tree = try TempTree()
        let text = Array(Self.takeout(messages: 300).utf8)
        let whole = ArticleFileParser.parse(bytes: text, path: "x")
        let compressed = try BzipXzArchiveTests.compress(tool, text)
        let limit = 4 << 10  // the messages are 1–3 KB each; bzip2 and xz make the file 6 KB
        #expect(compressed.count > limit)
        let path = tree.path("takeout.mbox" + suffix)
        try Data(compressed).write(to: URL(fileURLWithPath: path))
        #expect(FileReading.readArticleFile(path, limit: limit).failure?.tooLarge == true)
        let parts = try LargeMailbox.parse(path, limit: limit, partSize: 4 << 10).get()
        #expect(parts.parsed.articles.count == 300)
        #expect(parts.parsed.articles.map(\.id) == whole.articles.map(\.id))
        #expect(parts.parsed.articles.map(\.source.line) == whole.articles.map(\.source.line))
        #expect(parts.parsed.warnings.isEmpty, "\(parts.parsed.warnings)")
        #expect(parts.diskBytes == compressed.count)
    }

    @Test func aCutShortCompressedMailboxKeepsTheMessagesBeforeTheDamage() throws {
        let tree = try TempTree()
        let text = Array(Self.takeout(messages: 300).utf8)
        let compressed = try BzipXzArchiveTests.compress("gzip", text)
        let path = tree.path("list.mbox.gz")
        try Data(compressed.prefix(compressed.count / 2)).write(to: URL(fileURLWithPath: path))
        let parts = try LargeMailbox.parse(path, limit: 64 << 10, partSize: 8 << 10).get()
        let first = try #require(parts.parsed.warnings.first)
        #expect(first.location.line == 0)
        #expect(first.reason.hasPrefix("compressed data cut short; kept the "), "\(first.reason)")
        #expect(parts.parsed.articles.count > 50 && parts.parsed.articles.count < 300)
        let whole = ArticleFileParser.parse(bytes: text, path: path)
        // Every message before the last one kept is whole (the last may be cut mid-body).
        let kept = parts.parsed.articles.dropLast()
        #expect(Array(kept.map(\.body)) == Array(whole.articles.prefix(kept.count).map(\.body)))
    }

    @Test func aCompressedBombStopsWithANoteAndKeepsWhatCameBefore() throws {
        let tree = try TempTree()
        // 40 MB of one repeated message compresses far past the ratio limit.
        let message = "From a@example.org Mon Jan  1 00:00:00 2001\nSubject: Same\n\n" + String(repeating: "a", count: 4000) + "\n\n"
        let text = Array(String(repeating: message, count: 10_000).utf8)
        let compressed = try BzipXzArchiveTests.compress("gzip", text, ["-9"])
        let path = tree.path("bomb.mbox.gz")
        try Data(compressed).write(to: URL(fileURLWithPath: path))
        let parts = try LargeMailbox.parse(path, limit: 1 << 20, partSize: 1 << 20).get()
        let first = try #require(parts.parsed.warnings.first)
        #expect(first.reason.hasPrefix("inflates to over \(Gzip.ratioLimit) times its size; kept the "), "\(first.reason)")
        #expect(parts.parsed.articles.count < 10_000)
        #expect(parts.parsed.articles.count > 0)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
