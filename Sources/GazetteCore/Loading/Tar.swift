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
        final class Collected { var members: [ArchiveMember] = [] }
        let collected = Collected()
        var stream = TarStream(memberLimit: .max) { collected.members.append($0) }
        // In pieces, so the stream's own buffer stays small instead of a second copy of the archive.
        var at = 0
        while at < bytes.count, stream.append(UnsafeBufferPointer(rebasing: bytes[at..<min(bytes.count, at + (1 << 20))])) {
            at += 1 << 20
        }
        if let failure = stream.finish() { return .failure(failure) }
        return .success(collected.members)
    }

    /// The entry's name: ustar's prefix and name, else the name field.
    static func headerName(_ header: UnsafeBufferPointer<UInt8>) -> String {
        let name = string(UnsafeBufferPointer(rebasing: header[0..<100]))
        // POSIX ustar (`ustar\0`) splits long names into a prefix; GNU's `ustar  ` uses that space otherwise.
        let isUstar = header[257..<263].elementsEqual([0x75, 0x73, 0x74, 0x61, 0x72, 0x00])
        guard isUstar else { return name }
        let prefix = string(UnsafeBufferPointer(rebasing: header[345..<500]))
        return prefix.isEmpty ? name : prefix + "/" + name
    }

    /// Bytes up to the first NUL, as UTF-8 (invalid bytes replaced).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
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
    static func pax(_ data: UnsafeBufferPointer<UInt8>) -> [String: String] {
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

/// A tar archive read as it is handed over, a piece at a time (a `.tar.gz` as it inflates, a
/// `.tar` read from the disk in pieces): each article file is handed to `deliver` as soon as its
/// bytes are in, so the archive is never held whole. `Tar.members` is this over one buffer.
struct TarStream: DecompressionSink {
    /// An article file larger than this is skipped with a note (the file limit), unless it is a
    /// mailbox and there is a `mailbox` handler.
    let memberLimit: Int
    private let deliver: (ArchiveMember) -> Void
    /// Takes a mailbox member over `memberLimit` as it streams by (a Takeout `.tgz`'s multi-GB
    /// `All mail Including Spam and Trash.mbox`): `.begin`, its text in pieces, `.end`.
    private let mailbox: ((MailboxMemberEvent) -> Void)?
    private var pending: [UInt8] = []
    /// Bytes of `pending` already used.
    private var used = 0
    /// Archive offset of the next byte to use, and of the current entry's header.
    private var at = 0
    private var headerAt = 0
    /// A valid header was read: damage from here on is a damaged tar, not something else.
    private var sawHeader = false
    private var files = 0
    /// Set by a GNU `L` entry or a pax `x` header, for the one entry that follows.
    private var longName: String?
    private var paxSize: Int?
    private var state = State.header
    private var failure: FileReading.ReadFailure?

    /// `sniff`: a file with no extension over the limit, whose first bytes tell whether it is a
    /// mailbox (mutt's `Mail/lists/swift-dev`, Thunderbird's `Inbox`, tarred).
    private enum Kind { case article(String, named: Bool), mailbox, sniff(String), longName, pax, skipped, regularSkipped }
    /// How much of a file with no extension is looked at to tell a mailbox.
    private static let sniffSize = 4096
    private enum State {
        case header
        /// An entry's data: `remaining` bytes, collected into `text` unless skipped, then `padding`.
        case data(Kind, remaining: Int, padding: Int)
        case padding(Int)
        case done
    }
    private var text: [UInt8] = []

    init(memberLimit: Int, mailbox: ((MailboxMemberEvent) -> Void)? = nil, deliver: @escaping (ArchiveMember) -> Void) {
        self.memberLimit = memberLimit
        self.mailbox = mailbox
        self.deliver = deliver
    }

    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        if case .done = state { return false }
        if used == pending.count {
            pending.removeAll(keepingCapacity: true)
            used = 0
        } else if used >= 1 << 20 {
            pending.removeSubrange(..<used)
            used = 0
        }
        pending.append(contentsOf: chunk)
        advance()
        if case .done = state { return false }
        return true
    }

    /// Ends the archive: damage if it stopped inside an entry; a failure if it was not a tar.
    mutating func finish() -> FileReading.ReadFailure? {
        // A mailbox cut short keeps the messages before the cut (and counts among the files kept).
        if case .data(.mailbox, _, _) = state {
            mailbox?(.end)
            files += 1
        }
        switch state {
        case .header where pending.count - used > 0, .data:
            damaged("tar archive cut short")
        default:
            break
        }
        state = .done
        return failure
    }

    private mutating func damaged(_ reason: String) {
        state = .done
        guard sawHeader else {
            failure = FileReading.ReadFailure("not a tar archive; skipped")
            return
        }
        deliver(ArchiveMember(name: "", text: [], note: "\(reason) at byte \(headerAt); kept the \(files) file\(files == 1 ? "" : "s") before it"))
    }

    private mutating func advance() {
        while true {
            let available = pending.count - used
            switch state {
            case .done:
                return
            case .header:
                headerAt = at
                guard available >= 512 else { return }
                let step = pending.withUnsafeBufferPointer { readHeader(UnsafeBufferPointer(rebasing: $0[used..<(used + 512)])) }
                guard let step else { return }  // done, or damaged
                used += 512
                at += 512
                state = step
            case .data(.sniff(let name), let remaining, let padding):
                let take = min(available, remaining, Self.sniffSize - text.count)
                text.append(contentsOf: pending[used..<(used + take)])
                used += take
                at += take
                guard text.count == Self.sniffSize || take == remaining else {
                    state = .data(.sniff(name), remaining: remaining - take, padding: padding)
                    return
                }
                let head = text
                text = []
                if ArticleFileName.startsWithEnvelope(head[...]) {
                    mailbox?(.begin(name))
                    head.withUnsafeBufferPointer { mailbox?(.text($0)) }
                    state = .data(.mailbox, remaining: remaining - take, padding: padding)
                } else {
                    state = .data(.regularSkipped, remaining: remaining - take, padding: padding)
                }
            case .data(let kind, let remaining, let padding):
                let take = min(available, remaining)
                switch kind {
                case .skipped, .regularSkipped: break
                case .mailbox:
                    let start = used
                    pending.withUnsafeBufferPointer { mailbox?(.text(UnsafeBufferPointer(rebasing: $0[start..<(start + take)]))) }
                default: text.append(contentsOf: pending[used..<(used + take)])
                }
                used += take
                at += take
                guard take == remaining else {
                    state = .data(kind, remaining: remaining - take, padding: padding)
                    return
                }
                finishEntry(kind)
                state = .padding(padding)
            case .padding(let remaining):
                let take = min(available, remaining)
                used += take
                at += take
                guard take == remaining else {
                    state = .padding(remaining - take)
                    return
                }
                state = .header
            }
        }
    }

    /// The state after a header; nil when the archive ends here (or is damaged).
    private mutating func readHeader(_ header: UnsafeBufferPointer<UInt8>) -> State? {
        if header.allSatisfy({ $0 == 0 }) {  // the end (two zero blocks; one is enough)
            state = .done
            return nil
        }
        guard Tar.checksumMatches(header), var size = Tar.number(header[124..<136]) else {
            damaged("damaged tar header")
            return nil
        }
        sawHeader = true
        if let paxSize { size = paxSize }
        let padding = (size + 511) / 512 * 512 - size
        let type = header[156]
        text = []
        switch type {
        case UInt8(ascii: "L"):  // GNU: the next entry's long name
            return .data(size <= 1 << 20 ? .longName : .skipped, remaining: size, padding: padding)
        case UInt8(ascii: "x"):  // pax: the next entry's attributes
            return .data(size <= 1 << 20 ? .pax : .skipped, remaining: size, padding: padding)
        case UInt8(ascii: "g"), UInt8(ascii: "K"):  // pax globals, a GNU long link name
            return .data(.skipped, remaining: size, padding: padding)
        default:
            let name = longName ?? Tar.headerName(header)
            longName = nil
            paxSize = nil
            // Regular files only: a hard link is a file already read (a spool's crosspost),
            // and links, folders, devices and sparse files hold no article text of their own.
            guard type == UInt8(ascii: "0") || type == 0 || type == UInt8(ascii: "7") else {
                return .data(.skipped, remaining: size, padding: padding)
            }
            let named = ArchiveMember.isArticleEntry(name)
            guard named || ArchiveMember.isUnnamedEntry(name) else { return .data(.regularSkipped, remaining: size, padding: padding) }
            guard size <= memberLimit else {
                // An uncompressed mailbox is read in parts as it streams by; nothing else so large
                // is. One with no extension is told by its envelope, as on disk.
                if mailbox != nil, MboxFormat.hasMboxSuffix(name), !Compression.hasSuffix(name.utf8) {
                    mailbox?(.begin(name))
                    return .data(.mailbox, remaining: size, padding: padding)
                }
                if mailbox != nil, !named { return .data(.sniff(name), remaining: size, padding: padding) }
                if named { deliver(ArchiveMember(name: name, text: [], note: "\(name): larger than \(memberLimit >> 20) MiB; skipped")) }
                return .data(.regularSkipped, remaining: size, padding: padding)
            }
            text.reserveCapacity(size)
            return .data(.article(name, named: named), remaining: size, padding: padding)
        }
    }

    private mutating func finishEntry(_ kind: Kind) {
        switch kind {
        case .longName:
            longName = text.withUnsafeBufferPointer { Tar.string($0) }
        case .pax:
            let attributes = text.withUnsafeBufferPointer { Tar.pax($0) }
            if let path = attributes["path"] { longName = path }
            paxSize = attributes["size"].flatMap { Int($0) }
        case .skipped, .sniff:  // a sniffed file has become a mailbox or a skipped one before its end
            break
        case .regularSkipped:
            files += 1
        case .mailbox:
            files += 1
            mailbox?(.end)
        case .article(let name, let named):
            files += 1
            let entry = text
            text = []
            if !named && !ArchiveMember.opensAsArchive(entry) { return }
            deliver(ArchiveMember(name: name, text: entry, note: nil))
        }
    }
}

/// What `TarStream` tells its `mailbox` handler about a mailbox member too large to hold.
enum MailboxMemberEvent {
    /// A mailbox member starts: its name in the archive.
    case begin(String)
    /// The next piece of its text (valid during the call only).
    case text(UnsafeBufferPointer<UInt8>)
    /// It ended (or the archive was cut short inside it).
    case end
}
