import Foundation

/// Turns bytes in a named character set into text: UTF-8, US-ASCII, ISO-8859-1/-15 and
/// Windows-1252 here, the single-byte sets of `SingleByteCharsets` by table, a few more
/// through Foundation's converters, and the rest (Chinese, Korean, Thai…) through the C
/// library's `iconv` (`IconvCharsets`).
enum Charset {
    /// The text of `bytes` in `name` (any case, IANA names and common aliases); nil when the
    /// charset is unknown or the bytes are not valid in it.
    static func decode(_ bytes: some Collection<UInt8>, charset name: String) -> String? {
        let key = name.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
        switch key {
        case "utf-8", "utf8", "unicode-1-1-utf-8":
            return String(validating: Array(bytes), as: UTF8.self)
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "":
            // Mail that says ASCII and holds 8-bit bytes is, in practice, Windows-1252.
            return bytes.allSatisfy({ $0 < 0x80 }) ? String(decoding: Array(bytes), as: UTF8.self) : windows1252(bytes)
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819", "ibm819":
            // Outlook and most Windows mailers label Windows-1252 text (curly quotes, dashes,
            // the euro sign in 0x80–0x9F) as ISO-8859-1, where those bytes are C1 controls that
            // no text means; mail clients and browsers (the WHATWG Encoding Standard) read it as
            // Windows-1252, which is Latin-1 everywhere else.
            return windows1252(bytes)
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin-9", "latin9", "l9":
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar(latin9[$0] ?? UInt32($0))! }))
        case "windows-1252", "cp1252", "x-cp1252", "ms-ansi":
            return windows1252(bytes)
        default:
            if let high = SingleByteCharsets.table(key) { return SingleByteCharsets.decode(bytes, high: high) }
            if let encoding = foundationEncodings[key] { return String(data: Data(bytes), encoding: encoding) }
            return IconvCharsets.decode(bytes, label: key)
        }
    }

    /// Whether `decode` knows the charset.
    static func isKnown(_ name: String) -> Bool { decode([UInt8](), charset: name) != nil }

    /// The documented default for text with no charset: UTF-8 where it is well-formed, every
    /// other byte Windows-1252 (a superset of Latin-1 for printable text, and what unlabelled
    /// 8-bit mail usually is) — decided sequence by sequence, since a UTF-8 post quoting a
    /// Latin-1 one holds both, sometimes on one line.
    static func decodeUnlabelled(_ bytes: some Collection<UInt8>) -> String {
        let array = Array(bytes)
        if let text = String(validating: array, as: UTF8.self) { return text }
        return array.withUnsafeBufferPointer { TextDecoding.decodeUTF8OrWindows1252($0) }
    }

    /// Windows-1252: Latin-1 with printable characters in 0x80–0x9F (its five unassigned bytes
    /// U+FFFD), by the table `TextDecoding` reads unlabelled 8-bit text with.
    static func windows1252(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : TextDecoding.windows1252Scalar(byte)) }
        return String(scalars)
    }

    /// Where ISO-8859-15 differs from Latin-1.
    private static let latin9: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
    ]

    private static let foundationEncodings: [String: String.Encoding] = [
        "iso-8859-2": .isoLatin2, "latin2": .isoLatin2, "windows-1250": .windowsCP1250, "cp1250": .windowsCP1250,
        "windows-1251": .windowsCP1251, "cp1251": .windowsCP1251, "windows-1253": .windowsCP1253,
        "windows-1254": .windowsCP1254, "shift_jis": .shiftJIS, "shift-jis": .shiftJIS, "sjis": .shiftJIS,
        "euc-jp": .japaneseEUC, "iso-2022-jp": .iso2022JP, "utf-16": .utf16, "utf-16le": .utf16LittleEndian,
        "utf-16be": .utf16BigEndian, "macintosh": .macOSRoman, "mac": .macOSRoman,
    ]
}
