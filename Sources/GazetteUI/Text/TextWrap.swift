/// Wraps a paragraph to a width in display columns, keeping span styles.
///
/// Breaks at spaces and between wide (CJK) characters; a word longer than the width is broken
/// at character boundaries. A wide character that cannot fit at all (width 1) is replaced by a
/// one-column placeholder, so wrapping always terminates and no line exceeds the width.
public enum TextWrap {
    /// Shown instead of a glyph wider than the whole column.
    public static let tooWidePlaceholder = "\u{2370}"

    /// Lines of `spans` wrapped to `width` columns; an empty paragraph is one empty line.
    public static func wrap(_ spans: [StyledSpan], width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        forEachLine(GlyphSequence(spans), width: width) { lines.append(StyledLine(Glyph.spans($0))) }
        return lines
    }

    /// Plain text wrapped to `width` columns.
    public static func wrap(_ text: String, width: Int, style: Style = .plain) -> [StyledLine] {
        wrap([StyledSpan(text, style)], width: width)
    }

    /// Glyphs to lines of glyphs.
    public static func wrapGlyphs(_ glyphs: some Sequence<Glyph>, width: Int) -> [[Glyph]] {
        var lines: [[Glyph]] = []
        forEachLine(glyphs, width: width) { lines.append($0) }
        return lines
    }

    /// The core: hands each finished line to `body`, so a huge paragraph is never held as glyphs.
    static func forEachLine(_ glyphs: some Sequence<Glyph>, width: Int, _ body: ([Glyph]) -> Void) {
        guard width > 0 else { return }
        var emitted = false
        var line: [Glyph] = []
        var lineWidth = 0

        func emit(_ glyphs: ArraySlice<Glyph>) {
            var end = glyphs.endIndex
            while end > glyphs.startIndex, glyphs[end - 1].isSpace { end -= 1 }
            body(Array(glyphs[glyphs.startIndex..<end]))
            emitted = true
        }

        for var glyph in glyphs {
            if glyph.width > width {
                glyph = Glyph(text: tooWidePlaceholder, width: 1, style: Style(.placeholder))
            }
            if glyph.isSpace {
                if lineWidth + glyph.width > width {
                    // The space itself is the break: end the line, drop the space.
                    emit(line[...])
                    line = []
                    lineWidth = 0
                    continue
                }
                if line.isEmpty && emitted { continue }  // no leading space on wrapped lines
                line.append(glyph)
                lineWidth += glyph.width
                continue
            }
            while lineWidth + glyph.width > width && !line.isEmpty {
                let breakAt = lastBreak(in: line, before: glyph)
                if let breakAt, breakAt > 0 {
                    emit(line[..<breakAt])
                    var carry = Array(line[breakAt...])
                    while let first = carry.first, first.isSpace { carry.removeFirst() }
                    line = carry
                } else {
                    emit(line[...])  // unbreakable: hard break at a character boundary
                    line = []
                }
                lineWidth = line.reduce(0) { $0 + $1.width }
            }
            line.append(glyph)
            lineWidth += glyph.width
        }
        if !line.isEmpty || !emitted { emit(line[...]) }
    }

    /// The last index `i` in `line` (or `line.count`, before `next`) where a break is allowed
    /// between `line[i-1]` and `line[i]`: after a space, or on either side of a wide glyph.
    static func lastBreak(in line: [Glyph], before next: Glyph) -> Int? {
        if let last = line.last, last.isSpace || last.width == 2 || next.width == 2 { return line.count }
        var index = line.count - 1
        while index > 0 {
            let before = line[index - 1]
            let after = line[index]
            if before.isSpace || before.width == 2 || after.width == 2 { return index }
            index -= 1
        }
        return nil
    }
}
