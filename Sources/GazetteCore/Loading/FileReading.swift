import Foundation

/// Reads a whole file with POSIX calls, without ever blocking on something that is not a file.
enum FileReading {
    /// Files larger than this are skipped with a warning, so one huge file cannot exhaust memory.
    static let sizeLimit = 256 << 20

    /// The file's bytes, or the reason they could not be read. With `partsAbove`, a mailbox
    /// that `LargeMailbox.readsInParts` is not read: the failure says `tooLarge`, and the loader
    /// reads it in parts.
    static func read(_ path: String, limit: Int = sizeLimit, partsAbove: Int? = nil) -> Result<[UInt8], ReadFailure> {
        // O_NONBLOCK: if the file was swapped for a FIFO since the walk, open must not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadFailure("cannot read: \(FileDiscovery.message(errno))")) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadFailure("cannot read: \(FileDiscovery.message(errno))")) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(ReadFailure("not a regular file; skipped")) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(ReadFailure("file too large (\(size) bytes); skipped", tooLarge: true)) }
        if let partsAbove, LargeMailbox.readsInParts(path, size: size, partsAbove: partsAbove) {
            return .failure(ReadFailure("a mailbox read in parts", tooLarge: true))
        }
        var failure: Int32 = 0
        // A file truncated while loading simply yields fewer bytes.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            while initialized < size {
                let got = Foundation.read(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if got > 0 {
                    initialized += got
                } else if got == 0 {
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
        }
        if failure != 0 { return .failure(ReadFailure("cannot read: \(FileDiscovery.message(failure))")) }
        return .success(bytes)
    }

    /// The file at `path` opened for reading, and its size; the caller closes the descriptor.
    /// Not a regular file (a FIFO swapped in since the walk) is a failure.
    static func openRegular(_ path: String) -> Result<(descriptor: Int32, size: Int), ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadFailure("cannot read: \(FileDiscovery.message(errno))")) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let failure = ReadFailure("cannot read: \(FileDiscovery.message(errno))")
            close(descriptor)
            return .failure(failure)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return .failure(ReadFailure("not a regular file; skipped"))
        }
        return .success((descriptor, Int(info.st_size)))
    }

    /// Hands the file at `path` to `sink` `pieceSize` bytes at a time, until its end or until
    /// the sink says stop; the bytes read.
    static func feed<Sink: DecompressionSink>(_ path: String, pieceSize: Int = 4 << 20, into sink: inout Sink) -> Result<Int, ReadFailure> {
        let descriptor: Int32
        switch openRegular(path) {
        case .success(let file): descriptor = file.descriptor
        case .failure(let failure): return .failure(failure)
        }
        defer { close(descriptor) }
        var piece = [UInt8](repeating: 0, count: max(1, pieceSize))
        var total = 0
        while true {
            let got = piece.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure("cannot read: \(FileDiscovery.message(errno))"))
            }
            total += got
            guard piece.withUnsafeBufferPointer({ sink.append(UnsafeBufferPointer(rebasing: $0[0..<got])) }) else { break }
        }
        return .success(total)
    }

    /// An article file's text bytes: a `.gz`, `.bz2` or `.xz` file inflated (never more than `limit` bytes out), a
    /// zip or tar archive's article files as members, anything else as it is; `diskBytes` is what was read from the disk.
    static func readArticleFile(_ path: String, limit: Int = sizeLimit, partsAbove: Int? = nil) -> Result<ArticleFileBytes, ReadFailure> {
        switch read(path, limit: limit, partsAbove: partsAbove) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let bytes):
            if Zip.hasSuffix(path.utf8) {
                return bytes.withUnsafeBufferPointer { Zip.members($0, limit: limit) }.map {
                    ArticleFileBytes(text: [], diskBytes: bytes.count, members: $0)
                }
            }
            if Tar.hasSuffix(path.utf8) {
                guard let compression = Tar.compression(path.utf8) else {
                    return bytes.withUnsafeBufferPointer { Tar.members($0) }.map { ArticleFileBytes(text: [], diskBytes: bytes.count, members: $0) }
                }
                return bytes.withUnsafeBufferPointer { compression.decompress($0, limit: limit) }.flatMap { inflated in
                    inflated.bytes.withUnsafeBufferPointer { Tar.members($0) }.map {
                        ArticleFileBytes(text: [], diskBytes: bytes.count, note: inflated.note, members: $0)
                    }
                }
            }
            guard let compression = Compression(name: path.utf8) else { return .success(ArticleFileBytes(text: bytes, diskBytes: bytes.count)) }
            return bytes.withUnsafeBufferPointer { compression.decompress($0, limit: limit) }.map {
                ArticleFileBytes(text: $0.bytes, diskBytes: bytes.count, note: $0.note)
            }
        }
    }

    struct ArticleFileBytes {
        var text: [UInt8]
        var diskBytes: Int
        /// Said about the whole file (a damaged `.gz` whose readable part was kept).
        var note: String?
        /// A zip or tar archive's article files (then `text` is empty): each parsed on its own.
        var members: [ArchiveMember]? = nil
    }

    struct ReadFailure: Error {
        var reason: String
        /// The file is over the size limit (a mailbox is then read in parts: `LargeMailbox`).
        var tooLarge = false
        init(_ reason: String, tooLarge: Bool = false) {
            self.reason = reason
            self.tooLarge = tooLarge
        }
    }
}
