import GazetteCore

/// libFuzzer entry: the canonical (header block + paragraphs) parser on arbitrary text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCanonical(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    checkParsed(CanonicalFormat.parse(text, path: "fuzz.txt"), path: "fuzz.txt")
    return 0
}
