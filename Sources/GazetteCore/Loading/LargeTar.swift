import Foundation

/// Tar archives too large to read whole, or whose text is over the file limit once inflated (a
/// tarred news spool, a corpus shipped as one `.tar.gz`): read as they inflate, or from the disk
/// a piece at a time (`TarStream`), their article files parsed in batches on every core.
/// A member over the limit is skipped with a note; the bomb rule is every compressed file's.
enum LargeTar {
    static func parse(_ path: String, limit: Int = FileReading.sizeLimit, partSize: Int = LargeMailbox.partSize,
                      progress: PartParsing.Progress? = nil) -> Result<(parsed: ParsedFile, diskBytes: Int), FileReading.ReadFailure> {
        let parsing = PartParsing(path: path, progress: progress)
        let batches = MemberBatches(path: path, parsing: parsing, partSize: partSize)
        let mailbox = MailboxMember(path: path, limit: limit, partSize: partSize, batches: batches, progress: progress)
        var stream = TarStream(memberLimit: limit, mailbox: mailbox.take) { batches.add($0) }
        let diskBytes: Int
        var note: String?
        if let compression = Tar.compression(path.utf8) {
            let read = compression.decompressFile(path, limit: limit) { [stream] size in CappedSink(base: stream, cap: Gzip.cap(forInput: size)) }
            let capped: CappedSink<TarStream>, end: DecompressionEnd
            switch read {
            case .success(let result): (capped, end, diskBytes) = result
            case .failure(let failure): return .failure(failure)
            }
            if let failure = end.failure { return .failure(failure) }
            stream = capped.base
            if capped.overCap {
                note = "inflates to over \(Gzip.ratioLimit) times its size; kept the \(capped.total) bytes before that"
            } else if let damage = end.damage {
                note = damage + "; kept the \(capped.total) bytes before it"
            }
        } else {
            switch FileReading.feed(path, into: &stream) {
            case .success(let total): diskBytes = total
            case .failure(let failure): return .failure(failure)
            }
        }
        if let failure = stream.finish() { return .failure(failure) }
        batches.flush()
        var parsed = parsing.finish()
        if let note { parsed.warnings.insert(LoadWarning(path: path, line: 0, reason: note), at: 0) }
        return .success((parsed, diskBytes))
    }
}

/// A tar's mailbox member over the file limit, cut into parts as it streams by (`MailboxParts`)
/// and parsed in its place among the other members, as a large zip's mailbox entry is: its
/// articles keep their lines within the member, its warnings name it.
final class MailboxMember {
    let path: String
    let limit: Int
    let partSize: Int
    let batches: MemberBatches
    let progress: PartParsing.Progress?
    private var name = ""
    private var parts: MailboxParts?

    init(path: String, limit: Int, partSize: Int, batches: MemberBatches, progress: PartParsing.Progress?) {
        self.path = path
        self.limit = limit
        self.partSize = partSize
        self.batches = batches
        self.progress = progress
    }

    func take(_ event: MailboxMemberEvent) {
        switch event {
        case .begin(let member):
            batches.flush()  // the members before it keep their place
            name = member
            parts = MailboxParts(path: path, limit: limit, partSize: partSize, progress: progress)
        case .text(let piece):
            _ = parts?.append(piece)
        case .end:
            guard var finished = parts else { return }
            parts = nil
            let parsed = finished.finish()
            batches.parsing.add(ParsedFile(articles: parsed.articles,
                                           warnings: ParsedFile.memberWarnings(parsed.warnings, member: name, path: path)))
        }
    }
}

/// Hands text on to `base` until `cap` bytes in all have passed (a bomb), then stops.
struct CappedSink<Base: DecompressionSink>: DecompressionSink {
    var base: Base
    let cap: Int
    private(set) var total = 0
    private(set) var overCap = false

    init(base: Base, cap: Int) {
        self.base = base
        self.cap = cap
    }

    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        guard total + chunk.count <= cap else {
            overCap = true
            return false
        }
        total += chunk.count
        return base.append(chunk)
    }
}

/// An archive's members (and notes) gathered into batches of about a part's size, each batch
/// parsed on its own thread (`PartParsing`), so a zip or tar of 65,000 posts is not 65,000
/// threads and the results stay in archive order.
final class MemberBatches {
    let path: String
    let parsing: PartParsing
    let partSize: Int
    private var batch: [ArchiveMember] = []
    private var bytes = 0

    init(path: String, parsing: PartParsing, partSize: Int) {
        self.path = path
        self.parsing = parsing
        self.partSize = partSize
    }

    func add(_ member: ArchiveMember) {
        batch.append(member)
        bytes += member.text.count
        if bytes >= partSize || batch.count >= 4096 { flush() }
    }

    /// A warning about the archive, in its place among the members.
    func note(_ text: String) {
        add(ArchiveMember(name: "", text: [], note: text))
    }

    /// Sends the batch to be parsed.
    func flush() {
        guard !batch.isEmpty else { return }
        let members = batch, path = path
        parsing.run { ArticleFileParser.parse(members: members, path: path) }
        batch = []
        bytes = 0
    }
}
