@testable import GazetteCore

/// One source line of a body, seen through its quotation marks: where its content starts and
/// ends in the body's bytes, its quotation depth and its indentation.
///
/// Everything here reads bytes (the marks, spaces and punctuation the rules look at are ASCII),
/// so classifying a line never builds a `String`.
struct ReferenceBodyLine {
    /// First byte after the quotation marks (and the one space after them).
    var start: Int
    /// End of the content, trailing whitespace excluded.
    var end: Int
    /// First non-blank byte of the content (`end` when the line is blank).
    var textStart: Int
    /// Number of `>` marks.
    var level: Int
    /// Columns of leading whitespace in the content (tabs to 8-column stops).
    var indent: Int

    var isBlank: Bool { textStart >= end }

    /// Reads the line `bytes[from..<to]` (no newline inside).
    init(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        var end = to
        while end > from, Self.isSpace(bytes[end - 1]) || bytes[end - 1] == 0x0D { end -= 1 }
        var index = from
        // Up to two spaces may precede the first mark (` > text` is still a quotation).
        var lead = index
        while lead < end, lead - from < 2, bytes[lead] == 0x20 { lead += 1 }
        var level = 0
        if lead < end, bytes[lead] == UInt8(ascii: ">") {
            index = lead
            while index < end, bytes[index] == UInt8(ascii: ">") {
                level += 1
                index += 1
                // `> > text`: one space between marks belongs to the marks.
                if index + 1 < end, bytes[index] == 0x20, bytes[index + 1] == UInt8(ascii: ">") { index += 1 }
            }
            if index < end, bytes[index] == 0x20 { index += 1 }
        }
        start = index
        self.end = end
        self.level = level
        var column = 0
        var cursor = index
        while cursor < end, Self.isSpace(bytes[cursor]) {
            column = bytes[cursor] == 0x09 ? (column / 8 + 1) * 8 : column + 1
            cursor += 1
        }
        textStart = cursor
        indent = column
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}

/// What a line looks like, for the block rules: computed once per non-blank line.
struct ReferenceLineTraits {
    /// Column gaps: a tab, or a run of 2+ spaces inside the text that does not just follow the
    /// end of a sentence (`end.  Next` is typewriter spacing, not a column).
    var gaps: Int = 0
    /// Columns where a field begins after a gap or ends before one: aligned tables share them.
    var edges: [Int] = []
    /// Box or rule drawing: `┌─┐│═`, `+---+`, `|` at both ends, a line of `-=_~*#+` only.
    var drawing = false
    /// Ends like code: `{`, `}`, `;`.
    var codeEnding = false
    /// Mostly letters, at least two words: reads as prose.
    var prose = false
    /// Ends a sentence: `.`, `!`, `?`, optionally followed by a closing quote or bracket.
    var sentenceEnd = false
    /// Content length in columns (UTF-8 lead bytes; close enough for the ratios used here).
    var length = 0
    /// A list marker's byte length (`- `, `1. `, `a) ` including the space), 0 when none.
    var listMarker = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ line: ReferenceBodyLine) {
        let start = line.textStart, end = line.end
        var letters = 0, visible = 0, words = 0
        var column = line.indent
        var index = start
        var inWord = false
        var drawingBytes = 0
        var ruleOnly = true
        // Whether the text after the last gap is a number (a right-aligned column ends the line).
        var lastFieldNumeric = true
        var hasPlus = false
        while index < end {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 {
                var runEnd = index
                var spaces = 0
                var hasTab = false
                var gapEnd = column
                while runEnd < end, bytes[runEnd] == 0x20 || bytes[runEnd] == 0x09 {
                    if bytes[runEnd] == 0x09 { hasTab = true; gapEnd = (gapEnd / 8 + 1) * 8 } else { gapEnd += 1 }
                    spaces += 1
                    runEnd += 1
                }
                if hasTab || spaces >= 2 {
                    let previous = bytes[index - 1]
                    let afterSentence = !hasTab && spaces == 2 && Self.endsSentence(previous)
                    if !afterSentence {
                        gaps += 1
                        edges.append(column)
                        edges.append(gapEnd)
                        lastFieldNumeric = true
                    }
                }
                column = gapEnd
                index = runEnd
                inWord = false
                continue
            }
            if byte & 0xC0 != 0x80 {
                column += 1
                visible += 1
            }
            if !inWord { words += 1; inWord = true }
            if Self.isLetter(byte) { letters += 1 }
            if byte == 0xE2, index + 1 < end, bytes[index + 1] == 0x94 || bytes[index + 1] == 0x95 {
                drawingBytes += 1  // U+2500–U+257F, box drawing
            }
            if !Self.isRule(byte) { ruleOnly = false }
            if !Self.isNumeric(byte) { lastFieldNumeric = false }
            if byte == UInt8(ascii: "+") { hasPlus = true }
            index += 1
        }
        if gaps > 0, lastFieldNumeric { edges.append(column) }
        length = column - line.indent
        let first = bytes[start]
        let last = bytes[end - 1]
        let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
        drawing = drawingBytes > 0
            || (ruleOnly && visible >= 4)
            || (hasPlus && (Self.contains(text, "+--") || Self.contains(text, "--+") || Self.contains(text, "+==")))
            || (first == UInt8(ascii: "|") && last == UInt8(ascii: "|") && visible >= 3)
        codeEnding = last == UInt8(ascii: "{") || last == UInt8(ascii: "}") || last == UInt8(ascii: ";")
        prose = words >= 2 && visible > 0 && letters * 10 >= visible * 6 && !codeEnding
        var closing = end - 1
        while closing > start, Self.isClosing(bytes[closing]) { closing -= 1 }
        sentenceEnd = Self.endsSentence(bytes[closing]) && bytes[closing] != UInt8(ascii: ":")
        listMarker = Self.listMarker(text)
    }

    /// Bytes of a list marker at the start of `text` including its space: `- `, `* `, `• `,
    /// `12. `, `3) `, `a) `, `(b) `; 0 when there is none (or nothing follows it).
    static func listMarker(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        let count = text.count
        guard count >= 3 else { return 0 }
        func spaceThenText(_ at: Int) -> Int { at + 1 < count && text[at] == 0x20 && text[at + 1] != 0x20 ? at + 1 : 0 }
        let first = text[0]
        if first == UInt8(ascii: "[") {
            var index = 1
            while index < count, index <= 4, (0x30...0x39).contains(text[index]) { index += 1 }
            guard index > 1, index < count, text[index] == UInt8(ascii: "]") else { return 0 }
            return spaceThenText(index + 1)
        }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") { return spaceThenText(1) }
        if first == 0xE2, count > 4, text[1] == 0x80, text[2] == 0xA2 { return spaceThenText(3) }  // •
        var index = 0
        if first == UInt8(ascii: "(") { index = 1 }
        let digitsStart = index
        while index < count, index - digitsStart < 3, (0x30...0x39).contains(text[index]) { index += 1 }
        if index > digitsStart {
            guard index < count else { return 0 }
            let mark = text[index]
            if mark == UInt8(ascii: ")") || (mark == UInt8(ascii: ".") && first != UInt8(ascii: "(")) { return spaceThenText(index + 1) }
            return 0
        }
        // One lower-case letter and `)`: `a)`, `(b)`. (`A.` would catch initials: `A. Smith said`.)
        if index < count, (0x61...0x7A).contains(text[index]), index + 1 < count, text[index + 1] == UInt8(ascii: ")") {
            return spaceThenText(index + 2)
        }
        return 0
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
    }

    /// Digits and what figures carry: `1,204.5`, `12%`, `$3`, `-4`, `(9)`.
    static func isNumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "%"), UInt8(ascii: "$"),
             UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    static func endsSentence(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ":")
    }

    static func isClosing(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]")
    }

    static func isRule(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "*"),
             UInt8(ascii: "#"), UInt8(ascii: "+"), UInt8(ascii: "|"):
            return true
        default:
            return false
        }
    }

    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard text.count >= count else { return false }
        return needle.withUTF8Buffer { pattern in
            var index = 0
            while index + count <= text.count {
                if text[index] == pattern[0] {
                    var matched = true
                    for offset in 1..<count where text[index + offset] != pattern[offset] {
                        matched = false
                        break
                    }
                    if matched { return true }
                }
                index += 1
            }
            return false
        }
    }
}
