import GazetteCore
import GazetteFeeds

/// libFuzzer entry: HTML to text. The text never holds a control character other than newline,
/// and never a line with a leading tab.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let html = FuzzInput.text(data, size)
    let text = HTMLText.text(html)
    for scalar in text.unicodeScalars where scalar != "\n" {
        require(!(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)),
                "control U+\(String(scalar.value, radix: 16)) in the text of \(html.debugDescription)")
    }
    require(!text.hasPrefix("\n") && !text.hasSuffix("\n"), "blank line at an end")
    require(!text.contains("\n\n\n"), "two blank lines in a row")
    let line = HTMLText.inline(html)
    require(!line.contains("\n"), "inline text with a newline")
    return 0
}
