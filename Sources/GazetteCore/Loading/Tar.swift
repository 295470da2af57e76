/// Tar archives of article files, as datasets and old spools are shipped: 20 Newsgroups
/// (`20news-bydate.tar.gz`, one numbered Usenet post per entry), Reuters-21578
/// (`reuters21578.tar.gz`, `.sgm` files), a news spool or Maildir someone tarred up. Read in
/// memory (a `.tar.gz`/`.tgz`, `.tar.bz2`/`.tbz2` or `.tar.xz`/`.txz` inflated first), every
/// entry named like an article file taken as `Zip` takes them; v7, ustar, GNU (long names) and
/// pax (`path`, `size`) headers.
enum Tar {
    /// A tar archive's name, compressed or not (any case), with something before it.
    static func hasSuffix<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool {
        endsWith(name, ".tar") || compression(name) != nil
    }

    /// How a tar archive so named is compressed: inflated before its entries are read.
    static func compression<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Compression? {
        if endsWith(name, ".tar.gz") || endsWith(name, ".tgz") { return .gzip }
        if endsWith(name, ".tar.bz2") || endsWith(name, ".tbz2") || endsWith(name, ".tbz") { return .bzip2 }
        if endsWith(name, ".tar.xz") || endsWith(name, ".txz") { return .xz }
        return nil
    }

    private static func endsWith<Name: BidirectionalCollection<UInt8>>(_ name: Name, _ suffix: String) -> Bool {
        let tail = Array(suffix.utf8)
        guard name.count > tail.count else { return false }
        return name.suffix(tail.count).map(TextBuffer.lowerASCII).elementsEqual(tail)
    }

    /// The article files inside `bytes`, in archive order. Damage after the first header keeps
    /// the entries before it, with a note; a first header that is not a tar header is a failure.
    static func members(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<[ArchiveMember], FileReading.ReadFailure> {
        var members: [ArchiveMember] = []
        var files = 0
        var at = 0
        // Set by a GNU `L` entry or a pax `x` header, for the one entry that follows.
        var longName: String?
        var paxSize: Int?
        func damaged(_ reason: String) -> Result<[ArchiveMember], FileReading.ReadFailure> {
            guard at > 0 else { return .failure(FileReading.ReadFailure("not a tar archive; skipped")) }
            members.append(ArchiveMember(name: "", text: [], note: "\(reason) at byte \(at); kept the \(files) file\(files == 1 ? "" : "s") before it"))
            return .success(members)
        }
        while at < bytes.count {
            guard bytes.count - at >= 512 else { return damaged("tar archive cut short") }
            let header = UnsafeBufferPointer(rebasing: bytes[at..<(at + 512)])
            if header.allSatisfy({ $0 == 0 }) { break }  // the end (two zero blocks; one is enough)
            guard checksumMatches(header), var size = number(header[124..<136]) else { return damaged("damaged tar header") }
            if let paxSize { size = paxSize }
            let start = at + 512
            guard size <= bytes.count - start else { return damaged("tar archive cut short") }
            let data = UnsafeBufferPointer(rebasing: bytes[start..<(start + size)])
            let type = header[156]
            switch type {
            case UInt8(ascii: "L"):  // GNU: the next entry's long name
                longName = string(data)
            case UInt8(ascii: "x"):  // pax: the next entry's attributes
                let attributes = pax(data)
                if let path = attributes["path"] { longName = path }
                paxSize = attributes["size"].flatMap { Int($0) }
            case UInt8(ascii: "g"), UInt8(ascii: "K"):  // pax globals, a GNU long link name
                break
            default:
                let name = longName ?? headerName(header)
                longName = nil
                paxSize = nil
                // Regular files only: a hard link is a file already read (a spool's crosspost),
                // and links, folders, devices and sparse files hold no article text of their own.
                guard type == UInt8(ascii: "0") || type == 0 || type == UInt8(ascii: "7") else { break }
                files += 1
                let named = ArchiveMember.isArticleEntry(name)
                guard named || ArchiveMember.isUnnamedEntry(name) else { break }
                let text = Array(data)
                if !named && !ArchiveMember.opensAsArchive(text) { break }
                members.append(ArchiveMember(name: name, text: text, note: nil))
            }
            at = start + (size + 511) / 512 * 512
        }
        return .success(members)
    }

    /// The entry's name: ustar's prefix and name, else the name field.
    private static func headerName(_ header: UnsafeBufferPointer<UInt8>) -> String {
        let name = string(UnsafeBufferPointer(rebasing: header[0..<100]))
        // POSIX ustar (`ustar\0`) splits long names into a prefix; GNU's `ustar  ` uses that space otherwise.
        let isUstar = header[257..<263].elementsEqual([0x75, 0x73, 0x74, 0x61, 0x72, 0x00])
        guard isUstar else { return name }
        let prefix = string(UnsafeBufferPointer(rebasing: header[345..<500]))
        return prefix.isEmpty ? name : prefix + "/" + name
    }

    /// Bytes up to the first NUL, as UTF-8 (invalid bytes replaced).
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
    }

    /// A numeric field: octal digits (spaces or NULs around them), or GNU's base-256 for large values.
    static func number(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard let first = field.first else { return nil }
        if first & 0x80 != 0 {
            var value = Int(first & 0x3F)
            for byte in field.dropFirst() {
                guard value < Int.max >> 9 else { return nil }
                value = value << 8 | Int(byte)
            }
            return first & 0x40 == 0 ? value : nil  // negative: not a size
        }
        var value = 0, digits = 0
        for byte in field {
            if byte == 0x20 || byte == 0 {
                if digits > 0 { break } else { continue }
            }
            guard byte >= 0x30, byte <= 0x37, value < Int.max >> 4 else { return nil }
            value = value << 3 | Int(byte - 0x30)
            digits += 1
        }
        return value
    }

    /// The header checksum: its bytes summed with the checksum field read as spaces (unsigned,
    /// or signed as some old tars wrote it).
    static func checksumMatches(_ header: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let stored = number(header[148..<156]) else { return false }
        var unsigned = 0, signed = 0
        for (offset, byte) in header.enumerated() {
            let value = (148..<156).contains(offset) ? 0x20 : byte
            unsigned += Int(value)
            signed += Int(Int8(bitPattern: value))
        }
        return stored == unsigned || stored == signed
    }

    /// A pax extended header's records, `LENGTH KEY=VALUE\n` each.
    private static func pax(_ data: UnsafeBufferPointer<UInt8>) -> [String: String] {
        var attributes: [String: String] = [:]
        var at = 0
        while at < data.count {
            guard let space = data[at...].firstIndex(of: 0x20),
                  let length = Int(String(decoding: UnsafeBufferPointer(rebasing: data[at..<space]), as: UTF8.self)),
                  length > space - at + 1, at + length <= data.count else { break }
            let record = UnsafeBufferPointer(rebasing: data[(space + 1)..<(at + length - 1)])  // without the newline
            if let equals = record.firstIndex(of: UInt8(ascii: "=")) {
                let key = String(decoding: UnsafeBufferPointer(rebasing: record[..<equals]), as: UTF8.self)
                attributes[key] = String(decoding: UnsafeBufferPointer(rebasing: record[(equals + 1)...]), as: UTF8.self)
            }
            at += length
        }
        return attributes
    }
}
