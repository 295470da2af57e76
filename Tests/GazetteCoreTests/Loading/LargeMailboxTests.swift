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

    @Test func onlyUncompressedMailboxesAreReadInParts() throws {
        let tree = try TempTree()
        let mailbox = try Self.write(Self.takeout(messages: 2), to: tree, "Inbox")
        let notes = try Self.write("Title: Notes\n\nA long text file.\n", to: tree, "notes.txt")
        #expect(LargeMailbox.qualifies(mailbox), "an extensionless file opening with an envelope")
        #expect(LargeMailbox.qualifies(tree.path("takeout.mbox")), "named .mbox")
        #expect(!LargeMailbox.qualifies(notes))
        #expect(!LargeMailbox.qualifies(tree.path("list.mbox.gz")))
        #expect(!LargeMailbox.qualifies(tree.path("usenet.mbox.zip")))
    }
}
