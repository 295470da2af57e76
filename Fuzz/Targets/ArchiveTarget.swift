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
        if case .success(let members) = Tar.members(buffer) {
            require(members.reduce(0) { $0 + $1.text.count } <= buffer.count, "tar members hold more than the archive")
            checkParsed(ArticleFileParser.parse(members: members, path: "a.tar"), path: "a.tar")
        }
    }
    return 0
}
