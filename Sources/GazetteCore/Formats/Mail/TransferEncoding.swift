/// Quoted-printable (RFC 2045, and the header form of RFC 2047).
enum QuotedPrintable {
    /// The decoded bytes; a bad `=` escape is kept as written (lenient, as mail readers are).
    static func decode(_ input: [UInt8], headerForm: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 0x3D {  // "="
                if index + 2 < input.count, let high = hex(input[index + 1]), let low = hex(input[index + 2]) {
                    out.append(high << 4 | low)
                    index += 3
                    continue
                }
                // A soft line break: "=" then optional spaces then the end of the line.
                var after = index + 1
                while after < input.count, input[after] == 0x20 || input[after] == 0x09 { after += 1 }
                if after == input.count {
                    index = after
                    continue
                }
                if input[after] == 0x0A {
                    index = after + 1
                    continue
                }
                out.append(byte)
                index += 1
                continue
            }
            out.append(headerForm && byte == 0x5F ? 0x20 : byte)
            index += 1
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}

/// Base64 (RFC 2045): whitespace ignored; anything else outside the alphabet is an error.
enum Base64Text {
    /// The decoded bytes, and whether the input was damaged (bad characters skipped, or a
    /// truncated final group decoded as far as it goes).
    static func decode(_ input: [UInt8]) -> (bytes: [UInt8]?, damaged: Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        var damaged = false
        var ended = false
        for byte in input {
            let value: UInt32
            switch byte {
            case 0x41...0x5A: value = UInt32(byte - 0x41)
            case 0x61...0x7A: value = UInt32(byte - 0x61 + 26)
            case 0x30...0x39: value = UInt32(byte - 0x30 + 52)
            case 0x2B, 0x2D: value = 62  // "+" (and "-", the URL-safe form)
            case 0x2F, 0x5F: value = 63
            case 0x3D:
                ended = true
                continue
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default:
                damaged = true
                continue
            }
            if ended { damaged = true }
            buffer = buffer << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        if bits >= 6 { damaged = true }  // one stray character: not even one byte
        return (out, damaged)
    }

    /// A base64 body followed by plain text (the footer a list server appends): the lines of
    /// base64 (at least one; only its alphabet, no spaces) and the text after them, which holds
    /// words separated by spaces. Nil when the body is not so made.
    static func splitFooter(_ input: ArraySlice<UInt8>) -> (encoded: ArraySlice<UInt8>, footer: ArraySlice<UInt8>)? {
        func isBase64(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == 0x2B || byte == 0x2F || byte == 0x3D || byte == 0x0D
        }
        var index = input.startIndex
        var encodedEnd = input.startIndex
        while index < input.endIndex {
            let end = input[index...].firstIndex(of: 0x0A) ?? input.endIndex
            let line = input[index..<end]
            if line.allSatisfy(isBase64) {
                if line.contains(where: { $0 != 0x0D }) { encodedEnd = end }
            } else {
                break
            }
            index = end < input.endIndex ? end + 1 : end
        }
        guard encodedEnd > input.startIndex, index < input.endIndex else { return nil }
        let footer = input[index...]
        guard isPlainText(footer) else { return nil }
        return (input[input.startIndex..<encodedEnd], footer)
    }

    /// Whether a damaged body labelled base64 is plainly text written as is (a mailer that
    /// labels everything base64, a hand-edited message): words separated by spaces inside a
    /// line, which base64 never has. Decoding it would print noise; stray bytes in real base64
    /// (`VGhl…!!`) are not spaces, so it is still decoded.
    static func isPlainText<Bytes: Collection<UInt8>>(_ input: Bytes) -> Bool {
        var lineHasText = false, spaceAfterText = false
        for byte in input {
            switch byte {
            case 0x0A, 0x0D:
                lineHasText = false
                spaceAfterText = false
            case 0x20, 0x09:
                spaceAfterText = lineHasText
            default:
                if spaceAfterText { return true }
                lineHasText = true
            }
        }
        return false
    }
}
