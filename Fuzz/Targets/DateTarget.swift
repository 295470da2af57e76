import GazetteCore

/// libFuzzer entry: the date parser; a date it returns must be a real calendar day.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    guard let date = DateParser.parse(text) else { return 0 }
    require((1...12).contains(date.month), "month \(date.month) from \(text.debugDescription)")
    let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][date.month - 1]
    require((1...days).contains(date.day), "day \(date.day) from \(text.debugDescription)")
    require(date.isoDay.count >= 10, "short ISO day \(date.isoDay)")
    // Parsing the ISO form again gives the same day.
    if (1...9999).contains(date.year) {
        require(DateParser.parse(date.isoDay)?.isoDay == date.isoDay, "ISO round trip of \(date.isoDay)")
    }
    return 0
}
