import Foundation

/// Splits an article body (its source lines, separated by `\n`) into blocks: paragraphs,
/// quotations with their depth, attributions, preformatted blocks, list items and a signature.
///
/// One pass over the lines and one over each stretch between blank lines: linear in the size of
/// the body, and no `String` is built for a line until its block is emitted. The rules, in order
/// (README, "How bodies are shown"):
/// 1. Lines starting with `>` marks are quoted at the depth of their marks (`> >`, `>>`); the
///    rules below apply inside each quotation as outside it.
/// 2. A line `--` (or `-- `) starts the signature when at most 15 non-blank lines follow it.
/// 3. `In article <…> X writes:`, `On … X wrote:`, and a last line ending in `writes:`/`wrote:`
///    just before deeper quotation, are attributions.
/// 4. Lines with aligned column gaps, box or rule drawing are preformatted (tables, calendars).
/// 5. An indented stretch that does not read as prose is preformatted (code, poems, layouts);
///    a line indented after prose starts a new paragraph (wire style); list markers start items.
/// 6. Everything else is a paragraph: its lines joined with single spaces.
public enum BodyParser {
    /// Most non-blank lines a signature may have after its `-- ` line.
    static let signatureLimit = 15

    /// The blocks of `body`.
    public static func blocks(_ body: String) -> [BodyBlock] {
        var copy = body
        return copy.withUTF8 { table(bytes: $0).blocks }
    }

    /// The blocks of a body given as UTF-8 (`Article.bodyUTF8`).
    public static func blocks(utf8 body: [UInt8]) -> [BodyBlock] {
        body.withUnsafeBufferPointer { table(bytes: $0).blocks }
    }

    /// The blocks of `body[range]` (parsed as if it were a whole body) as byte ranges, with no
    /// `String` per block: `gazette show`'s plain-text layout reads them as bytes.
    public static func table(utf8 body: [UInt8], range: Range<Int>) -> BlockTable {
        body.withUnsafeBufferPointer { table(bytes: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    static func table(bytes: UnsafeBufferPointer<UInt8>) -> BlockTable {
        // Sized once from a count of the newlines: growing these arrays (and the table's) by
        // doubling copied them and touched fresh pages on every slot of a huge body.
        var newlines = 0
        if var cursor = bytes.baseAddress {
            let end = cursor + bytes.count
            while cursor < end, let newline = memchr(cursor, 0x0A, cursor.distance(to: end)) {
                newlines += 1
                cursor = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) + 1
            }
        }
        var lines: [BodyLine] = []
        lines.reserveCapacity(newlines + 1)
        var lineStart = 0
        while true {
            var lineEnd = bytes.count
            if lineStart < bytes.count, let base = bytes.baseAddress, let newline = memchr(base + lineStart, 0x0A, bytes.count - lineStart) {
                lineEnd = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            }
            lines.append(BodyLine(bytes, from: lineStart, to: lineEnd))
            if lineEnd == bytes.count { break }
            lineStart = lineEnd + 1
        }
        var builder = BlockBuilder(bytes: bytes)
        builder.table.reserveCapacity(bytes: bytes.count + bytes.count / 8, lines: newlines + 2)
        // Encoded files and PGP armor: each one line instead of paragraphs of noise.
        let replacements = EncodedBlocks.find(&lines, bytes: bytes)
        var done = 0
        for replacement in replacements {
            addRuns(lines, done..<replacement.lines.lowerBound, to: &builder)
            let level = lines[replacement.lines.lowerBound].level
            if replacement.verbatim {
                builder.addPreformatted(lines[replacement.lines], level: level)
            } else if let summary = replacement.summary {
                builder.addSummary(summary, level: level)
            }
            done = replacement.lines.upperBound
        }
        addRuns(lines, done..<lines.count, to: &builder)
        return builder.table
    }

    /// The blocks of `lines[range]`, a run of lines at one depth at a time.
    private static func addRuns(_ lines: [BodyLine], _ range: Range<Int>, to builder: inout BlockBuilder) {
        var runStart = range.lowerBound
        while runStart < range.upperBound {
            var runEnd = runStart + 1
            while runEnd < range.upperBound, lines[runEnd].level == lines[runStart].level { runEnd += 1 }
            let nextDepth = nextQuotedDepth(lines, after: runEnd)
            builder.addRun(lines[runStart..<runEnd], deeperFollows: nextDepth > lines[runStart].level)
            runStart = runEnd
        }
    }

    /// The depth of the next non-blank line at or after `index` (-1 at the end).
    private static func nextQuotedDepth(_ lines: [BodyLine], after index: Int) -> Int {
        var cursor = index
        // Only a few blank lines are looked through: the attribution rule wants "just before".
        while cursor < lines.count, cursor < index + 3 {
            if !lines[cursor].isBlank { return lines[cursor].level }
            cursor += 1
        }
        return -1
    }
}

/// Collects blocks while the parser walks a body.
struct BlockBuilder {
    let bytes: UnsafeBufferPointer<UInt8>
    var table = BlockTable()
    /// Whether the last lines handled were kept verbatim, so the next verbatim lines join them.
    var lastWasVerbatimNeighbour = false
    /// Scratch buffers kept from segment to segment: each line's traits and their column edges.
    var traitsBuffer: [LineTraits] = []
    var edgesBuffer: [Int] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// One line standing for lines not shown (`[Attachment: logo.jpg, uuencoded, 14 KB]`).
    mutating func addSummary(_ summary: String, level: Int) {
        lastWasVerbatimNeighbour = false
        table.beginText()
        for byte in summary.utf8 { table.append(byte: byte) }
        table.endFlowing(.paragraph, level: level)
    }

    /// A run of lines at one quotation depth.
    mutating func addRun(_ run: ArraySlice<BodyLine>, deeperFollows: Bool) {
        let level = run.first?.level ?? 0
        let signature = signatureStart(run)
        let content = run[run.startIndex..<(signature ?? run.endIndex)]
        // The last non-blank line of the content is where a trailing attribution may sit.
        var lastText = content.endIndex - 1
        while lastText >= content.startIndex, content[lastText].isBlank { lastText -= 1 }
        var chunkStart = content.startIndex
        while chunkStart < content.endIndex {
            if content[chunkStart].isBlank {
                chunkStart += 1
                continue
            }
            var chunkEnd = chunkStart + 1
            while chunkEnd < content.endIndex, !content[chunkEnd].isBlank { chunkEnd += 1 }
            addChunk(content[chunkStart..<chunkEnd], level: level, endsBeforeQuote: deeperFollows && chunkEnd - 1 == lastText)
            chunkStart = chunkEnd
        }
        if let signature { addSignature(run[signature..<run.endIndex], level: level) }
    }

    /// Index of the `-- ` line that starts the signature, if any.
    private func signatureStart(_ run: ArraySlice<BodyLine>) -> Int? {
        var found: Int?
        var textLines = 0
        var index = run.endIndex - 1
        while index >= run.startIndex, textLines <= BodyParser.signatureLimit {
            let line = run[index]
            if line.indent == 0, line.end - line.textStart == 2,
                bytes[line.textStart] == UInt8(ascii: "-"), bytes[line.textStart + 1] == UInt8(ascii: "-")
            {
                found = index
            } else if !line.isBlank {
                textLines += 1
            }
            index -= 1
        }
        return found
    }

    private mutating func addSignature(_ lines: ArraySlice<BodyLine>, level: Int) {
        var end = lines.endIndex
        while end > lines.startIndex, lines[end - 1].isBlank { end -= 1 }
        table.beginText()
        for byte in "-- ".utf8 { table.append(byte: byte) }
        _ = table.endLine()
        for line in lines[(lines.startIndex + 1)..<end] { appendVerbatim(line) }
        table.endVerbatim(.signature, level: level, lineCount: end - lines.startIndex)
    }

    /// A stretch of non-blank lines: attributions are taken out, the rest goes to the layout rules.
    private mutating func addChunk(_ chunk: ArraySlice<BodyLine>, level: Int, endsBeforeQuote: Bool) {
        var segmentStart = chunk.startIndex
        var index = chunk.startIndex
        while index < chunk.endIndex {
            let isLast = index == chunk.endIndex - 1
            let span = attributionSpan(chunk, at: index, lastBeforeQuote: isLast && endsBeforeQuote)
            if span > 0 {
                addSegment(chunk[segmentStart..<index], level: level)
                table.beginText()
                for line in chunk[index..<(index + span)] { appendJoined(line) }
                table.endFlowing(.attribution, level: level)
                index += span
                segmentStart = index
            } else {
                index += 1
            }
        }
        addSegment(chunk[segmentStart..<chunk.endIndex], level: level)
    }

    /// How many lines from `index` form an attribution (0: none).
    private func attributionSpan(_ chunk: ArraySlice<BodyLine>, at index: Int, lastBeforeQuote: Bool) -> Int {
        let line = chunk[index]
        guard line.indent <= 2 else { return 0 }
        // Every rule below needs `I…`, `O…` or a last line ending in `:` (most lines have none).
        let first = bytes[line.textStart]
        guard first == UInt8(ascii: "I") || first == UInt8(ascii: "O") || (lastBeforeQuote && bytes[line.end - 1] == UInt8(ascii: ":"))
        else { return 0 }
        let text = slice(line)
        let length = line.end - line.textStart
        let introduces = Self.endsWith(text, "writes:") || Self.endsWith(text, "wrote:")
            || Self.endsWith(text, "said:") || Self.endsWith(text, "says:")
        if Self.startsWith(text, "In article") || Self.startsWith(text, "In message") || Self.startsWith(text, "In <") {
            if text[text.count - 1] == UInt8(ascii: ":") { return 1 }
            // `In article <…> jdoe@foo.edu (John Doe)` / `writes:` on the next line.
            if index + 1 < chunk.endIndex {
                let next = slice(chunk[index + 1])
                if next.count <= 60, next[next.count - 1] == UInt8(ascii: ":") { return 2 }
            }
            return Self.contains(text, "writes") || Self.contains(text, "wrote") ? 1 : 0
        }
        if Self.startsWith(text, "On "), length <= 240 {
            if introduces { return 1 }
            if index + 1 < chunk.endIndex {
                let next = slice(chunk[index + 1])
                if next.count <= 40, Self.endsWith(next, "wrote:") || Self.endsWith(next, "writes:") { return 2 }
            }
        }
        if lastBeforeQuote, introduces, length <= 160 { return 1 }
        return 0
    }

    // MARK: - Text

    /// The content bytes of `line` from its first non-blank character.
    func slice(_ line: BodyLine) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[line.textStart..<line.end])
    }

    /// Appends the trimmed text of `line` to the text being built, after a space when it is not empty.
    mutating func appendJoined(_ line: BodyLine) {
        guard !line.isBlank else { return }
        if !table.textIsEmpty { table.append(byte: 0x20) }
        table.append(slice(line))
    }

    /// Appends the content of `line` as written (indentation kept), tabs expanded to 8-column
    /// stops, as one verbatim line.
    mutating func appendVerbatim(_ line: BodyLine) {
        table.beginText()
        let content = UnsafeBufferPointer(rebasing: bytes[line.start..<line.end])
        if content.isEmpty || memchr(content.baseAddress!, 0x09, content.count) == nil {
            table.append(content)
        } else {
            var column = 0
            for byte in content {
                if byte == 0x09 {
                    let next = (column / 8 + 1) * 8
                    for _ in column..<next { table.append(byte: 0x20) }
                    column = next
                } else {
                    table.append(byte: byte)
                    if byte & 0xC0 != 0x80 { column += 1 }
                }
            }
        }
        _ = table.endLine()
    }

    static func startsWith(_ text: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { pattern in
            text.count >= pattern.count && zip(text, pattern).allSatisfy { $0 == $1 }
        }
    }

    static func endsWith(_ text: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { pattern in
            text.count >= pattern.count && zip(text[(text.count - pattern.count)...], pattern).allSatisfy { $0 == $1 }
        }
    }

    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        LineTraits.contains(text, needle)
    }
}
