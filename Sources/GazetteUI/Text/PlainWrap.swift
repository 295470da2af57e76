/// `TextWrap` for plain text, as bytes: the same lines (same breaks, same trimmed spaces, same
/// placeholder for a glyph wider than the column), without a `Glyph`, a `Style` or a `String`
/// per character. `gazette show` streams a huge article through it; `TextWrap` stays the
/// reference the differential tests compare it with.
enum PlainWrap {
    /// One glyph of the line being built: where its bytes end in the line, its width, whether
    /// a line may break there.
    private struct Mark {
        var end: Int32
        var width: Int8
        var isSpace: Bool
    }

    /// A line under construction: its bytes and a mark per glyph.
    private struct Line {
        var bytes: [UInt8] = []
        var marks: [Mark] = []
        var width = 0

        var isEmpty: Bool { marks.isEmpty }

        mutating func append(_ glyph: UnsafeBufferPointer<UInt8>, width: Int, isSpace: Bool) {
            if glyph.count == 1 { bytes.append(glyph[0]) } else { bytes.append(contentsOf: glyph) }
            marks.append(Mark(end: Int32(bytes.count), width: Int8(width), isSpace: isSpace))
            self.width += width
        }

        /// Byte length of the first `count` glyphs, trailing spaces dropped.
        func trimmedLength(glyphs count: Int) -> Int {
            var end = count
            while end > 0 && marks[end - 1].isSpace { end -= 1 }
            return end > 0 ? Int(marks[end - 1].end) : 0
        }

        /// Keeps the glyphs from `start` on, minus leading spaces.
        mutating func dropFirst(_ start: Int) {
            var from = start
            while from < marks.count && marks[from].isSpace { from += 1 }
            let offset = from > 0 ? marks[from - 1].end : 0
            bytes.removeFirst(Int(offset))
            marks.removeFirst(from)
            width = 0
            for index in marks.indices {
                marks[index].end -= offset
                width += Int(marks[index].width)
            }
        }

        mutating func clear() {
            bytes.removeAll(keepingCapacity: true)
            marks.removeAll(keepingCapacity: true)
            width = 0
        }

        /// `TextWrap.lastBreak`: the last glyph index where a break is allowed before `next`.
        func lastBreak(nextWidth: Int) -> Int? {
            if let last = marks.last, last.isSpace || last.width == 2 || nextWidth == 2 { return marks.count }
            var index = marks.count - 1
            while index > 0 {
                let before = marks[index - 1]
                if before.isSpace || before.width == 2 || marks[index].width == 2 { return index }
                index -= 1
            }
            return nil
        }
    }

    private static let placeholder = Array(TextWrap.tooWidePlaceholder.utf8)

    /// Calls `body` with the bytes of each line of `text` wrapped to `width` columns, exactly as
    /// `TextWrap.wrap(text, width:)` would give them (an empty text is one empty line).
    static func forEachLine(_ text: String, width: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { forEachLine(utf8: $0, width: width, body) }
    }

    static func forEachLine(utf8 text: UnsafeBufferPointer<UInt8>, width: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard width > 0 else { return }
        if isPrintableASCII(text) { return forEachASCIILine(text, width: width, body) }
        var emitted = false
        var line = Line()
        line.bytes.reserveCapacity(4 * width + 16)
        line.marks.reserveCapacity(width + 1)

        func emit(glyphs count: Int) {
            let length = line.trimmedLength(glyphs: count)
            line.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<length])) }
            emitted = true
        }

        func add(_ glyph: UnsafeBufferPointer<UInt8>, _ glyphWidth: Int, _ isSpace: Bool) {
            if isSpace {
                if line.width + glyphWidth > width {
                    // The space itself is the break: end the line, drop the space.
                    emit(glyphs: line.marks.count)
                    line.clear()
                    return
                }
                if line.isEmpty && emitted { return }  // no leading space on wrapped lines
                line.append(glyph, width: glyphWidth, isSpace: true)
                return
            }
            while line.width + glyphWidth > width && !line.isEmpty {
                if let breakAt = line.lastBreak(nextWidth: glyphWidth), breakAt > 0 {
                    emit(glyphs: breakAt)
                    line.dropFirst(breakAt)
                } else {
                    emit(glyphs: line.marks.count)  // unbreakable: hard break at a character boundary
                    line.clear()
                }
            }
            line.append(glyph, width: glyphWidth, isSpace: false)
        }

        PlainGlyphs.forEach(text) { bytes, glyphWidth in
            if glyphWidth > width {
                placeholder.withUnsafeBufferPointer { add($0, 1, false) }
            } else {
                add(bytes, glyphWidth, PlainGlyphs.isSpace(bytes))
            }
            return true
        }
        if !line.isEmpty || !emitted { emit(glyphs: line.marks.count) }
    }

    /// Whether every byte is printable ASCII: one glyph, one column each, only 0x20 a space.
    static func isPrintableASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return true }
        // Eight bytes a step: a byte below 0x20 (`(x - 0x20…) & ~x` sets its high bit), or of
        // 0x7F and above (`(x + 1) | x` sets it), in any lane means not all printable.
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= text.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if ((word &- ones &* 0x20) & ~word | (word &+ ones) | word) & high != 0 { return false }
            index += 8
        }
        while index < text.count {
            if !PlainGlyphs.isPrintableASCII(text[index]) { return false }
            index += 1
        }
        return true
    }

    /// `forEachLine` for printable ASCII: the same steps with every glyph one byte and one
    /// column. Bytes are only dropped while the line is empty (a space that breaks it, leading
    /// spaces of a wrapped line), so a line is always a contiguous slice `start..<end` of the
    /// text and nothing is copied.
    private static func forEachASCIILine(_ text: UnsafeBufferPointer<UInt8>, width: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var emitted = false
        var start = 0, end = 0

        func emit(_ from: Int, _ to: Int) {
            var to = to
            while to > from && text[to - 1] == 0x20 { to -= 1 }
            body(UnsafeBufferPointer(rebasing: text[from..<to]))
            emitted = true
        }

        /// One non-space byte, as `TextWrap` takes a glyph.
        func addASCII(at index: Int) {
            while end - start + 1 > width && end > start {
                // `TextWrap.lastBreak`: after the last space of the line, if any.
                var breakAt = end
                if text[end - 1] != 0x20 {
                    breakAt = end - 1
                    while breakAt > start && text[breakAt - 1] != 0x20 { breakAt -= 1 }
                }
                if breakAt > start && breakAt < end {
                    emit(start, breakAt)
                    start = breakAt
                    while start < end && text[start] == 0x20 { start += 1 }
                } else {
                    emit(start, end)  // ends in a space, or unbreakable: a hard break
                    start = end
                }
            }
            if end == start { start = index }
            end = index + 1
        }

        var index = 0
        while index < text.count {
            if text[index] == 0x20 {
                if end - start + 1 > width {
                    // The space itself is the break: end the line, drop the space.
                    emit(start, end)
                    start = end
                } else if end > start || !emitted {
                    if end == start { start = index }
                    end = index + 1
                }
                index += 1
                continue
            }
            // A word that fits on the line is taken whole: byte by byte, each step below would
            // only move `end` (a non-empty line always ends right before `index`).
            var wordEnd = index + 1
            while wordEnd < text.count && text[wordEnd] != 0x20 { wordEnd += 1 }
            let lineStart = end == start ? index : start
            if wordEnd - lineStart <= width {
                start = lineStart
                end = wordEnd
                index = wordEnd
                continue
            }
            for byte in index..<wordEnd { addASCII(at: byte) }
            index = wordEnd
        }
        if end > start || !emitted { emit(start, end) }
    }

    /// `BlockLayout.clip` as bytes: `text` as one line of at most `width` columns, cut and ended
    /// with `→` when wider (a wide glyph split by the cut becomes a space).
    static func clip(_ text: String, width: Int, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { clip(utf8: $0, width: width, into: &out) }
    }

    /// `clip` of text given as well-formed UTF-8.
    static func clip(utf8: UnsafeBufferPointer<UInt8>, width: Int, into out: inout [UInt8]) {
        if isPrintableASCII(utf8) {
            // One column a byte: all of it, or the first width − 1 bytes and the marker.
            guard utf8.count > width else { return out.append(contentsOf: utf8) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[0..<(width - 1)]))
            return out.append(contentsOf: BlockLayout.clipMarker.utf8)
        }
        let start = out.count
        var widths: [Int] = []
        var ends: [Int] = []
        var used = 0
        var cut = false
        PlainGlyphs.forEach(utf8) { bytes, glyphWidth in
            if used + glyphWidth > width {
                cut = true
                return false
            }
            out.append(contentsOf: bytes)
            widths.append(glyphWidth)
            ends.append(out.count)
            used += glyphWidth
            return true
        }
        guard cut else { return }
        while used > width - 1, let last = widths.popLast() {
            used -= last
            ends.removeLast()
            out.removeSubrange((ends.last ?? start)...)
        }
        while used < width - 1 {
            out.append(0x20)
            used += 1
        }
        out.append(contentsOf: BlockLayout.clipMarker.utf8)
    }
}
