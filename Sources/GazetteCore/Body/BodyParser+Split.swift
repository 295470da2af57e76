/// Places where a body can be cut in two and each part parsed alone, so that a huge body is
/// parsed (and laid out) a piece at a time, only where the reader looks.
///
/// A cut at `s` is safe when the blocks of `bytes[..<s]` followed by those of `bytes[s...]` are
/// exactly the blocks of the whole, and the reader's separators between them are the same. That
/// holds at the start of a non-blank, unquoted line that is not a list item, preceded by one or
/// more whitespace-only lines and, before those, by an unquoted non-blank line, when no `--`
/// line sits among the 16 non-blank lines before the cut: the rules that look across a blank
/// line (a run's signature, a trailing attribution, the tight spacing of list items and of an
/// attribution above its quotation) then see the same lines in the part as in the whole.
extension BodyParser {
    /// The blocks of `body[range]`, parsed as if it were a whole body.
    public static func blocks(utf8 body: [UInt8], range: Range<Int>) -> [BodyBlock] {
        table(utf8: body, range: range).blocks
    }

    /// The first safe cut at or after `position` (`body.count` when there is none).
    public static func safeCut(in body: [UInt8], atOrAfter position: Int) -> Int {
        body.withUnsafeBufferPointer { safeCut(in: $0, atOrAfter: position) }
    }

    static func safeCut(in bytes: UnsafeBufferPointer<UInt8>, atOrAfter position: Int) -> Int {
        let count = bytes.count
        guard position > 0 else { return 0 }
        var start = position
        // To the start of a line.
        if bytes[start - 1] != 0x0A {
            while start < count, bytes[start] != 0x0A { start += 1 }
            start += 1
        }
        while start < count {
            let end = lineEnd(bytes, from: start)
            if isCut(bytes, at: start, lineEnd: end) { return start }
            start = end + 1
        }
        return count
    }

    /// Whether a cut at line start `start` (its line ending at `end`) is safe.
    private static func isCut(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, lineEnd end: Int) -> Bool {
        guard start > 0 else { return false }
        let line = BodyLine(bytes, from: start, to: end)
        guard !line.isBlank, line.level == 0 else { return false }
        guard LineTraits.listMarker(UnsafeBufferPointer(rebasing: bytes[line.textStart..<line.end])) == 0,
            !isSignatureDashes(bytes, line)
        else { return false }
        // Back over whitespace-only lines (at least one), then the unquoted text line before
        // them, then far enough for no signature line to be in reach.
        var cursor = start - 1  // the `\n` ending the previous line
        var blanks = 0
        var nonBlank = 0
        while cursor >= 0 {
            let from = lineStart(bytes, before: cursor)
            let previous = BodyLine(bytes, from: from, to: cursor)
            if previous.isBlank {
                // `>` alone is blank but quoted: a quotation's run ends right before the cut.
                if nonBlank == 0 {
                    guard previous.level == 0 else { return false }
                    blanks += 1
                }
            } else {
                if nonBlank == 0 {
                    guard blanks > 0, previous.level == 0 else { return false }
                }
                if isSignatureDashes(bytes, previous) { return false }
                nonBlank += 1
                if nonBlank > signatureLimit + 1 { return true }
            }
            cursor = from - 1
        }
        // Reached the top: fine once a text line was seen before the blank ones.
        return nonBlank > 0
    }

    /// Whether `line` is `--` (or `-- `), which may start a signature.
    private static func isSignatureDashes(_ bytes: UnsafeBufferPointer<UInt8>, _ line: BodyLine) -> Bool {
        line.indent == 0 && line.end - line.textStart == 2
            && bytes[line.textStart] == UInt8(ascii: "-") && bytes[line.textStart + 1] == UInt8(ascii: "-")
    }

    /// The index of the `\n` ending the line that starts at `from` (or the end of the bytes).
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var end = from
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        return end
    }

    /// The start of the line whose `\n` is at `newline` (or whose end is there).
    private static func lineStart(_ bytes: UnsafeBufferPointer<UInt8>, before newline: Int) -> Int {
        var from = newline
        while from > 0, bytes[from - 1] != 0x0A { from -= 1 }
        return from
    }
}
