import Foundation

/// Turns a feed's bytes into UTF-8, choosing the encoding from the BOM, the HTTP header's charset
/// or the XML prolog, in that order.
public enum FeedTextDecoding {
    /// The UTF-8 bytes and, when something had to be guessed or replaced, a problem to report.
    public static func utf8(_ data: [UInt8], httpCharset: String?) -> (bytes: [UInt8], problem: FeedProblem?) {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return validated(Array(data.dropFirst(3))) }
        if data.starts(with: [0xFF, 0xFE]) { return (utf16(data.dropFirst(2), bigEndian: false), nil) }
        if data.starts(with: [0xFE, 0xFF]) { return (utf16(data.dropFirst(2), bigEndian: true), nil) }
        // UTF-16 without a BOM still starts `<` `\0` or `\0` `<`.
        if data.count >= 2, data[0] == 0x3C, data[1] == 0 { return (utf16(data[...], bigEndian: false), nil) }
        if data.count >= 2, data[0] == 0, data[1] == 0x3C { return (utf16(data[...], bigEndian: true), nil) }
        let label = httpCharset.flatMap { $0.isEmpty ? nil : $0 } ?? prologEncoding(data)
        guard let label else { return validated(data) }
        switch normalized(label) {
        case "utf8", "unicode11utf8", "utf8n": return validated(data)
        case "iso88591", "latin1", "l1", "windows1252", "cp1252", "usascii", "ascii", "iso885915", "xuserdefined":
            // As browsers do: ISO-8859-1 is read as Windows-1252, whose 0x80–0x9F are printable
            // (curly quotes, dashes, €) where Latin-1 has C1 controls — feeds mislabel all the time.
            return (windows1252(data), nil)
        case "utf16", "utf16le": return (utf16(data[...], bigEndian: false), nil)
        case "utf16be": return (utf16(data[...], bigEndian: true), nil)
        default:
            if let encoding = foundationEncoding(normalized(label)),
               let text = String(bytes: data, encoding: encoding) {
                return (Array(text.utf8), nil)
            }
            let (bytes, _) = validated(data)
            return (bytes, FeedProblem(reason: "unknown encoding \"\(label.prefix(40))\"; read as UTF-8"))
        }
    }

    /// UTF-8 as is when valid; else Windows-1252 (the usual mislabel), reported.
    static func validated(_ data: [UInt8]) -> (bytes: [UInt8], problem: FeedProblem?) {
        if String(validating: data, as: UTF8.self) != nil { return (data, nil) }
        return (windows1252(data), FeedProblem(reason: "not valid UTF-8; read as Windows-1252"))
    }

    /// `encoding="…"` from an `<?xml …?>` prolog.
    static func prologEncoding(_ data: [UInt8]) -> String? {
        guard data.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = data.prefix(200)
        guard let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let prolog = String(decoding: head[..<end], as: UTF8.self)
        guard let range = prolog.range(of: "encoding") else { return nil }
        let rest = prolog[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    static func normalized(_ label: String) -> String {
        String(label.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }

    static func foundationEncoding(_ name: String) -> String.Encoding? {
        switch name {
        case "iso88592", "latin2": return .isoLatin2
        case "windows1250", "cp1250": return .windowsCP1250
        case "windows1251", "cp1251": return .windowsCP1251
        case "windows1253", "cp1253": return .windowsCP1253
        case "windows1254", "cp1254": return .windowsCP1254
        case "shiftjis", "sjis", "xsjis": return .shiftJIS
        case "eucjp": return .japaneseEUC
        case "iso2022jp": return .iso2022JP
        case "macintosh", "macroman": return .macOSRoman
        default: return nil
        }
    }

    /// The 0x80–0x9F row of Windows-1252 (0 = unassigned, kept as the C1 code point, later dropped).
    static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func windows1252(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + data.count / 8)
        for byte in data {
            if byte < 0x80 { out.append(byte); continue }
            var scalar = UInt32(byte)
            if byte < 0xA0 { scalar = cp1252High[Int(byte - 0x80)]; if scalar == 0 { continue } }
            appendUTF8(Unicode.Scalar(scalar)!, to: &out)
        }
        return out
    }

    static func utf16(_ data: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(data.count / 2)
        var index = data.startIndex
        while index + 1 < data.endIndex {
            let a = UInt16(data[index]), b = UInt16(data[index + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        out.append(contentsOf: UTF8.encode(scalar)!)
    }
}
