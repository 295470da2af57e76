import CZlib
import Foundation

/// Gzip-compressed archive files (`2003-June.txt.gz` from a Mailman archive, `list.mbox.gz`,
/// Gigaword's `nyt_eng_199407.gz`), inflated with zlib in memory; the file is never touched.
enum Gzip {
    /// What was inflated, and what the reader should hear about it (kept bytes of a damaged file).
    struct Inflated {
        var bytes: [UInt8]
        var note: String?
    }

    /// Inflated text may be this many times the compressed size (`minimumCap` at least).
    static let ratioLimit = 100
    static let minimumCap = 16 << 20

    /// The most text a compressed input of `count` bytes may inflate to before it is a bomb.
    static func cap(forInput count: Int) -> Int {
        max(minimumCap, count.multipliedReportingOverflow(by: ratioLimit).partialValue)
    }

    /// A zlib inflate stream, at one address for its life (zlib checks `state->strm` on every
    /// call): `windowBits` 15 + 16 for gzip (header and trailer checked), -15 for raw deflate.
    /// nil when zlib will not start one; end it with `endInflate`.
    static func startInflate(windowBits: Int32) -> UnsafeMutablePointer<z_stream>? {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard inflateInit2_(stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            return nil
        }
        return stream
    }

    static func endInflate(_ stream: UnsafeMutablePointer<z_stream>) {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Whether a file name ends in `.gz` with something before it.
    static func hasSuffix<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool {
        ArticleFileName.hasSuffix(name, ".gz")
    }

    /// The bytes starting a gzip member.
    static func hasMagic(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Inflates every gzip member of `input` (concatenated members, as `cat a.gz b.gz` makes,
    /// are one text). More than `limit` bytes out is a failure (a bomb, or simply too large);
    /// damage after some text keeps that text, with a note; no text at all is a failure.
    /// Text compresses 3–10 times, logs and tables a few times more; a file inflating past
    /// `ratioLimit` times its size (16 MiB at least) is a bomb, not an archive: a few of them
    /// must not take the memory of a load that parses on every core.
    static func inflate(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> Result<Inflated, FileReading.ReadFailure> {
        Compression.gzip.decompress(input, limit: limit)
    }

    /// Inflates every member of `input` into `sink`, a piece at a time.
    static func inflate<Sink: DecompressionSink>(_ input: UnsafeBufferPointer<UInt8>, into sink: inout Sink) -> DecompressionEnd {
        guard hasMagic(input), let base = input.baseAddress else { return .notStarted("not gzip data (named .gz); skipped") }
        // The stream stays at one address for zlib (it checks `state->strm` on every call).
        // 15 + 16: a gzip header and trailer, checked (CRC-32 and length).
        guard let stream = Gzip.startInflate(windowBits: 15 + 16) else {
            return .notStarted("cannot inflate: zlib refused to start; skipped")
        }
        defer { Gzip.endInflate(stream) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base)
        stream.pointee.avail_in = 0
        var consumed = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if stream.pointee.avail_in == 0 && consumed < input.count {
                let take = min(input.count - consumed, Int(UInt32.max >> 1))
                stream.pointee.next_in = UnsafeMutablePointer(mutating: base + consumed)
                stream.pointee.avail_in = UInt32(take)
                consumed += take
            }
            let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = UInt32(buffer.count)
                return CZlib.inflate(stream, Z_NO_FLUSH)
            }
            let produced = chunk.count - Int(stream.pointee.avail_out)
            guard chunk.withUnsafeBufferPointer({ sink.append(UnsafeBufferPointer(rebasing: $0[0..<produced])) }) else {
                return DecompressionEnd(stopped: true)
            }
            let offset = consumed - Int(stream.pointee.avail_in)
            if status == Z_STREAM_END {
                // Another member follows, or padding (zeros written by some tape tools), or junk.
                let rest = UnsafeBufferPointer(rebasing: input[offset...])
                if hasMagic(rest), inflateReset(stream) == Z_OK { continue }
                return DecompressionEnd(trailing: rest.contains(where: { $0 != 0 }) ? rest.count : 0)
            }
            if status == Z_OK { continue }
            if status == Z_BUF_ERROR && stream.pointee.avail_in == 0 && consumed == input.count {
                return DecompressionEnd(damage: "compressed data cut short")
            }
            // Z_DATA_ERROR (corrupt data, a bad check value), Z_MEM_ERROR, Z_NEED_DICT, no progress.
            let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            return DecompressionEnd(damage: "corrupt compressed data at byte \(offset) (\(reason))")
        }
    }

    /// Inflates every member of the gzip file open at `descriptor` into `sink`, reading the
    /// compressed bytes `readSize` at a time: for a file too large to read whole (a multi-GB
    /// `takeout.mbox.gz`, the Enron corpus's `.tar.gz`). The same results as `inflate(_:into:)`
    /// over the file's bytes.
    static func inflate<Sink: DecompressionSink>(descriptor: Int32, readSize: Int = 4 << 20, into sink: inout Sink) -> DecompressionEnd {
        var reader = PieceReader(descriptor: descriptor, readSize: readSize)
        reader.fill(2)
        guard reader.unusedStarts(with: hasMagic) else { return .notStarted("not gzip data (named .gz); skipped") }
        guard let stream = Gzip.startInflate(windowBits: 15 + 16) else {
            return .notStarted("cannot inflate: zlib refused to start; skipped")
        }
        defer { Gzip.endInflate(stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if reader.unusedCount == 0 { reader.fill(1) }
            if reader.failure != 0 { return DecompressionEnd(damage: "cannot read: \(FileDiscovery.message(reader.failure))") }
            var status: Int32 = 0
            reader.use { input in
                stream.pointee.next_in = input.baseAddress
                stream.pointee.avail_in = UInt32(input.count)
                status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.pointee.next_out = buffer.baseAddress
                    stream.pointee.avail_out = UInt32(buffer.count)
                    return CZlib.inflate(stream, Z_NO_FLUSH)
                }
                return input.count - Int(stream.pointee.avail_in)
            }
            let produced = chunk.count - Int(stream.pointee.avail_out)
            guard chunk.withUnsafeBufferPointer({ sink.append(UnsafeBufferPointer(rebasing: $0[0..<produced])) }) else {
                return DecompressionEnd(stopped: true)
            }
            if status == Z_STREAM_END {
                // Another member follows, or padding (zeros written by some tape tools), or junk.
                reader.fill(2)
                if reader.unusedStarts(with: hasMagic), inflateReset(stream) == Z_OK { continue }
                let rest = reader.rest()
                return DecompressionEnd(trailing: rest.junk ? rest.count : 0)
            }
            if status == Z_OK { continue }
            if status == Z_BUF_ERROR && reader.unusedCount == 0 {
                if !reader.atEnd { continue }
                return DecompressionEnd(damage: "compressed data cut short")
            }
            let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            return DecompressionEnd(damage: "corrupt compressed data at byte \(reader.offset) (\(reason))")
        }
    }

    /// Up to `count` bytes of the start of a gzip file's text (for telling what it holds).
    static func head(_ input: UnsafeBufferPointer<UInt8>, count: Int) -> [UInt8] {
        guard hasMagic(input), let base = input.baseAddress else { return [] }
        guard let stream = Gzip.startInflate(windowBits: 15 + 16) else { return [] }
        defer { Gzip.endInflate(stream) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base)
        stream.pointee.avail_in = UInt32(min(input.count, Int(UInt32.max >> 1)))
        var out = [UInt8](repeating: 0, count: count)
        let produced = out.withUnsafeMutableBufferPointer { buffer -> Int in
            stream.pointee.next_out = buffer.baseAddress
            stream.pointee.avail_out = UInt32(buffer.count)
            _ = CZlib.inflate(stream, Z_SYNC_FLUSH)
            return buffer.count - Int(stream.pointee.avail_out)
        }
        return Array(out[0..<produced])
    }
}
