/// The glyphs `GlyphSequence` makes of one plain span, as bytes and widths, without a `String`
/// per glyph: printable ASCII is one byte = one column; anything else goes through
/// `GlyphSequence` itself, a stretch at a time.
///
/// A stretch handed to `GlyphSequence` starts and ends between two printable ASCII bytes (or at
/// the text's ends). No grapheme rule joins two printable ASCII characters and `TerminalSafeText`
/// keeps both as they are, so the glyphs of the stretches put end to end are exactly those of the
/// whole text (the differential tests hold the two to each other).
enum PlainGlyphs {
    /// Calls `visit(bytes, width)` with each glyph of `text` in order: its sanitised UTF-8
    /// (valid only during the call) and its width in columns (1 or 2). `visit` returns false to stop.
    @inline(__always)
    static func forEach(_ text: UnsafeBufferPointer<UInt8>, _ visit: (UnsafeBufferPointer<UInt8>, Int) -> Bool) {
        let count = text.count
        guard let base = text.baseAddress else { return }
        var index = 0
        while index < count {
            let byte = text[index]
            let next = index + 1
            if isPrintableASCII(byte) && (next == count || isPrintableASCII(text[next])) {
                guard visit(UnsafeBufferPointer(start: base + index, count: 1), 1) else { return }
                index = next
                continue
            }
            // A stretch from here to the next place between two printable ASCII bytes.
            var end = next
            while end < count && !(isPrintableASCII(text[end - 1]) && isPrintableASCII(text[end])) { end += 1 }
            let stretch = String(decoding: UnsafeBufferPointer(start: base + index, count: end - index), as: UTF8.self)
            for glyph in GlyphSequence([StyledSpan(stretch)]) {
                var glyphText = glyph.text
                let going = glyphText.withUTF8 { visit($0, glyph.width) }
                guard going else { return }
            }
            index = end
        }
    }

    @inline(__always)
    static func isPrintableASCII(_ byte: UInt8) -> Bool { byte &- 0x20 < 0x5F }

    /// Whether a glyph's bytes are a place a line may break: `Glyph.isSpace`.
    @inline(__always)
    static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count == 1 { return bytes[0] == 0x20 }
        // U+3000 IDEOGRAPHIC SPACE
        return bytes.count == 3 && bytes[0] == 0xE3 && bytes[1] == 0x80 && bytes[2] == 0x80
    }
}
