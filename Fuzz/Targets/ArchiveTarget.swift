import Foundation
@testable import GazetteCore

/// libFuzzer entry: compressed archive files — the same bytes read as a gzip, bzip2 and xz file, a
/// zip archive and a tar archive (and each member parsed), as the loader does for `*.gz`, `*.zip` and `*.tar`. Nothing may
/// crash, no inflated text may pass the limit, and every warning names the archive.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchive(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let limit = 1 << 20
    bytes.withUnsafeBufferPointer { buffer in
        if case .success(let inflated) = Gzip.inflate(buffer, limit: limit) {
            require(inflated.bytes.count <= limit, "gzip inflated \(inflated.bytes.count) bytes past the limit")
            checkParsed(ArticleFileParser.parse(bytes: inflated.bytes, path: "a.txt.gz"), path: "a.txt.gz")
        }
        _ = Gzip.head(buffer, count: 512)
        for compression in [Compression.bzip2, .xz] {
            if case .success(let inflated) = compression.decompress(buffer, limit: limit) {
                require(inflated.bytes.count <= limit, "\(compression) inflated \(inflated.bytes.count) bytes past the limit")
                checkParsed(ArticleFileParser.parse(bytes: inflated.bytes, path: "a.mbox\(compression.suffix)"), path: "a.mbox\(compression.suffix)")
            }
        }
        if case .success(let members) = Zip.members(buffer, limit: limit) {
            require(members.reduce(0) { $0 + $1.text.count } <= max(limit, buffer.count * 2), "zip members past the limit")
            checkParsed(ArticleFileParser.parse(members: members, path: "a.zip"), path: "a.zip")
        }
        // The same bytes fed to the mailbox cutter in pieces whose size the first byte picks.
        var parts = MailboxParts(path: "a.mbox", limit: 16 << 10, partSize: 2 << 10, cap: 1 << 20)
        let piece = 1 + Int(buffer.first ?? 0) * 7
        var at = 0
        while at < buffer.count, parts.append(UnsafeBufferPointer(rebasing: buffer[at..<min(buffer.count, at + piece)])) { at += piece }
        checkParsed(parts.finish(), path: "a.mbox")
        let whole = Tar.members(buffer)
        if case .success(let members) = whole {
            require(members.reduce(0) { $0 + $1.text.count } <= buffer.count, "tar members hold more than the archive")
            checkParsed(ArticleFileParser.parse(members: members, path: "a.tar"), path: "a.tar")
        }
        // The tar reader fed in pieces (as an archive inflates) finds exactly what it finds whole.
        final class Collected: @unchecked Sendable { var members: [ArchiveMember] = [] }
        let collected = Collected()
        var stream = TarStream(memberLimit: .max) { collected.members.append($0) }
        at = 0
        while at < buffer.count, stream.append(UnsafeBufferPointer(rebasing: buffer[at..<min(buffer.count, at + piece)])) { at += piece }
        let failure = stream.finish()
        switch whole {
        case .success(let members):
            require(failure == nil, "tar in pieces failed where whole it did not")
            require(collected.members.map(\.name) == members.map(\.name) && collected.members.map(\.text) == members.map(\.text)
                    && collected.members.map(\.note) == members.map(\.note), "tar in pieces differs from whole")
        case .failure(let wholeFailure):
            require(failure?.reason == wholeFailure.reason, "tar in pieces: \(String(describing: failure)) against \(wholeFailure)")
        }
    }
    // As a zip too large to read whole: the same bytes read entry by entry from a file.
    if bytes.count >= 22 {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-archive-\(getpid()).zip").path
        if FileManager.default.createFile(atPath: path, contents: Data(bytes)) {
            if case .success(let read) = LargeZip.parse(path, limit: 16 << 10, partSize: 2 << 10) {
                checkParsed(read.parsed, path: path)
            }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
    return 0
}
