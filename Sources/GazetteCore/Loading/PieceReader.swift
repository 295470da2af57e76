import Foundation

/// The compressed bytes of a file too large to read whole, read `readSize` at a time as a
/// decompressor uses them (`Gzip.inflate(descriptor:)`, `Bzip2.decompress(descriptor:)`,
/// `Xz.decompress(descriptor:)`). Holds what is read but not yet used.
struct PieceReader {
    let descriptor: Int32
    let readSize: Int
    private(set) var input: [UInt8] = []
    /// Bytes of `input` used.
    private(set) var used = 0
    /// File offset of `input[0]`.
    private var base = 0
    private(set) var atEnd = false
    /// The `errno` of a failed read (then `atEnd`).
    private(set) var failure: Int32 = 0

    init(descriptor: Int32, readSize: Int) {
        self.descriptor = descriptor
        self.readSize = readSize
    }

    /// File offset of the first unused byte.
    var offset: Int { base + used }
    /// Bytes read and not used yet.
    var unusedCount: Int { input.count - used }
    /// Nothing left to use, and nothing more to read.
    var isExhausted: Bool { unusedCount == 0 && atEnd }

    /// Reads until `minimum` unused bytes are held, or the end.
    mutating func fill(_ minimum: Int) {
        if used > 0 {
            input.removeSubrange(..<used)
            base += used
            used = 0
        }
        while input.count < minimum, !atEnd {
            let start = input.count
            input.append(contentsOf: repeatElement(0, count: readSize))
            let (descriptor, readSize) = (descriptor, readSize)
            let got = input.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + start, readSize) }
            input.removeSubrange((start + max(0, got))...)
            if got == 0 { atEnd = true } else if got < 0, errno != EINTR { failure = errno; atEnd = true }
        }
    }

    /// Calls `body` with the unused bytes; it returns how many it used.
    mutating func use(_ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        let start = used
        let taken = input.withUnsafeMutableBufferPointer { body(UnsafeMutableBufferPointer(rebasing: $0[start...])) }
        used += taken
    }

    /// Whether the unused bytes start with what `test` looks for.
    func unusedStarts(with test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        input.withUnsafeBufferPointer { test(UnsafeBufferPointer(rebasing: $0[used...])) }
    }

    /// Reads to the end: how many bytes were left, and whether any was not zero (junk rather
    /// than padding after the last stream).
    mutating func rest() -> (count: Int, junk: Bool) {
        var count = unusedCount
        var junk = input[used...].contains { $0 != 0 }
        while !atEnd {
            used = input.count
            fill(readSize)
            count += input.count
            junk = junk || input.contains { $0 != 0 }
        }
        used = input.count
        return (count, junk)
    }
}
