import CBzip2
import CLzma

/// How an article file is compressed, by its name's last extension: `.gz` (gzip, zlib), `.bz2`
/// (bzip2) or `.xz` (xz, LZMA2). One rule for the walk, the loader and the parsers: such a file
/// is the file its name without the extension says (`list.mbox.xz` is a mailbox), inflated in
/// memory under the same caps (`Gzip.ratioLimit`, the file size limit).
enum Compression {
    case gzip, bzip2, xz

    /// The compression a name ends in, with something before it; nil for any other name.
    init?<Name: BidirectionalCollection<UInt8>>(name: Name) {
        if ArticleFileName.hasSuffix(name, ".gz") { self = .gzip }
        else if ArticleFileName.hasSuffix(name, ".bz2") { self = .bzip2 }
        else if ArticleFileName.hasSuffix(name, ".xz") { self = .xz }
        else { return nil }
    }

    /// Whether a name ends in `.gz`, `.bz2` or `.xz`.
    static func hasSuffix<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool {
        Compression(name: name) != nil
    }

    /// The name without its compression extension (`list.mbox.xz` → `list.mbox`).
    static func stripped<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Name.SubSequence {
        guard let compression = Compression(name: name) else { return name[...] }
        return name.dropLast(compression.suffix.utf8.count)
    }

    var suffix: String {
        switch self {
        case .gzip: ".gz"
        case .bzip2: ".bz2"
        case .xz: ".xz"
        }
    }

    /// The whole text: every stream of the file (concatenated ones, as `cat` or `pbzip2` make,
    /// are one text), at most `limit` bytes, and at most `Gzip.ratioLimit` times the input.
    func decompress(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> Result<Gzip.Inflated, FileReading.ReadFailure> {
        var out = DecompressedText(inputCount: input.count, limit: limit)
        let end = decompress(input, into: &out)
        if let failure = end.failure { return .failure(failure) }
        if end.stopped { return .failure(out.tooLarge) }
        return out.result(damage: end.damage, trailing: end.trailing)
    }

    /// The text of every stream of the file, handed to `sink` a piece at a time as it comes out
    /// (a mailbox too large to hold is cut into parts as it inflates: `MailboxParts`).
    func decompress<Sink: DecompressionSink>(_ input: UnsafeBufferPointer<UInt8>, into sink: inout Sink) -> DecompressionEnd {
        switch self {
        case .gzip: Gzip.inflate(input, into: &sink)
        case .bzip2: Bzip2.decompress(input, into: &sink)
        case .xz: Xz.decompress(input, into: &sink)
        }
    }

    /// Up to `count` bytes of the start of the text (to tell what the file holds).
    func head(_ input: UnsafeBufferPointer<UInt8>, count: Int) -> [UInt8] {
        switch self {
        case .gzip: Gzip.head(input, count: count)
        case .bzip2, .xz:
            // Only as far as the first `count` bytes out (a bzip2 block needs its whole input,
            // up to 900 KB, before any byte comes out anyway).
            headOf(input, count: count)
        }
    }

    private func headOf(_ input: UnsafeBufferPointer<UInt8>, count: Int) -> [UInt8] {
        var head = HeadSink(count: count)
        _ = decompress(input, into: &head)
        return head.bytes
    }

    /// How many of a file's first bytes `head` needs to see a text's start.
    var headInput: Int {
        switch self {
        case .gzip: 64 << 10
        case .bzip2: 1 << 20
        case .xz: 256 << 10
        }
    }
}

/// Where decompressed text goes, a piece at a time.
protocol DecompressionSink {
    /// Takes the next piece of text; false stops the decompression (`DecompressionEnd.stopped`).
    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool
}

/// How a decompression ended: at the end of the data, at damage (the text before it was
/// handed over), stopped by the sink, or not started at all (`failure`: not this format).
struct DecompressionEnd {
    var damage: String?
    /// Bytes after the compressed data that are not another stream (not zero padding).
    var trailing = 0
    var stopped = false
    var failure: FileReading.ReadFailure?

    static func notStarted(_ reason: String) -> DecompressionEnd {
        DecompressionEnd(failure: FileReading.ReadFailure(reason))
    }
}

/// Keeps the first `count` bytes handed to it, then stops the decompression.
struct HeadSink: DecompressionSink {
    let count: Int
    var bytes: [UInt8] = []

    init(count: Int) { self.count = count }

    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.append(contentsOf: chunk.prefix(count - bytes.count))
        return bytes.count < count
    }
}

/// Collects decompressed output under the caps, and says in the loader's words what went wrong.
struct DecompressedText: DecompressionSink {
    let cap: Int
    let limit: Int
    var bytes: [UInt8] = []

    init(inputCount: Int, limit: Int) {
        self.limit = limit
        cap = min(limit, max(Gzip.minimumCap, inputCount.multipliedReportingOverflow(by: Gzip.ratioLimit).partialValue))
        bytes.reserveCapacity(min(limit, max(4096, inputCount.multipliedReportingOverflow(by: 4).partialValue)))
    }

    /// Appends `chunk`; false when the caps are passed.
    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count + chunk.count <= cap else { return false }
        bytes.append(contentsOf: chunk)
        return true
    }

    /// Past the ratio (a bomb), or past the file limit (`tooLarge`: a mailbox is then read in
    /// parts as it inflates, `LargeMailbox`).
    var tooLarge: FileReading.ReadFailure {
        guard cap < limit else { return FileReading.ReadFailure("inflates to more than \(limit >> 20) MiB; skipped", tooLarge: true) }
        return FileReading.ReadFailure("inflates to over \(Gzip.ratioLimit) times its size; skipped")
    }

    /// The text with a note for damage (the text before it kept), or a failure when there is none.
    func result(damage: String?, trailing: Int = 0) -> Result<Gzip.Inflated, FileReading.ReadFailure> {
        if let damage {
            guard !bytes.isEmpty else { return .failure(FileReading.ReadFailure(damage + "; skipped")) }
            return .success(Gzip.Inflated(bytes: bytes, note: damage + "; kept the \(bytes.count) bytes before it"))
        }
        return .success(Gzip.Inflated(bytes: bytes, note: trailing > 0 ? "\(trailing) bytes after the compressed data ignored" : nil))
    }
}

/// bzip2 files (`BZh` streams), with libbz2's low-level API.
enum Bzip2 {
    static func hasMagic(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x42 && bytes[1] == 0x5A && bytes[2] == 0x68 && (0x31...0x39).contains(bytes[3])
    }

    static func decompress<Sink: DecompressionSink>(_ input: UnsafeBufferPointer<UInt8>, into out: inout Sink) -> DecompressionEnd {
        guard hasMagic(input), let base = input.baseAddress else { return .notStarted("not bzip2 data (named .bz2); skipped") }
        let stream = UnsafeMutablePointer<bz_stream>.allocate(capacity: 1)
        defer { stream.deallocate() }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        var damage: String?
        var trailing = 0
        streams: while true {  // one pass per concatenated stream
            stream.initialize(to: bz_stream())
            guard BZ2_bzDecompressInit(stream, 0, 0) == BZ_OK else {
                // After a first stream, its text has gone to the sink: damage, not "not started".
                guard offset == 0 else { return DecompressionEnd(damage: "cannot inflate the stream at byte \(offset)") }
                return .notStarted("cannot inflate: libbz2 refused to start; skipped")
            }
            defer { BZ2_bzDecompressEnd(stream) }
            let rest = input.count - offset
            stream.pointee.next_in = UnsafeMutableRawPointer(mutating: base + offset).assumingMemoryBound(to: CChar.self)
            stream.pointee.avail_in = UInt32(min(rest, Int(UInt32.max >> 1)))
            var fed = Int(stream.pointee.avail_in)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.pointee.next_out = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                    stream.pointee.avail_out = UInt32(buffer.count)
                    return BZ2_bzDecompress(stream)
                }
                let produced = chunk.count - Int(stream.pointee.avail_out)
                guard chunk.withUnsafeBufferPointer({ out.append(UnsafeBufferPointer(rebasing: $0[0..<produced])) }) else {
                    return DecompressionEnd(stopped: true)
                }
                let used = offset + fed - Int(stream.pointee.avail_in)
                if status == BZ_STREAM_END {
                    offset = used
                    let after = UnsafeBufferPointer(rebasing: input[offset...])
                    if hasMagic(after) { continue streams }
                    if after.contains(where: { $0 != 0 }) { trailing = after.count }
                    break streams
                }
                guard status == BZ_OK else {
                    damage = "corrupt compressed data at byte \(used) (libbz2 error \(status))"
                    break streams
                }
                if stream.pointee.avail_in == 0 {
                    if offset + fed < input.count {  // more than 2 GiB in: feed the next part
                        let next = offset + fed
                        stream.pointee.next_in = UnsafeMutableRawPointer(mutating: base + next).assumingMemoryBound(to: CChar.self)
                        stream.pointee.avail_in = UInt32(min(input.count - next, Int(UInt32.max >> 1)))
                        fed += Int(stream.pointee.avail_in)
                    } else if produced == 0 {
                        damage = "compressed data cut short"
                        break streams
                    }
                }
            }
        }
        return DecompressionEnd(damage: damage, trailing: trailing)
    }
}

extension Bzip2 {
    /// `decompress(_:into:)` over the file open at `descriptor`, read `readSize` at a time: for a
    /// file too large to read whole. The same text, notes and damage as over its bytes.
    static func decompress<Sink: DecompressionSink>(descriptor: Int32, readSize: Int = 4 << 20, into out: inout Sink) -> DecompressionEnd {
        var reader = PieceReader(descriptor: descriptor, readSize: readSize)
        reader.fill(4)
        guard reader.unusedStarts(with: hasMagic) else { return .notStarted("not bzip2 data (named .bz2); skipped") }
        let stream = UnsafeMutablePointer<bz_stream>.allocate(capacity: 1)
        defer { stream.deallocate() }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var damage: String?
        var trailing = 0
        streams: while true {  // one pass per concatenated stream
            stream.initialize(to: bz_stream())
            guard BZ2_bzDecompressInit(stream, 0, 0) == BZ_OK else {
                guard reader.offset == 0 else { return DecompressionEnd(damage: "cannot inflate the stream at byte \(reader.offset)") }
                return .notStarted("cannot inflate: libbz2 refused to start; skipped")
            }
            defer { BZ2_bzDecompressEnd(stream) }
            while true {
                if reader.unusedCount == 0 { reader.fill(1) }
                if reader.failure != 0 { return DecompressionEnd(damage: "cannot read: \(FileDiscovery.message(reader.failure))") }
                var status: Int32 = 0
                reader.use { input in
                    let count = min(input.count, Int(UInt32.max >> 1))
                    stream.pointee.next_in = input.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                    stream.pointee.avail_in = UInt32(count)
                    status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                        stream.pointee.next_out = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                        stream.pointee.avail_out = UInt32(buffer.count)
                        return BZ2_bzDecompress(stream)
                    }
                    return count - Int(stream.pointee.avail_in)
                }
                let produced = chunk.count - Int(stream.pointee.avail_out)
                guard chunk.withUnsafeBufferPointer({ out.append(UnsafeBufferPointer(rebasing: $0[0..<produced])) }) else {
                    return DecompressionEnd(stopped: true)
                }
                if status == BZ_STREAM_END {
                    reader.fill(4)
                    if reader.unusedStarts(with: hasMagic) { continue streams }
                    let rest = reader.rest()
                    if rest.junk { trailing = rest.count }
                    break streams
                }
                guard status == BZ_OK else {
                    damage = "corrupt compressed data at byte \(reader.offset) (libbz2 error \(status))"
                    break streams
                }
                if reader.unusedCount == 0, produced == 0 {
                    reader.fill(1)
                    if reader.isExhausted {
                        damage = reader.failure != 0 ? "cannot read: \(FileDiscovery.message(reader.failure))" : "compressed data cut short"
                        break streams
                    }
                }
            }
        }
        return DecompressionEnd(damage: damage, trailing: trailing)
    }
}

/// xz files (`.xz` streams, concatenated ones too), with liblzma.
enum Xz {
    static func hasMagic(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 6 && bytes[0] == 0xFD && bytes[1] == 0x37 && bytes[2] == 0x7A && bytes[3] == 0x58 && bytes[4] == 0x5A && bytes[5] == 0
    }

    static func decompress<Sink: DecompressionSink>(_ input: UnsafeBufferPointer<UInt8>, into out: inout Sink) -> DecompressionEnd {
        guard hasMagic(input), let base = input.baseAddress else { return .notStarted("not xz data (named .xz); skipped") }
        let stream = UnsafeMutablePointer<lzma_stream>.allocate(capacity: 1)
        stream.initialize(to: lzma_stream())  // LZMA_STREAM_INIT: all zero
        defer { lzma_end(stream); stream.deinitialize(count: 1); stream.deallocate() }
        // 96 MiB for the dictionary and the rest (xz -9 takes 65 MiB): a file asking for more is
        // refused, so a hostile header cannot take a large allocation on every parsing core.
        guard lzma_stream_decoder(stream, 96 << 20, 0x08 /* LZMA_CONCATENATED, a macro Swift cannot import */) == LZMA_OK else {
            return .notStarted("cannot inflate: liblzma refused to start; skipped")
        }
        stream.pointee.next_in = base
        stream.pointee.avail_in = input.count
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var damage: String?
        while true {
            let status = chunk.withUnsafeMutableBufferPointer { buffer -> lzma_ret in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = buffer.count
                return lzma_code(stream, LZMA_FINISH)
            }
            let produced = chunk.count - stream.pointee.avail_out
            guard chunk.withUnsafeBufferPointer({ out.append(UnsafeBufferPointer(rebasing: $0[0..<produced])) }) else {
                return DecompressionEnd(stopped: true)
            }
            if status == LZMA_STREAM_END { break }
            if status == LZMA_OK { continue }
            let at = input.count - stream.pointee.avail_in
            switch status {
            case LZMA_BUF_ERROR: damage = "compressed data cut short"
            case LZMA_MEMLIMIT_ERROR: damage = "needs more than 96 MiB of memory to inflate"
            case LZMA_DATA_ERROR, LZMA_FORMAT_ERROR: damage = "corrupt compressed data at byte \(at)"
            default: damage = "corrupt compressed data at byte \(at) (liblzma error \(status.rawValue))"
            }
            break
        }
        return DecompressionEnd(damage: damage)
    }
}

extension Xz {
    /// `decompress(_:into:)` over the file open at `descriptor`, read `readSize` at a time: for a
    /// file too large to read whole. The same text, notes and damage as over its bytes.
    static func decompress<Sink: DecompressionSink>(descriptor: Int32, readSize: Int = 4 << 20, into out: inout Sink) -> DecompressionEnd {
        var reader = PieceReader(descriptor: descriptor, readSize: readSize)
        reader.fill(6)
        guard reader.unusedStarts(with: hasMagic) else { return .notStarted("not xz data (named .xz); skipped") }
        let stream = UnsafeMutablePointer<lzma_stream>.allocate(capacity: 1)
        stream.initialize(to: lzma_stream())
        defer { lzma_end(stream); stream.deinitialize(count: 1); stream.deallocate() }
        guard lzma_stream_decoder(stream, 96 << 20, 0x08 /* LZMA_CONCATENATED */) == LZMA_OK else {
            return .notStarted("cannot inflate: liblzma refused to start; skipped")
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if reader.unusedCount == 0 { reader.fill(1) }
            if reader.failure != 0 { return DecompressionEnd(damage: "cannot read: \(FileDiscovery.message(reader.failure))") }
            // Told the input is finished only once it is (a concatenated stream may follow).
            let action = reader.atEnd ? LZMA_FINISH : LZMA_RUN
            var status = LZMA_OK
            reader.use { input in
                stream.pointee.next_in = UnsafePointer(input.baseAddress)
                stream.pointee.avail_in = input.count
                status = chunk.withUnsafeMutableBufferPointer { buffer -> lzma_ret in
                    stream.pointee.next_out = buffer.baseAddress
                    stream.pointee.avail_out = buffer.count
                    return lzma_code(stream, action)
                }
                return input.count - stream.pointee.avail_in
            }
            let produced = chunk.count - stream.pointee.avail_out
            guard chunk.withUnsafeBufferPointer({ out.append(UnsafeBufferPointer(rebasing: $0[0..<produced])) }) else {
                return DecompressionEnd(stopped: true)
            }
            if status == LZMA_STREAM_END { return DecompressionEnd() }
            if status == LZMA_OK { continue }
            let at = reader.offset
            switch status {
            case LZMA_BUF_ERROR: return DecompressionEnd(damage: "compressed data cut short")
            case LZMA_MEMLIMIT_ERROR: return DecompressionEnd(damage: "needs more than 96 MiB of memory to inflate")
            case LZMA_DATA_ERROR, LZMA_FORMAT_ERROR: return DecompressionEnd(damage: "corrupt compressed data at byte \(at)")
            default: return DecompressionEnd(damage: "corrupt compressed data at byte \(at) (liblzma error \(status.rawValue))")
            }
        }
    }
}
