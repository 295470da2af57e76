import Foundation

/// Which file names outside a Maildir hold articles: one rule for the walk, the warm check and
/// the watcher, so the three never disagree about what the archive is.
///
/// `.txt` (articles, blog dumps, Usenet posts saved by hand), `.mbox` (mailing-list archives),
/// `.eml` (one mail saved from a mail client), `.sgm`/`.sgml` (wire archives such as
/// Reuters-21578's `reut2-000.sgm`) and a name of digits only: a Usenet spool keeps
/// `comp/lang/swift/42` (INN's tradspool, leafnode, slrnpull), an MH folder keeps
/// `inbox/17` and the Enron corpus `inbox/17.`. Any of these compressed with gzip, bzip2 or xz
/// (`2003-June.txt.gz`, `list.mbox.gz`, `list.mbox.xz`) is read inflated. A file with no extension at all is read when its first bytes say what it is: a
/// `<DOC>` record (TREC, TIPSTER and Gigaword wire archives ship as `ap880212`, `WSJ870324`,
/// `nyt_eng_199407`) or an mbox envelope (mutt's `~/Mail/lists/swift-dev`, Thunderbird's
/// `Local Folders/Inbox`, `~/mbox`) — asked by `isUnnamedCandidate` from the name, then
/// `opensAsArchive` from the first bytes. Anything else (images, PDFs, `.overview` files, notes)
/// is not read.
public enum ArticleFileName {
    /// What is read, for messages shown when nothing was found.
    public static let kinds = ".txt, .mbox, .eml and .sgm files (also compressed, zipped or in tar archives), numbered files (news spools, MH), mailboxes and TREC wire files with no extension, and Maildir folders"

    /// A name with no extension (no `.`), not hidden and not a number: it is an article file
    /// when its content opens with `<DOC` or an mbox envelope (`opensAsArchive`).
    static func isUnnamedCandidate<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool {
        if Compression.hasSuffix(name) { return isUnnamedCandidate(Compression.stripped(name)) }  // `nyt_eng_199407.gz`
        guard let first = name.first, first != UInt8(ascii: "."), !name.contains(UInt8(ascii: ".")) else { return false }
        return !isNumber(name)
    }

    /// Whether the file's first bytes, after blank space (and a UTF-8 BOM), are `<DOC>` or
    /// `<DOC ` in any case (an SGML wire archive) or a `From ADDRESS DATE` envelope line (a
    /// mailbox). Never blocks (a FIFO reads as empty).
    static func opensAsArchive(directory: Int32 = AT_FDCWD, path: UnsafePointer<CChar>) -> Bool {
        let descriptor = openat(directory, path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        // Inflated only when so named, as the loader reads it (`FileReading.readArticleFile`);
        // a compressed file's first bytes (64 KiB of gzip, a bzip2 block) inflate to far more
        // than the 512 bytes looked at.
        let compression = Compression(name: UnsafeBufferPointer(start: UnsafeRawPointer(path).assumingMemoryBound(to: UInt8.self), count: strlen(path)))
        var buffer = [UInt8](repeating: 0, count: compression?.headInput ?? 512)
        var count = 0
        while count < buffer.count {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got > 0 { count += got } else if got < 0 && errno == EINTR { continue } else { break }
        }
        guard count > 0 else { return false }
        let head = buffer.withUnsafeBufferPointer { bytes -> [UInt8] in
            let read = UnsafeBufferPointer(rebasing: bytes[0..<count])
            return compression.map { $0.head(read, count: 512) } ?? Array(read.prefix(512))
        }
        return startsWithDocTag(head[...]) || startsWithEnvelope(head[...])
    }

    /// An mbox's first line (lines of blanks before it skipped, as the mbox reader does).
    static func startsWithEnvelope(_ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        while let end = rest.firstIndex(of: 0x0A) {
            var line = rest[..<end]
            if line.last == 0x0D { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                rest = rest[(end + 1)...]
                continue
            }
            return MboxFormat.isEnvelope(line)
        }
        return false
    }

    static func opensAsArchive(path: String) -> Bool {
        path.withCString { opensAsArchive(path: $0) }
    }

    /// `<DOC>` or `<DOC ` after blank space and a BOM, any case.
    static func startsWithDocTag(_ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        rest = rest.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let tag = Array("<doc".utf8)
        guard rest.count > tag.count else { return false }
        for (offset, byte) in rest.prefix(tag.count).enumerated() where byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0) != tag[offset] {
            return false
        }
        // As `WireSGMLFormat` claims a file: `<DOC>` or `<DOC ` (Gigaword's `<DOC id=…>`).
        let next = rest[rest.startIndex + tag.count]
        return next == UInt8(ascii: ">") || next == 0x20
    }

    /// Whether a file called `name` (its last path component, not hidden) is read as articles.
    static func isArticle<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool {
        hasArticleExtension(name) || isNumber(name) || isNotebook(name) || Zip.hasSuffix(name) || Tar.hasSuffix(name)
    }

    /// A LISTSERV notebook's name: `SWIFT-L.LOG9901` (monthly), `swift-l.log9901a` (weekly),
    /// any case, gzipped too.
    static func isNotebook<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool {
        if Compression.hasSuffix(name) { return isNotebook(Compression.stripped(name)) }
        var bytes = name.suffix(10).map(TextBuffer.lowerASCII)
        if let last = bytes.last, last >= UInt8(ascii: "a"), last <= UInt8(ascii: "e") { bytes.removeLast() }  // weekly: a–e
        guard bytes.count >= 8, name.count > 8 else { return false }
        let tail = bytes.suffix(8)
        return tail.prefix(4).elementsEqual(".log".utf8) && tail.suffix(4).allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Whether `name` ends in an article file's extension: a directory so named is warned about
    /// (someone meant a file), while a numbered directory is just a year or a month.
    static func hasArticleExtension<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool {
        hasPlainArticleExtension(name) || (Compression.hasSuffix(name) && hasPlainArticleExtension(Compression.stripped(name)))
    }

    /// `.txt`, `.mbox`, `.eml`, `.sgm`, `.sgml` (before any `.gz`).
    private static func hasPlainArticleExtension<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool {
        hasSuffix(name, ".txt") || hasSuffix(name, ".mbox") || hasSuffix(name, ".eml") || hasSuffix(name, ".sgm") || hasSuffix(name, ".sgml")
    }

    /// All ASCII digits, at most 12 of them (article numbers; a 13-digit name is more likely a
    /// timestamp), and perhaps one dot after them: the Enron corpus names its messages
    /// `maildir/allen-p/inbox/1.`, `2.`, … .
    private static func isNumber<Name: Collection<UInt8>>(_ name: Name) -> Bool {
        var count = 0
        var dotted = false
        for byte in name {
            guard !dotted else { return false }  // something after the dot
            if byte == UInt8(ascii: "."), count > 0 { dotted = true; continue }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            count += 1
        }
        return count > 0 && count <= 12
    }

    /// Ends in `suffix` with something before it (`.txt` alone is a hidden name, not an article).
    static func hasSuffix<Name: BidirectionalCollection<UInt8>>(_ name: Name, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        var index = name.endIndex
        for offset in stride(from: count - 1, through: 0, by: -1) {
            guard index != name.startIndex else { return false }
            name.formIndex(before: &index)
            guard name[index] == suffix.utf8Start[offset] else { return false }
        }
        return index != name.startIndex
    }
}
