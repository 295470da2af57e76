import Foundation

/// Mailboxes larger than the file limit — a Google Takeout export (`All mail Including Spam and
/// Trash.mbox`, often gigabytes), a list's whole history — read in parts: a part of about
/// `partSize` bytes is cut before a message's envelope line (where the mbox reader would split),
/// parsed on its own, and its articles' lines counted on from the parts before it. Only one
/// part (and the message it cut off) is in memory at a time besides what was parsed, and
/// messages are mostly attachments, so the articles take far less than the file.
enum LargeMailbox {
    static let partSize = 32 << 20

    /// Whether a file too large to read whole is a mailbox to read in parts: not compressed or
    /// an archive, and named `.mbox` or opening with an envelope.
    static func qualifies(_ path: String) -> Bool {
        let name = path.utf8.split(separator: UInt8(ascii: "/")).last.map(Array.init) ?? []
        guard Compression(name: name) == nil, !Zip.hasSuffix(name), !Tar.hasSuffix(name) else { return false }
        if MboxFormat.hasMboxSuffix(path) { return true }
        return ArticleFileName.startsWithEnvelope(readHead(path, count: 4096)[...])
    }

    /// Parses the mailbox at `path` part by part; `diskBytes` is how many bytes were read.
    static func parse(_ path: String, limit: Int = FileReading.sizeLimit, partSize: Int = partSize) -> Result<(parsed: ParsedFile, diskBytes: Int), FileReading.ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(FileReading.ReadFailure("cannot read: \(FileDiscovery.message(errno))")) }
        defer { close(descriptor) }
        var reader = PartReader(descriptor: descriptor, partSize: partSize)
        var result = ParsedFile()
        var linesBefore = 0  // lines of the file before the buffer
        while true {
            if let failure = reader.readMore() { return .failure(failure) }
            if reader.atEnd && reader.buffer.isEmpty { break }
            // The part ends before the last envelope in the buffer: that message may go on in
            // what is not read yet. At the end of the file, the buffer is the last part.
            let cut = reader.atEnd ? reader.buffer.count : lastMessageStart(reader.buffer)
            if cut == 0 {
                guard reader.buffer.count > limit else { continue }  // one message longer than a part: read on
                // One message over the file limit (a huge attachment): skipped, and said where.
                result.warnings.append(LoadWarning(path: path, line: linesBefore + 1, reason: "message larger than \(limit >> 20) MiB; skipped"))
                if let failure = skipMessage(&reader, linesBefore: &linesBefore) { return .failure(failure) }
                continue
            }
            let part = reader.buffer[..<cut]
            var parsed = ArticleFileParser.parse(bytes: part, path: path)
            for index in parsed.articles.indices { parsed.articles[index].source.line += linesBefore }
            for index in parsed.warnings.indices where parsed.warnings[index].location.line > 0 {
                parsed.warnings[index].location.line += linesBefore
            }
            result.articles += parsed.articles
            result.warnings += parsed.warnings
            linesBefore += newlines(part)
            reader.buffer.removeSubrange(..<cut)
        }
        return .success((result, reader.total))
    }

    /// Drops the buffer's first message and what of it is still unread, up to the next message.
    private static func skipMessage(_ reader: inout PartReader, linesBefore: inout Int) -> FileReading.ReadFailure? {
        while true {
            if let next = firstMessageStart(reader.buffer) {
                linesBefore += newlines(reader.buffer[..<next])
                reader.buffer.removeSubrange(..<next)
                return nil
            }
            if reader.atEnd {
                reader.buffer.removeAll()
                return nil
            }
            // Keep the last lines: an envelope may be there, not yet read to its end.
            let keep = max(0, reader.buffer.count - 4096)
            linesBefore += newlines(reader.buffer[..<keep])
            reader.buffer.removeSubrange(..<keep)
            if let failure = reader.readMore() { return failure }
        }
    }

    /// The file read a part at a time onto `buffer`.
    struct PartReader {
        let descriptor: Int32
        let partSize: Int
        var buffer: [UInt8] = []
        var total = 0
        var atEnd = false

        /// Reads up to `partSize` more bytes (none once at the end).
        mutating func readMore() -> FileReading.ReadFailure? {
            guard !atEnd else { return nil }
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: partSize))
            var got = 0
            var failure: Int32 = 0
            buffer.withUnsafeMutableBytes { raw in
                while got < partSize {
                    let n = Foundation.read(descriptor, raw.baseAddress! + start + got, partSize - got)
                    if n > 0 { got += n } else if n == 0 { atEnd = true; break } else if errno != EINTR { failure = errno; break }
                }
            }
            buffer.removeSubrange((start + got)...)
            total += got
            return failure == 0 ? nil : FileReading.ReadFailure("cannot read: \(FileDiscovery.message(failure))")
        }
    }

    /// Where the first message after the buffer's first line begins, if one does.
    static func firstMessageStart(_ bytes: [UInt8]) -> Int? {
        var at = 0
        while let newline = bytes[at...].firstIndex(of: 0x0A) {
            if isMessageStart(bytes, at: newline + 1) { return newline + 1 }
            at = newline + 1
        }
        return nil
    }

    /// Where the last message after the buffer's first line begins (its envelope's first byte), or 0.
    static func lastMessageStart(_ bytes: [UInt8]) -> Int {
        var end = bytes.count
        while let newline = bytes[..<end].lastIndex(of: 0x0A) {
            if isMessageStart(bytes, at: newline + 1) { return newline + 1 }
            end = newline
        }
        return 0
    }

    /// An envelope line at `start` after a blank line, or followed by a header line, as
    /// `MboxFormat.split` starts a message; a line not yet read to its end is not one.
    static func isMessageStart(_ bytes: [UInt8], at start: Int) -> Bool {
        guard start > 0, start < bytes.count, bytes[start...].starts(with: "From ".utf8), let lineEnd = bytes[start...].firstIndex(of: 0x0A) else { return false }
        var line = bytes[start..<lineEnd]
        if line.last == 0x0D { line = line.dropLast() }
        guard MboxFormat.isEnvelope(line) else { return false }
        // The line before: blank (LF, CRLF, or spaces only).
        var at = start - 1  // its newline
        var blank = true
        while at > 0 {
            let byte = bytes[at - 1]
            if byte == 0x0A { break }
            if byte != 0x20 && byte != 0x09 && byte != 0x0D { blank = false; break }
            at -= 1
        }
        if blank { return true }
        var unixNext = Array(bytes[(lineEnd + 1)..<min(bytes.count, lineEnd + 81)])
        if let cr = unixNext.firstIndex(of: 0x0D), cr + 1 < unixNext.count, unixNext[cr + 1] == 0x0A { unixNext.remove(at: cr) }
        return MboxFormat.startsHeaders(unixNext, at: 0)
    }

    private static func newlines(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Up to `count` bytes of the file's start.
    private static func readHead(_ path: String, count: Int) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: count)
        let got = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, count) }
        return Array(buffer.prefix(max(0, got)))
    }
}
