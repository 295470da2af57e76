/// One source line of a body, seen through its quotation marks: where its content starts and
/// ends in the body's bytes, its quotation depth and its indentation.
///
/// Everything here reads bytes (the marks, spaces and punctuation the rules look at are ASCII),
/// so classifying a line never builds a `String`.
struct BodyLine {
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
        (textStart, indent) = Self.leadingBlanks(bytes, from: index, to: end)
    }

    /// The first non-blank byte of `bytes[from..<to]` and the columns of blanks before it (tabs
    /// to 8-column stops).
    static func leadingBlanks(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> (textStart: Int, indent: Int) {
        var column = 0
        var cursor = from
        while cursor < end, isSpace(bytes[cursor]) {
            column = bytes[cursor] == 0x09 ? (column / 8 + 1) * 8 : column + 1
            cursor += 1
        }
        return (cursor, column)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}

/// What a line looks like, for the block rules: computed once per non-blank line.
struct LineTraits {
    /// Column gaps: a tab, or a run of 2+ spaces inside the text that does not just follow the
    /// end of a sentence (`end.  Next` is typewriter spacing, not a column).
    var gaps: Int = 0
    /// Columns where a field begins after a gap or ends before one (aligned tables share them):
    /// `edges[edgeStart..<edgeEnd]` of the pool the traits were made with, so that a line with
    /// gaps costs no array of its own.
    var edgeStart = 0
    var edgeEnd = 0
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

    /// The traits of `line`, its column edges appended to `edges`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ line: BodyLine, edges: inout [Int]) {
        edgeStart = edges.count
        let start = line.textStart, end = line.end
        var letters = 0, visible = 0, words = 0
        var column = line.indent
        var index = start
        var drawingBytes = 0
        var ruleOnly = true
        // Whether the text after the last gap is a number (a right-aligned column ends the line).
        var lastFieldNumeric = true
        var hasPlus = false
        let classes = Self.byteClasses
        if let plain = Self.plainCounts(bytes, from: start, to: end) {
            // No gap, no drawing (the first character starts no rule): the loop below would
            // only count these.
            letters = plain.letters
            visible = plain.visible
            words = plain.spaces + 1
            column += plain.visible + plain.spaces
            ruleOnly = false
            index = end
        }
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
                continue
            }
            // A word: the bytes up to the next space or tab, their flags combined in one pass
            // (one table look-up per byte instead of tests of ranges and lists).
            words += 1
            var all: UInt8 = 0xFF, any: UInt8 = 0
            var leads = 0
            repeat {
                let flags = classes[Int(bytes[index])]
                all &= flags
                any |= flags
                letters &+= Int(flags & Self.letterFlag)
                leads &+= Int((flags & Self.leadFlag) >> 4)
                if flags & Self.boxLeadFlag != 0, index + 1 < end, bytes[index + 1] == 0x94 || bytes[index + 1] == 0x95 {
                    drawingBytes += 1  // U+2500–U+257F, box drawing
                }
                index += 1
            } while index < end && classes[Int(bytes[index])] & Self.spaceFlag == 0
            column += leads
            visible += leads
            ruleOnly = ruleOnly && all & Self.ruleFlag != 0
            lastFieldNumeric = lastFieldNumeric && all & Self.numericFlag != 0
            hasPlus = hasPlus || any & Self.plusFlag != 0
        }
        if gaps > 0, lastFieldNumeric { edges.append(column) }
        edgeEnd = edges.count
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
    /// `12. `, `3) `, `a) `, `(b) `, and `[3] ` (a numbered reference: the link lists at the end
    /// of fetched items and of many posts); 0 when there is none (or nothing follows it).
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

    static let letterFlag: UInt8 = 1, ruleFlag: UInt8 = 2, numericFlag: UInt8 = 4, spaceFlag: UInt8 = 8
    /// A byte that starts a character (not a UTF-8 continuation byte): one column.
    static let leadFlag: UInt8 = 16
    static let plusFlag: UInt8 = 32
    /// 0xE2, the first byte of box drawing (U+2500–U+257F).
    static let boxLeadFlag: UInt8 = 64

    /// What `LineTraits` asks of each byte, as flags.
    static let byteClasses: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        var flags: UInt8 = 0
        if isLetter(byte) { flags |= letterFlag }
        if isRule(byte) { flags |= ruleFlag }
        if isNumeric(byte) { flags |= numericFlag }
        if byte == 0x20 || byte == 0x09 { flags |= spaceFlag }
        if byte & 0xC0 != 0x80 { flags |= leadFlag }
        if byte == UInt8(ascii: "+") { flags |= plusFlag }
        if byte == 0xE2 { flags |= boxLeadFlag }
        return flags
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
