import CZlib
import Foundation

/// Zip archives too large to read whole (the Internet Archive's Usenet collections run to
/// gigabytes: `alt.folklore.computers.mbox.zip`), or holding more text than the file limit:
/// read entry by entry from the disk. An entry within the limit is read and parsed as in a
/// small zip, entries on every core; a mailbox entry over it is inflated a piece at a time and
/// cut into parts (`MailboxParts`). Only the directory and the entries being parsed are held.
/// The bomb rule is the small zip's: all the text at most `Gzip.ratioLimit` times the file.
enum LargeZip {
    /// Compressed data is read this much at a time.
    static let readSize = 4 << 20

    static func parse(_ path: String, limit: Int = FileReading.sizeLimit, partSize: Int = LargeMailbox.partSize,
                      progress: PartParsing.Progress? = nil) -> Result<(parsed: ParsedFile, diskBytes: Int), FileReading.ReadFailure> {
        let descriptor: Int32, size: Int
        switch FileReading.openRegular(path) {
        case .success(let file): (descriptor, size) = file
        case .failure(let failure): return .failure(failure)
        }
        defer { close(descriptor) }
        let file = ZipFile(descriptor: descriptor, size: size)

        // The directory: the end record in the file's last bytes, then the directory before it.
        let tailStart = max(0, size - 22 - 0xFFFF)
        let tail = file.read(at: tailStart, count: size - tailStart)
        var record: Zip.EndRecord
        switch tail.withUnsafeBufferPointer({ Zip.endRecord($0, base: tailStart) }) {
        case .success(let found): record = found
        case .failure(let failure): return .failure(failure)
        }
        if let at = record.zip64At {
            switch file.read(at: at, count: 56).withUnsafeBufferPointer({ record.readingZip64($0) }) {
            case .success(let found): record = found
            case .failure(let failure): return .failure(failure)
            }
        }
        let directoryEnd = record.directoryEnd
        guard record.offset + record.size <= directoryEnd, directoryEnd - record.offset <= limit else {
            return .failure(FileReading.ReadFailure("zip directory out of place (a cut-short download?); skipped"))
        }
        let entries: [Zip.Entry]
        switch file.read(at: record.offset, count: directoryEnd - record.offset).withUnsafeBufferPointer({ Zip.entries($0, count: record.count) }) {
        case .success(let found): entries = found
        case .failure(let failure): return .failure(failure)
        }

        let parsing = PartParsing(path: path, progress: progress)
        let batches = MemberBatches(path: path, parsing: parsing, partSize: partSize)
        let note = batches.note
        let cap = max(Gzip.minimumCap, size.multipliedReportingOverflow(by: Gzip.ratioLimit).partialValue)
        var total = 0
        for entry in entries where ArchiveMember.isArticleEntry(entry.name) || ArchiveMember.isUnnamedEntry(entry.name) {
            let named = ArchiveMember.isArticleEntry(entry.name)
            if entry.flags & 1 != 0 {
                if named { note("\(entry.name): encrypted; skipped") }
                continue
            }
            guard entry.size <= cap - total else {
                note("\(entry.name): inflates to over \(Gzip.ratioLimit) times the archive's size; it and the entries after it skipped")
                break
            }
            guard let start = file.read(at: entry.localHeader, count: 30).withUnsafeBufferPointer({ Zip.dataStart($0, at: entry.localHeader) }) else {
                if named { note("\(entry.name): damaged zip entry; skipped") }
                continue
            }
            guard start <= size, entry.compressedSize <= size - start else {
                if named { note("\(entry.name): zip entry cut short; skipped") }
                continue
            }
            // A mailbox larger than a part is cut into parts as it inflates (any size); a
            // compressed one (`list.mbox.gz` inside the zip) is not, it is inflated whole.
            let compressed = Compression.hasSuffix(entry.name.utf8)
            if entry.size > partSize, !compressed, MboxFormat.hasMboxSuffix(entry.name)
                || ArticleFileName.startsWithEnvelope(file.inflatedHead(start: start, entry)[...]) {
                batches.flush()
                var parts = MailboxParts(path: path, limit: limit, partSize: partSize, cap: cap - total, progress: progress)
                let damage = file.inflate(start: start, entry, into: &parts)
                total += parts.total
                let parsed = parts.finish()
                // As in a small zip: articles keep their lines within the entry, warnings name it.
                var result = ParsedFile(articles: parsed.articles)
                if let damage { result.warnings.append(LoadWarning(path: path, line: 0, reason: "\(entry.name): \(damage)")) }
                result.warnings += ParsedFile.memberWarnings(parsed.warnings, member: entry.name, path: path)
                parsing.add(result)
                continue
            }
            guard entry.size <= limit, entry.compressedSize <= limit else {
                if named { note("\(entry.name): inflates to more than \(limit >> 20) MiB; skipped") }
                continue
            }
            let input = file.read(at: start, count: entry.compressedSize)
            switch input.withUnsafeBufferPointer({ Zip.decode($0, entry) }) {
            case .success(let text):
                if !named && !ArchiveMember.opensAsArchive(text) { continue }
                total += text.count
                batches.add(ArchiveMember(name: entry.name, text: text, note: nil))
            case .failure(let failure):
                if named { note("\(entry.name): \(failure.reason)") }
            }
        }
        batches.flush()
        return .success((parsing.finish(), size))
    }
}

/// A zip file read at offsets.
private struct ZipFile {
    let descriptor: Int32
    let size: Int

    /// Up to `count` bytes at `offset` (fewer at the end, or where reading fails).
    func read(at offset: Int, count: Int) -> [UInt8] {
        let count = max(0, min(count, size - offset))
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            while initialized < count {
                let got = pread(descriptor, buffer.baseAddress! + initialized, count - initialized, off_t(offset + initialized))
                if got > 0 { initialized += got } else if got < 0 && errno == EINTR { continue } else { break }
            }
        }
    }

    /// The first few KB of an entry's text.
    func inflatedHead(start: Int, _ entry: Zip.Entry) -> [UInt8] {
        var head = HeadSink(count: 4096)
        _ = inflate(start: start, entry, into: &head, checked: false)
        return head.bytes
    }

    /// Inflates (or copies, if stored) an entry's data into `sink` a piece at a time, reading
    /// `LargeZip.readSize` bytes at a time. The damage, if any: the text before it was handed over.
    func inflate<Sink: DecompressionSink>(start: Int, _ entry: Zip.Entry, into sink: inout Sink, checked: Bool = true) -> String? {
        var crc: uLong = 0
        var produced = 0
        var offset = start
        let end = start + entry.compressedSize
        func hand(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
            if checked { crc = crc32(crc, piece.baseAddress, uInt(piece.count)) }
            produced += piece.count
            return sink.append(piece)
        }
        func finalCheck() -> String? {
            guard checked else { return nil }
            if produced != entry.size || UInt32(crc) != entry.crc { return "damaged (its checksum does not match); its messages were kept" }
            return nil
        }
        switch entry.method {
        case 0:
            while offset < end {
                let piece = read(at: offset, count: min(LargeZip.readSize, end - offset))
                guard !piece.isEmpty else { return "zip entry cut short; kept the \(produced) bytes before it" }
                offset += piece.count
                guard piece.withUnsafeBufferPointer(hand) else { return stopped(produced) }
            }
            return finalCheck()
        case 8:
            guard let stream = Gzip.startInflate(windowBits: -15) else { return "cannot inflate; skipped" }
            defer { Gzip.endInflate(stream) }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let sinkStopped: Int32 = 1000  // not a zlib status
            while offset < end {
                var input = read(at: offset, count: min(LargeZip.readSize, end - offset))
                guard !input.isEmpty else { return "zip entry cut short; kept the \(produced) bytes before it" }
                offset += input.count
                let status: Int32 = input.withUnsafeMutableBufferPointer { input in
                    stream.pointee.next_in = input.baseAddress
                    stream.pointee.avail_in = uInt(input.count)
                    while true {
                        let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                            stream.pointee.next_out = out.baseAddress
                            stream.pointee.avail_out = uInt(out.count)
                            return CZlib.inflate(stream, Z_NO_FLUSH)
                        }
                        let made = chunk.count - Int(stream.pointee.avail_out)
                        guard chunk.withUnsafeBufferPointer({ hand(UnsafeBufferPointer(rebasing: $0[0..<made])) }) else { return sinkStopped }
                        if status == Z_STREAM_END { return Z_STREAM_END }
                        if status == Z_BUF_ERROR || (status == Z_OK && stream.pointee.avail_in == 0 && made < chunk.count) { return Z_OK }
                        if status != Z_OK { return status }
                    }
                }
                if status == sinkStopped { return stopped(produced) }
                if status == Z_STREAM_END { return finalCheck() }
                if status != Z_OK { return "corrupt compressed data; kept the \(produced) bytes before it" }
            }
            return checked ? "zip entry cut short; kept the \(produced) bytes before it" : nil
        default:
            return "compression method \(entry.method) not read (only stored and deflated); skipped"
        }
    }

    private func stopped(_ produced: Int) -> String {
        "inflates to over \(Gzip.ratioLimit) times the archive's size; kept the \(produced) bytes before that"
    }
}
