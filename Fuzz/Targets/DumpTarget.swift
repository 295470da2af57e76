import GazetteCore

/// libFuzzer entry: the blog-dump parser on arbitrary text (whether or not it looks like a dump).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDump(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    _ = DumpFormat.looksLikeDump(text)
    checkParsed(DumpFormat.parse(text, path: "dump.txt"), path: "dump.txt")
    return 0
}
