@testable import GazetteCore

// The block parser as it was before the byte-range rewrite, kept verbatim (types renamed) as the
// oracle of `BodyParserDifferentialTests`: the fast parser must give exactly its blocks.

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
enum ReferenceBodyParser {
    /// Most non-blank lines a signature may have after its `-- ` line.
    static let signatureLimit = 15

    /// The blocks of `body`.
    static func blocks(_ body: String) -> [BodyBlock] {
        var copy = body
        return copy.withUTF8 { blocks(bytes: $0) }
    }

    /// The blocks of a body given as UTF-8 (`Article.bodyUTF8`).
    static func blocks(utf8 body: [UInt8]) -> [BodyBlock] {
        body.withUnsafeBufferPointer { blocks(bytes: $0) }
    }

    static func blocks(bytes: UnsafeBufferPointer<UInt8>) -> [BodyBlock] {
        var lines: [ReferenceBodyLine] = []
        var lineStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
            lines.append(ReferenceBodyLine(bytes, from: lineStart, to: index))
            lineStart = index + 1
        }
        var builder = ReferenceBlockBuilder(bytes: bytes)
        var runStart = 0
        while runStart < lines.count {
            var runEnd = runStart + 1
            while runEnd < lines.count, lines[runEnd].level == lines[runStart].level { runEnd += 1 }
            let nextDepth = nextQuotedDepth(lines, after: runEnd)
            builder.addRun(lines[runStart..<runEnd], deeperFollows: nextDepth > lines[runStart].level)
            runStart = runEnd
        }
        return builder.blocks
    }

    /// The depth of the next non-blank line at or after `index` (-1 at the end).
    private static func nextQuotedDepth(_ lines: [ReferenceBodyLine], after index: Int) -> Int {
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
struct ReferenceBlockBuilder {
    let bytes: UnsafeBufferPointer<UInt8>
    var blocks: [BodyBlock] = []
    /// Whether the last lines handled were kept verbatim, so the next verbatim lines join them.
    var lastWasVerbatimNeighbour = false

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// A run of lines at one quotation depth.
    mutating func addRun(_ run: ArraySlice<ReferenceBodyLine>, deeperFollows: Bool) {
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
    private func signatureStart(_ run: ArraySlice<ReferenceBodyLine>) -> Int? {
        var found: Int?
        var textLines = 0
        var index = run.endIndex - 1
        while index >= run.startIndex, textLines <= ReferenceBodyParser.signatureLimit {
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

    private mutating func addSignature(_ lines: ArraySlice<ReferenceBodyLine>, level: Int) {
        var end = lines.endIndex
        while end > lines.startIndex, lines[end - 1].isBlank { end -= 1 }
        var texts = ["-- "]
        for line in lines[(lines.startIndex + 1)..<end] { texts.append(verbatim(line)) }
        blocks.append(BodyBlock(.signature, level: level, lines: texts))
    }

    /// A stretch of non-blank lines: attributions are taken out, the rest goes to the layout rules.
    private mutating func addChunk(_ chunk: ArraySlice<ReferenceBodyLine>, level: Int, endsBeforeQuote: Bool) {
        var segmentStart = chunk.startIndex
        var index = chunk.startIndex
        while index < chunk.endIndex {
            let isLast = index == chunk.endIndex - 1
            let span = attributionSpan(chunk, at: index, lastBeforeQuote: isLast && endsBeforeQuote)
            if span > 0 {
                addSegment(chunk[segmentStart..<index], level: level)
                var text: [UInt8] = []
                for line in chunk[index..<(index + span)] { appendJoined(line, to: &text) }
                blocks.append(BodyBlock(.attribution, level: level, text: String(decoding: text, as: UTF8.self)))
                index += span
                segmentStart = index
            } else {
                index += 1
            }
        }
        addSegment(chunk[segmentStart..<chunk.endIndex], level: level)
    }

    /// How many lines from `index` form an attribution (0: none).
    private func attributionSpan(_ chunk: ArraySlice<ReferenceBodyLine>, at index: Int, lastBeforeQuote: Bool) -> Int {
        let line = chunk[index]
        guard line.indent <= 2 else { return 0 }
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
    func slice(_ line: ReferenceBodyLine) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[line.textStart..<line.end])
    }

    /// Appends the trimmed text of `line`, after a space when `text` is not empty.
    func appendJoined(_ line: ReferenceBodyLine, to text: inout [UInt8]) {
        guard !line.isBlank else { return }
        if !text.isEmpty { text.append(0x20) }
        text.append(contentsOf: slice(line))
    }

    /// The content of `line` as written (indentation kept), tabs expanded to 8-column stops.
    func verbatim(_ line: ReferenceBodyLine) -> String {
        let content = UnsafeBufferPointer(rebasing: bytes[line.start..<line.end])
        guard content.contains(0x09) else { return String(decoding: content, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(content.count + 16)
        var column = 0
        for byte in content {
            if byte == 0x09 {
                let next = (column / 8 + 1) * 8
                out.append(contentsOf: repeatElement(0x20, count: next - column))
                column = next
            } else {
                out.append(byte)
                if byte & 0xC0 != 0x80 { column += 1 }
            }
        }
        return String(decoding: out, as: UTF8.self)
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
        ReferenceLineTraits.contains(text, needle)
    }
}
