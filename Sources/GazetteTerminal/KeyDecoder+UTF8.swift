/// UTF-8 assembled from single bytes, Gazette's own way: ncursesw's `wget_wch`, given a byte it
/// cannot decode (a Latin-1 terminal, LC_ALL=C), swallows the keys that follow and pushes the
/// bad byte back for ever — the UI froze, Ctrl-C included. Bytes are read with `wgetch` instead.
extension KeyDecoder {
    /// The scalar a key's bytes make: `lead`, then continuation bytes from `next` (nil: none
    /// came in time). A byte that does not continue the sequence is returned in `pushBack` to
    /// be read again; an invalid sequence gives no scalar (the key is dropped, never the rest).
    static func assembleUTF8(lead: UInt8, next: () -> Int32?) -> (scalar: UInt32?, pushBack: Int32?) {
        if lead < 0x80 { return (UInt32(lead), nil) }
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (nil, nil)
        }
        var bytes = [lead]
        while bytes.count < length {
            guard let byte = next() else { return (nil, nil) }
            guard (0x80...0xBF).contains(byte) else { return (nil, byte) }
            bytes.append(UInt8(byte))
        }
        // Overlong forms, surrogates and values past U+10FFFF are refused here.
        guard let text = String(validating: bytes, as: UTF8.self), let scalar = text.unicodeScalars.first else {
            return (nil, nil)
        }
        return (scalar.value, nil)
    }
}
