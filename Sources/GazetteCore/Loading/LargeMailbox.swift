import Foundation

/// Mailboxes larger than the file limit — a Google Takeout export (`All mail Including Spam and
/// Trash.mbox`, often gigabytes), a list's whole history — read in parts: a part of about
/// `partSize` bytes is cut before a message's envelope line (where the mbox reader would split),
/// parsed on its own (on every core: `PartParsing`), and its articles' lines counted on from
/// the parts before it. Only the part being filled and a part per core being parsed are in
/// memory besides what was parsed, and messages are mostly attachments, so the articles take
/// far less than the file.
enum LargeMailbox {
    static let partSize = 32 << 20

    /// Whether a file too large to read whole (or to inflate whole) is a mailbox to read in
    /// parts: named `.mbox` (`list.mbox.gz` too), or opening with an envelope; or a zip or tar
    /// archive, read entry by entry (a zip's mailboxes in parts).
    static func qualifies(_ path: String) -> Bool {
        let name = fileName(path)
        // Archives are read entry by entry (`LargeZip`), or as they inflate (`LargeTar`).
        if Zip.hasSuffix(name) || Tar.hasSuffix(name) { return true }
        if MboxFormat.hasMboxSuffix(path) { return true }
        guard let compression = Compression(name: name) else {
            return ArticleFileName.startsWithEnvelope(readHead(path, count: 4096)[...])
        }
        let head = readHead(path, count: compression.headInput)
        return ArticleFileName.startsWithEnvelope(head.withUnsafeBufferPointer { compression.head($0, count: 4096) }[...])
    }

    /// Whether a file within the file limit is read in parts all the same: a mailbox, zip or tar
    /// archive of more than one part (a compressed one of more than an eighth of a part: text
    /// inflates several times) is parsed on every core that way and never held whole, where read
    /// whole one loader worker parses all of it. A 200 MB mailbox took 7.5 s and 750 MB read
    /// whole, 3.6 s and 410 MB in parts; a 200 MB tar of 50,000 articles 1.9 s and 413 MB
    /// (BENCHMARKS.md, "Mailboxes and archives within the limit, read in parts").
    static func readsInParts(_ path: String, size: Int, partsAbove: Int) -> Bool {
        guard size > partsAbove / 8 else { return false }  // nearly every file, at no cost
        let name = fileName(path)
        if Zip.hasSuffix(name) { return true }  // its entries are deflated, as a whole compressed file
        if Tar.hasSuffix(name) { return Tar.compression(name) != nil || size > partsAbove }
        let threshold = Compression(name: name) != nil ? partsAbove / 8 : partsAbove
        return size > threshold && qualifies(path)
    }

    /// The last component of `path`, as bytes (what names are judged by).
    private static func fileName(_ path: String) -> [UInt8] {
        path.utf8.split(separator: UInt8(ascii: "/")).last.map(Array.init) ?? []
    }

    /// Parses the mailbox at `path` part by part (a compressed one as it inflates); `diskBytes`
    /// is how many bytes were read. `progress` hears the articles of each part as it is parsed
    /// (from the parsing threads), so a long load of one file visibly moves.
    static func parse(_ path: String, limit: Int = FileReading.sizeLimit, partSize: Int = partSize,
                      progress: PartParsing.Progress? = nil) -> Result<(parsed: ParsedFile, diskBytes: Int), FileReading.ReadFailure> {
        if Zip.hasSuffix(path.utf8) { return LargeZip.parse(path, limit: limit, partSize: partSize, progress: progress) }
        if Tar.hasSuffix(path.utf8) { return LargeTar.parse(path, limit: limit, partSize: partSize, progress: progress) }
        if let compression = Compression(name: path.utf8) {
            return parseCompressed(path, compression, limit: limit, partSize: partSize, progress: progress)
        }
        var parts = MailboxParts(path: path, limit: limit, partSize: partSize, progress: progress)
        let total: Int
        switch FileReading.feed(path, pieceSize: min(partSize, 4 << 20), into: &parts) {
        case .success(let read): total = read
        case .failure(let failure): return .failure(failure)
        }
        return .success((parts.finish(), total))
    }

    /// A compressed mailbox whose text is over the limit (`list.mbox.gz`, `takeout.mbox.xz`):
    /// its text cut into parts as it inflates, so the text is never held whole (a gzip file
    /// over the limit itself is read a piece at a time too: `Compression.decompressFile`).
    /// Damage keeps what came before it, with a note.
    static func parseCompressed(_ path: String, _ compression: Compression, limit: Int, partSize: Int,
                                progress: PartParsing.Progress? = nil) -> Result<(parsed: ParsedFile, diskBytes: Int), FileReading.ReadFailure> {
        let read = compression.decompressFile(path, limit: limit) { diskBytes in
            // The bomb rule of every compressed file: at most `ratioLimit` times the input.
            MailboxParts(path: path, limit: limit, partSize: partSize, cap: Gzip.cap(forInput: diskBytes), progress: progress)
        }
        var parts: MailboxParts, end: DecompressionEnd, diskBytes: Int
        switch read {
        case .success(let result): (parts, end, diskBytes) = result
        case .failure(let failure): return .failure(failure)
        }
        if let failure = end.failure { return .failure(failure) }
        let inflated = parts.total
        var parsed = parts.finish()
        let note: String? = if end.stopped {
            "inflates to over \(Gzip.ratioLimit) times its size; kept the \(inflated) bytes before that"
        } else if let damage = end.damage {
            damage + "; kept the \(inflated) bytes before it"
        } else if end.trailing > 0 {
            "\(end.trailing) bytes after the compressed data ignored"
        } else {
            nil
        }
        if let note { parsed.warnings.insert(LoadWarning(path: path, line: 0, reason: note), at: 0) }
        return .success((parsed, diskBytes))
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

/// A mailbox's text, handed over a piece at a time, cut into parts of about `partSize` bytes
/// before an envelope (where the mbox reader would split) and each part parsed on its own, its
/// lines counted on from the parts before it. Only the part being filled (and the message it
/// cut off) is held besides what was parsed. A single message over `limit` is skipped, and said
/// where; more than `cap` bytes in all stops the text (`append` says false).
struct MailboxParts: DecompressionSink {
    let path: String
    let limit: Int
    let partSize: Int
    let cap: Int
    /// Bytes handed over so far.
    private(set) var total = 0
    /// Parses the parts on other threads while the next part is read or inflated.
    private let parsing: PartParsing
    private var buffer: [UInt8] = []
    /// Lines of the text before the buffer.
    private var linesBefore = 0
    /// Dropping a message over the limit until the next envelope.
    private var skipping = false
    /// The buffer's size at which to look for a cut again.
    private var nextLook: Int

    init(path: String, limit: Int, partSize: Int, cap: Int = .max, progress: PartParsing.Progress? = nil) {
        self.path = path
        self.limit = limit
        self.partSize = max(1, partSize)
        self.cap = cap
        nextLook = self.partSize
        parsing = PartParsing(path: path, progress: progress)
    }

    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        guard total + chunk.count <= cap else { return false }
        buffer.append(contentsOf: chunk)
        total += chunk.count
        if buffer.count >= nextLook { cut(atEnd: false) }
        return true
    }

    /// Parses what is left: the parts before the last message, then the last message, unless
    /// it is over the limit.
    mutating func finish() -> ParsedFile {
        cut(atEnd: false)
        if skipping || buffer.count > limit {
            // The text ends inside a message over the limit (no envelope after it was found).
            if !skipping {
                parsing.add(ParsedFile(warnings: [LoadWarning(path: path, line: linesBefore + 1, reason: "message larger than \(limit >> 20) MiB; skipped")]))
            }
            drop(buffer.count)
            skipping = false
        }
        cut(atEnd: true)
        return parsing.finish()
    }

    private mutating func cut(atEnd: Bool) {
        while !buffer.isEmpty {
            if skipping {
                if let next = LargeMailbox.firstMessageStart(buffer) {
                    drop(next)
                    skipping = false
                    continue
                }
                // Keep the last lines: an envelope may be there, not yet read to its end.
                drop(atEnd ? buffer.count : max(0, buffer.count - 4096))
                break
            }
            // The part ends before the last envelope in the buffer: that message may go on in
            // what is not here yet. At the end, the buffer is the last part.
            let end = atEnd ? buffer.count : LargeMailbox.lastMessageStart(buffer)
            if end == 0 {
                guard buffer.count > limit else { break }  // one message longer than a part: wait for more
                // One message over the file limit (a huge attachment): skipped, and said where.
                parsing.add(ParsedFile(warnings: [LoadWarning(path: path, line: linesBefore + 1, reason: "message larger than \(limit >> 20) MiB; skipped")]))
                skipping = true
                continue
            }
            parsing.parse(Array(buffer[..<end]), linesBefore: linesBefore)
            drop(end)
            break
        }
        nextLook = buffer.count + partSize
    }

    private mutating func drop(_ count: Int) {
        linesBefore += buffer[..<count].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        buffer.removeSubrange(..<count)
    }
}

/// A mailbox's parts parsed on other threads, as many at once as there are cores (so a
/// mailbox of many parts loads on every core, and its text is read or inflated meanwhile), and
/// put back together in file order. The parts being parsed are bounded for the whole process
/// (the loader reads several large files at once), so the memory is a few parts besides the
/// articles.
final class PartParsing: Sendable {
    /// Told the articles of each part as it is parsed, from the part's thread.
    typealias Progress = @Sendable (_ articles: Int) -> Void

    private let path: String
    private let progress: Progress?
    /// Per part, in file order: its articles and warnings once parsed.
    private let results = LockedValue<[ParsedFile?]>([])
    private let group = DispatchGroup()
    /// One permit per part being parsed, in the whole process. A parsing thread never waits
    /// for another permit, so the callers waiting here cannot deadlock.
    private static let room = DispatchSemaphore(value: max(1, ProcessInfo.processInfo.activeProcessorCount))

    init(path: String, progress: Progress? = nil) {
        self.path = path
        self.progress = progress
    }

    /// Parses `part`, whose first line is line `linesBefore + 1` of the file, on another thread;
    /// waits while as many parts as there are cores are being parsed.
    func parse(_ part: [UInt8], linesBefore: Int) {
        run { [path] in
            var parsed = ArticleFileParser.parse(bytes: part, path: path)
            for index in parsed.articles.indices { parsed.articles[index].source.line += linesBefore }
            for index in parsed.warnings.indices where parsed.warnings[index].location.line > 0 {
                parsed.warnings[index].location.line += linesBefore
            }
            return parsed
        }
    }

    /// Runs `work` on another thread, its result taking the next place in file order; waits
    /// while as many are running as there are cores.
    func run(_ work: @escaping @Sendable () -> ParsedFile) {
        let slot = results.update { results in
            results.append(nil)
            return results.count - 1
        }
        let room = Self.room
        room.wait()
        group.enter()
        // A thread of its own, not libdispatch's pool: the loader calls this from inside a
        // `concurrentPerform`, whose workers may all be waiting here for a part to finish.
        let thread = Thread { [results, group, progress] in
            let parsed = work()
            progress?(parsed.articles.count)
            results.update { $0[slot] = parsed }
            room.signal()
            group.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Adds what is already known (a warning) in its place among the parts.
    func add(_ parsed: ParsedFile) {
        results.update { $0.append(parsed) }
    }

    /// Every part's articles and warnings, in file order, once all are parsed.
    func finish() -> ParsedFile {
        group.wait()
        // Moved out, so each part's articles are held once.
        let parts = results.update { results in
            defer { results = [] }
            return results
        }
        var result = ParsedFile()
        result.articles.reserveCapacity(parts.reduce(0) { $0 + ($1?.articles.count ?? 0) })
        for part in parts {
            guard let part else { continue }
            result.articles += part.articles
            result.warnings += part.warnings
        }
        return result
    }
}

extension Compression {
    /// The text of the compressed file at `path`, handed to the sink `makeSink` makes for the
    /// file's size: a file within `limit` read whole, a file over it read a piece at a time
    /// (a multi-GB `takeout.mbox.gz`, the Enron corpus's `.tar.gz`, a list's `.mbox.xz`).
    func decompressFile<Sink: DecompressionSink>(_ path: String, limit: Int, makeSink: (_ diskBytes: Int) -> Sink) -> Result<(sink: Sink, end: DecompressionEnd, diskBytes: Int), FileReading.ReadFailure> {
        let descriptor: Int32, size: Int
        switch FileReading.openRegular(path) {
        case .success(let file): (descriptor, size) = file
        case .failure(let failure): return .failure(failure)
        }
        defer { close(descriptor) }
        if size > limit {
            var sink = makeSink(size)
            let end = switch self {
            case .gzip: Gzip.inflate(descriptor: descriptor, into: &sink)
            case .bzip2: Bzip2.decompress(descriptor: descriptor, into: &sink)
            case .xz: Xz.decompress(descriptor: descriptor, into: &sink)
            }
            return .success((sink, end, size))
        }
        let input: [UInt8]
        switch FileReading.read(path, limit: limit) {
        case .success(let bytes): input = bytes
        case .failure(let failure): return .failure(failure)
        }
        var sink = makeSink(input.count)
        let end = input.withUnsafeBufferPointer { decompress($0, into: &sink) }
        return .success((sink, end, input.count))
    }
}
