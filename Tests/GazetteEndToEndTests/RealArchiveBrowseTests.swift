import Foundation
import Testing

/// Archives as people have them, browsed under tmux: a Mailman month still gzipped, an old
/// Latin-1 text file with Windows-1252 quotes and a form feed, a TREC wire file with no extension.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
final class RealArchiveBrowseTests {
    let archive: TemporaryArchive

    init() throws {
        archive = try TemporaryArchive()
        let month = """
            From ada at example.org  Tue Jun  3 10:22:01 2003
            From: ada at example.org (Ada Quill)
            Date: Tue, 03 Jun 2003 10:22:01 +0200
            Subject: [rotor-l] Wiring of rotor VI
            Message-ID: <3EDC5678.7000@example.org>

            Does anyone know the wiring of rotor VI?

            """
        try archive.write("rotor-l/2003-June.txt.gz", try Self.gzip(Data(month.utf8)))
        // "Café society in Zürich" / A naïve reader asked “why?” – twice. ^L And a new page.
        var latin1 = Data("Caf".utf8) + Data([0xE9]) + Data(" society in Z".utf8) + Data([0xFC]) + Data("rich\n\nA na".utf8)
        latin1 += Data([0xEF]) + Data("ve reader asked ".utf8) + Data([0x93]) + Data("why?".utf8) + Data([0x94, 0x20, 0x96])
        latin1 += Data(" twice.\n\u{0C}And a new page.\n".utf8)
        try archive.write("old/cafe.txt", latin1)
        try archive.write("trec/ap880212", "<DOC>\n<DOCNO> AP880212-0001 </DOCNO>\n<HEAD>Ferry Strike Ends</HEAD>\n<TEXT>\n   The crews went back.\n</TEXT>\n</DOC>\n")
        try archive.write("trec/README", "TREC disk 1.\n")
        // A Google Takeout export, gzipped: CRLF, Gmail's label header, no blank line before an envelope.
        let takeout = "From 1785230475961562119@xxx Tue Jan 05 14:02:11 +0000 2021\r\nX-GM-THRID: 1785230475961562119\r\n"
            + "X-Gmail-Labels: Inbox,Opened,Trips,\"Family, close\"\r\nSubject: Flights to Lisbon\r\nFrom: Ada <ada@example.org>\r\n"
            + "Date: Tue, 05 Jan 2021 14:02:11 +0000\r\n\r\nBooked the flights.\r\n"
            + "From 1785230475961562120@xxx Tue Jan 05 15:00:00 +0000 2021\r\nX-Gmail-Labels: Archived,Unread,IMAP_$NotJunk\r\n"
            + "Subject: Receipt 4471\r\nDate: Tue, 05 Jan 2021 15:00:00 +0000\r\n\r\nThank you.\r\n"
        try archive.write("Takeout/Mail/All mail Including Spam and Trash.mbox.gz", try Self.gzip(Data(takeout.utf8)))
    }

    static func gzip(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c", "-n"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return compressed
    }

    func screen(_ session: TmuxSession) -> String {
        ((try? session.capture()) ?? []).joined(separator: "\n")
    }

    @Test func gzippedLatin1AndExtensionlessWireFilesBrowseAsText() async throws {
        let command = "\(TmuxSession.shellQuote(BrowseFixture.binary)) --no-cache --data \(TmuxSession.shellQuote(archive.path))"
        let session = try TmuxSession(command: "sh -c \(TmuxSession.shellQuote(command))", width: 120, height: 30, term: "xterm-256color",
                                      environment: ["TZ": "UTC", "LANG": "C.UTF-8"], directory: archive.path)
        defer { session.kill() }
        let titles = ["[rotor-l] Wiring of rotor VI", "Ferry Strike Ends", "Café society in Zürich"]
        #expect(await session.waitUntil { lines in titles.allSatisfy { title in lines.contains { $0.contains(title) } } }, "\(screen(session))")
        let list = screen(session)
        #expect(list.contains("5 articles"), "\(list)")
        #expect(!list.contains("�"), "no replacement characters: \(list)")
        // Open the Latin-1 file (undated, so last) and read it.
        try session.sendKeys("G")
        #expect(await session.waitFor(text: "A naïve reader asked “why?” – twice."), "\(screen(session))")
        let reader = screen(session)
        #expect(reader.contains("And a new page."), "\(reader)")
        #expect(!reader.contains("␌") && !reader.contains("twice. And"), "the form feed is a page break: \(reader)")
        try session.sendKeys("q")
    }

    @Test func gmailLabelsFromATakeoutExportAreTagsInTheSidebar() async throws {
        let command = "\(TmuxSession.shellQuote(BrowseFixture.binary)) --no-cache --data \(TmuxSession.shellQuote(archive.path))"
        let session = try TmuxSession(command: "sh -c \(TmuxSession.shellQuote(command))", width: 120, height: 30, term: "xterm-256color",
                                      environment: ["TZ": "UTC", "LANG": "C.UTF-8"], directory: archive.path)
        defer { session.kill() }
        #expect(await session.waitFor(text: "Flights to Lisbon"), "\(screen(session))")
        let list = screen(session)
        // The labels a person made (and Inbox) are tags; Gmail's state and IMAP flags are not.
        for tag in ["Trips", "Family, close", "Inbox"] { #expect(list.contains(tag), "\(tag): \(list)") }
        #expect(!list.contains("Opened") && !list.contains("Archived") && !list.contains("IMAP_"), "\(list)")
        // Filtering by a label finds its message.
        try session.sendKeys("/")
        try session.type("tag:trips")
        try session.sendKeys("Enter")
        #expect(await session.waitFor(text: "1 of 5 articles"), "\(screen(session))")
        #expect(screen(session).contains("Flights to Lisbon") && !screen(session).contains("Receipt 4471"), "\(screen(session))")
        try session.sendKeys("q")
    }
}
