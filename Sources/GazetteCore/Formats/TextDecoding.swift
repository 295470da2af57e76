import Foundation

/// Turns the bytes of an article file into text, whatever state they are in.
public enum TextDecoding {
    /// Decodes UTF-8 (BOM stripped) or BOM-marked UTF-16; invalid sequences become U+FFFD,
    /// CRLF and lone CR become `\n`, NUL bytes are kept as U+0000. Never fails.
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        if let text = bytes.withContiguousStorageIfAvailable({ decodeBuffer($0) }) { return text }
        return Array(bytes).withUnsafeBufferPointer { decodeBuffer($0) }
    }

    /// `text` without U+FEFF at its start: a second byte-order mark (files re-saved or joined)
    /// is no content, and left in place it would read as a BOM again once the text is UTF-8.
    static func withoutLeadingByteOrderMarks(_ text: String) -> String {
        guard text.unicodeScalars.first == "\u{FEFF}" else { return text }
        return String(text.unicodeScalars.drop { $0 == "\u{FEFF}" })
    }

    /// True when `decode` would only validate: no byte-order mark and no CR. Parsers may then
    /// split the raw bytes at ASCII bytes and decode each piece (repairs come out the same,
    /// since an ASCII byte always ends an invalid sequence).
    static func isPlainUTF8Layout(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return false }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return false }
        return memchr(base, 0x0D, bytes.count) == nil
    }

    /// Whether the bytes start with a UTF-8 or UTF-16 byte-order mark.
    static func hasByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return true }
        return bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }

    /// Text with no declared encoding that is not all UTF-8: every well-formed UTF-8 sequence
    /// is read as UTF-8 and every other byte as Windows-1252 (Latin-1 with curly quotes, dashes
    /// and € in 0x80–0x9F; its five unassigned bytes become U+FFFD). Old archives, Word pastes
    /// in scraped blogs and 8-bit Usenet are Latin-1 or Windows-1252 far more often than
    /// anything else, and a file joined from UTF-8 and Latin-1 pieces keeps both right.
    public static func decodeUTF8OrWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        var scalars = String.UnicodeScalarView()
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = base[index]
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
                index += 1
            } else if let length = UTF8Scan.scalarLength(base, at: index, count: count) {
                scalars.append(UTF8Scan.scalar(bytes, at: index).0)
                index += length
            } else {
                scalars.append(windows1252Scalar(byte))
                index += 1
            }
        }
        return String(scalars)
    }

    /// The Windows-1252 character of a byte above 0x7F; U+FFFD for the five it leaves unassigned.
    @inline(__always)
    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        guard byte <= 0x9F else { return Unicode.Scalar(byte) }
        return Unicode.Scalar(windows1252High[Int(byte - 0x80)])!
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func decodeBuffer(_ buffer: UnsafeBufferPointer<UInt8>) -> String {
        var bytes = buffer
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes = UnsafeBufferPointer(rebasing: bytes[3...])
        } else if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return withoutLeadingByteOrderMarks(utf16(UnsafeBufferPointer(rebasing: bytes[2...]), littleEndian: true))
        } else if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return withoutLeadingByteOrderMarks(utf16(UnsafeBufferPointer(rebasing: bytes[2...]), littleEndian: false))
        }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        // Fast path: no CR anywhere, so the standard (validating, repairing) decoder does it all.
        if memchr(base, 0x0D, bytes.count) == nil {
            return withoutLeadingByteOrderMarks(String(decoding: bytes, as: UTF8.self))
        }
        return withoutLeadingByteOrderMarks(String(decoding: withUnixNewlines(bytes), as: UTF8.self))
    }

    /// CRLF → LF and lone CR → LF. 0x0D never occurs inside a multi-byte UTF-8 sequence.
    static func withUnixNewlines(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                out.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    static func utf16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 + 1)
        var index = 0
        while index + 1 < bytes.count {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        if index < bytes.count { units.append(0xFFFD) }  // a truncated final code unit
        let text = String(decoding: units, as: UTF16.self)
        guard text.utf8.contains(0x0D) else { return text }
        return Array(text.utf8).withUnsafeBufferPointer { String(decoding: withUnixNewlines($0), as: UTF8.self) }
    }
}
