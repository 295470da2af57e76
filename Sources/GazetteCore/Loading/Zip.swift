import CZlib

/// Zip archives of article files, as the Internet Archive keeps Usenet (`comp.lang.c.mbox.zip`)
/// and people download list archives: every entry named like an article file is read, inflated
/// in memory with zlib (stored and deflated entries, Zip64 included; no encryption).
enum Zip {
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localHeader: Int
    }

    /// Whether a file name ends in `.zip` (any case) with something before it.
    static func hasSuffix<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool {
        guard name.count > 4 else { return false }
        return name.suffix(4).map(TextBuffer.lowerASCII).elementsEqual(".zip".utf8)
    }

    /// The article files inside `bytes`, each inflated; `limit` bounds the total (and, with
    /// `Gzip.ratioLimit`, bombs). A damaged entry is a note; a damaged directory a failure.
    static func members(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Result<[ArchiveMember], FileReading.ReadFailure> {
        let entries: [Entry]
        switch directory(bytes) {
        case .success(let found): entries = found
        case .failure(let failure): return .failure(failure)
        }
        let cap = min(limit, max(Gzip.minimumCap, bytes.count.multipliedReportingOverflow(by: Gzip.ratioLimit).partialValue))
        var total = 0
        var members: [ArchiveMember] = []
        for entry in entries where ArchiveMember.isArticleEntry(entry.name) || ArchiveMember.isUnnamedEntry(entry.name) {
            let named = ArchiveMember.isArticleEntry(entry.name)
            if entry.flags & 1 != 0 {
                if named { members.append(ArchiveMember(name: entry.name, text: [], note: "\(entry.name): encrypted; skipped")) }
                continue
            }
            guard entry.size <= cap - total else {
                // Past the limit (not the ratio): the loader reads the archive entry by entry (`LargeZip`).
                return .failure(cap < limit ? FileReading.ReadFailure("inflates to over \(Gzip.ratioLimit) times its size; skipped")
                                            : FileReading.ReadFailure("inflates to more than \(limit >> 20) MiB; skipped", tooLarge: true))
            }
            switch data(bytes, entry) {
            case .success(let text):
                // An entry with no extension is read when it opens as a mailbox or a wire file,
                // as on disk (a zipped `Mail/` folder, a zipped TREC disk).
                if !named && !ArchiveMember.opensAsArchive(text) { continue }
                total += text.count
                members.append(ArchiveMember(name: entry.name, text: text, note: nil))
            case .failure(let failure):
                if named { members.append(ArchiveMember(name: entry.name, text: [], note: "\(entry.name): \(failure.reason)")) }
            }
        }
        return .success(members)
    }

    /// The central directory, found from the end-of-central-directory record.
    static func directory(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<[Entry], FileReading.ReadFailure> {
        var record: EndRecord
        switch endRecord(bytes) {
        case .success(let found): record = found
        case .failure(let failure): return .failure(failure)
        }
        if let at = record.zip64At {
            switch record.readingZip64(UnsafeBufferPointer(rebasing: bytes[min(at, bytes.count)...])) {
            case .success(let found): record = found
            case .failure(let failure): return .failure(failure)
            }
        }
        guard record.offset + record.size <= record.directoryEnd else { return .failure(FileReading.ReadFailure("zip directory out of place (a cut-short download?); skipped")) }
        return entries(UnsafeBufferPointer(rebasing: bytes[record.offset..<record.directoryEnd]), count: record.count)
    }

    /// Where the central directory is, from the end-of-central-directory record.
    struct EndRecord {
        /// The record's own offset in the bytes searched.
        var end: Int
        var count: Int
        /// The directory's size and offset in the file.
        var size: Int
        var offset: Int
        /// A Zip64 archive's (more than 65,535 entries, or past 4 GiB, or written with `zip -fz`):
        /// the offset in the file of its Zip64 end record, which holds the true count, size and
        /// offset (the classic record then says 0xFFFF or 0xFFFFFFFF).
        var zip64At: Int? = nil
        /// Where the directory ends in the file: the Zip64 end record follows it when there is one.
        var directoryEnd: Int

        /// The record completed from the Zip64 end record at the start of `bytes` (56 bytes).
        func readingZip64(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<EndRecord, FileReading.ReadFailure> {
            guard bytes.count >= 56, u32(bytes, 0) == 0x0606_4B50,
                  let count = Zip.offset(u64(bytes, 32)), let size = Zip.offset(u64(bytes, 40)), let offset = Zip.offset(u64(bytes, 48)),
                  let at = zip64At else {
                return .failure(FileReading.ReadFailure("damaged zip directory (its Zip64 end record); skipped"))
            }
            var record = self
            record.count = count
            record.size = size
            record.offset = offset
            record.directoryEnd = at
            return .success(record)
        }
    }

    /// A 64-bit size or offset as an `Int`, or nil past 2^56 (no file is that large: a damaged
    /// or hostile field, which must not overflow the arithmetic done with it).
    static func offset(_ value: UInt64) -> Int? { value < 1 << 56 ? Int(value) : nil }

    /// The end record within `bytes` (the file's end: its last 22 bytes, or earlier by a comment
    /// of up to 65,535 bytes), which start at offset `base` in the file.
    static func endRecord(_ bytes: UnsafeBufferPointer<UInt8>, base: Int = 0) -> Result<EndRecord, FileReading.ReadFailure> {
        func fail(_ reason: String) -> Result<EndRecord, FileReading.ReadFailure> { .failure(FileReading.ReadFailure(reason + "; skipped")) }
        guard bytes.count >= 22 else { return fail("not a zip archive (named .zip)") }
        var end = -1
        var at = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while at >= lowest {
            if u32(bytes, at) == 0x0605_4B50 { end = at; break }
            at -= 1
        }
        guard end >= 0 else { return fail("not a zip archive (named .zip)") }
        let count = Int(u16(bytes, end + 10))
        let size = Int(u32(bytes, end + 12)), offset = Int(u32(bytes, end + 16))
        var record = EndRecord(end: end, count: count, size: size, offset: offset, directoryEnd: base + end)
        // The Zip64 end record's locator, when there is one, sits just before the classic record.
        if end >= 20, u32(bytes, end - 20) == 0x0706_4B50 {
            guard let at = Self.offset(u64(bytes, end - 12)) else { return fail("damaged zip directory (its Zip64 locator)") }
            record.zip64At = at
        }
        return .success(record)
    }

    /// The `count` entries of a central directory: `bytes` from its start to the end record.
    static func entries(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> Result<[Entry], FileReading.ReadFailure> {
        func fail(_ reason: String) -> Result<[Entry], FileReading.ReadFailure> { .failure(FileReading.ReadFailure(reason + "; skipped")) }
        let end = bytes.count
        var entries: [Entry] = []
        var cursor = 0
        for _ in 0..<count {
            guard cursor + 46 <= end, u32(bytes, cursor) == 0x0201_4B50 else { return fail("damaged zip directory") }
            let nameLength = Int(u16(bytes, cursor + 28)), extraLength = Int(u16(bytes, cursor + 30))
            let commentLength = Int(u16(bytes, cursor + 32))
            guard cursor + 46 + nameLength <= end else { return fail("damaged zip directory") }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(cursor + 46)..<(cursor + 46 + nameLength)]), as: UTF8.self)
            var entry = Entry(name: name, method: u16(bytes, cursor + 10), flags: u16(bytes, cursor + 8), crc: u32(bytes, cursor + 16),
                              compressedSize: Int(u32(bytes, cursor + 20)), size: Int(u32(bytes, cursor + 24)),
                              localHeader: Int(u32(bytes, cursor + 42)))
            let extraStart = cursor + 46 + nameLength
            let extra = UnsafeBufferPointer(rebasing: bytes[extraStart..<min(end, extraStart + extraLength)])
            guard readZip64Fields(extra, into: &entry) else { return fail("damaged zip directory (an entry's Zip64 sizes)") }
            entries.append(entry)
            cursor += 46 + nameLength + extraLength + commentLength
        }
        return .success(entries)
    }

    /// Replaces an entry's sizes and offset that say 0xFFFFFFFF with the 64-bit values of its
    /// Zip64 extra field (id 1), which holds only those, in this order: size, compressed size,
    /// local header offset. False when the field is too short or a value is out of range; an
    /// entry with no such field keeps its 32-bit values.
    static func readZip64Fields(_ extra: UnsafeBufferPointer<UInt8>, into entry: inout Entry) -> Bool {
        let full = 0xFFFF_FFFF
        guard entry.size == full || entry.compressedSize == full || entry.localHeader == full else { return true }
        var at = 0
        while at + 4 <= extra.count {
            let id = u16(extra, at), length = Int(u16(extra, at + 2))
            let fieldEnd = min(extra.count, at + 4 + length)
            if id == 1 {
                var cursor = at + 4
                func next() -> Int? {
                    guard cursor + 8 <= fieldEnd else { return nil }
                    defer { cursor += 8 }
                    return offset(u64(extra, cursor))
                }
                if entry.size == full { guard let value = next() else { return false }; entry.size = value }
                if entry.compressedSize == full { guard let value = next() else { return false }; entry.compressedSize = value }
                if entry.localHeader == full { guard let value = next() else { return false }; entry.localHeader = value }
                return true
            }
            at += 4 + length
        }
        return true
    }

    /// One entry's bytes: stored, or deflated (raw deflate), checked against its CRC-32.
    static func data(_ bytes: UnsafeBufferPointer<UInt8>, _ entry: Entry) -> Result<[UInt8], FileReading.ReadFailure> {
        func fail(_ reason: String) -> Result<[UInt8], FileReading.ReadFailure> { .failure(FileReading.ReadFailure(reason + "; skipped")) }
        let local = entry.localHeader
        guard local + 30 <= bytes.count, let start = dataStart(UnsafeBufferPointer(rebasing: bytes[local..<(local + 30)]), at: local) else {
            return fail("damaged zip entry")
        }
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else { return fail("zip entry cut short") }
        return decode(UnsafeBufferPointer(rebasing: bytes[start..<(start + entry.compressedSize)]), entry)
    }

    /// Where an entry's data starts, from its local header (30 bytes) at offset `local`.
    static func dataStart(_ header: UnsafeBufferPointer<UInt8>, at local: Int) -> Int? {
        guard header.count >= 30, u32(header, 0) == 0x0403_4B50 else { return nil }
        return local + 30 + Int(u16(header, 26)) + Int(u16(header, 28))
    }

    /// An entry's text from its stored or deflated data, checked against its CRC-32.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, _ entry: Entry) -> Result<[UInt8], FileReading.ReadFailure> {
        func fail(_ reason: String) -> Result<[UInt8], FileReading.ReadFailure> { .failure(FileReading.ReadFailure(reason + "; skipped")) }
        var output: [UInt8]
        switch entry.method {
        case 0:
            output = Array(input)
        case 8:
            guard let inflated = rawInflate(input, size: entry.size) else { return fail("corrupt compressed data") }
            output = inflated
        default:
            return fail("compression method \(entry.method) not read (only stored and deflated)")
        }
        let check = output.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        guard check == entry.crc else { return fail("damaged (its checksum does not match)") }
        return .success(output)
    }

    /// Exactly `size` bytes inflated from raw deflate data, or nil.
    private static func rawInflate(_ input: UnsafeBufferPointer<UInt8>, size: Int) -> [UInt8]? {
        guard size > 0 else { return [] }
        guard let base = input.baseAddress else { return nil }
        guard let stream = Gzip.startInflate(windowBits: -15) else { return nil }
        defer { Gzip.endInflate(stream) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base)
        stream.pointee.avail_in = UInt32(input.count)
        var ok = false
        let output = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            stream.pointee.next_out = buffer.baseAddress
            stream.pointee.avail_out = UInt32(size)
            let status = CZlib.inflate(stream, Z_FINISH)
            initialized = size - Int(stream.pointee.avail_out)
            ok = status == Z_STREAM_END && initialized == size
        }
        return ok ? output : nil
    }

    static func u16(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    static func u32(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    static func u64(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt64 {
        UInt64(u32(bytes, at)) | UInt64(u32(bytes, at + 4)) << 32
    }
}
