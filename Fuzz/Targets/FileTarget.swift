import GazetteCore

/// libFuzzer entry: raw file bytes through decoding, format detection and parsing, as the loader does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let text = TextDecoding.decode(bytes)
    require(!text.utf8.contains(0x0D), "a carriage return survived decoding")
    checkParsed(ArticleFileParser.parse(bytes: bytes, path: "raw.txt"), path: "raw.txt")
    return 0
}
