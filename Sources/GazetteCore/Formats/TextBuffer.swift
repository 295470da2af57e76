import Foundation

/// UTF-8 text seen as bytes and lines, so parsers split and trim without walking `Character`s.
///
/// Only ever split at ASCII bytes, so every range stays on a scalar boundary.
struct TextBuffer {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Line ranges without the `\n`; a final `\n` does not start an extra empty line.
    let lines: [Range<Int>]

    init(_ bytes: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) {
        self.bytes = bytes
        self.lines = lines
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxLines: Int = .max) {
        self.bytes = bytes
        self.lines = Self.lines(of: bytes, maxLines: maxLines)
    }

    /// Line ranges without the `\n`; a final `\n` does not start an extra empty line.
    static func lines(of bytes: UnsafeBufferPointer<UInt8>, maxLines: Int = .max) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(min(maxLines, bytes.count / 48 + 4))
        var start = 0
        let count = bytes.count
        if let base = bytes.baseAddress {
            while start < count, lines.count < maxLines {
                let rest = count - start
                if let hit = memchr(base + start, 0x0A, rest) {
                    let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    lines.append(start..<end)
                    start = end + 1
                } else {
                    lines.append(start..<count)
                    start = count
                }
            }
        }
        return lines
    }

    /// Runs `body` over the UTF-8 of `text` without copying a native string.
    static func with<R>(_ text: String, maxLines: Int = .max, _ body: (TextBuffer) -> R) -> R {
        var text = text
        return text.withUTF8 { body(TextBuffer($0, maxLines: maxLines)) }
    }

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    /// One allocation and one copy; re-validating mostly-ASCII UTF-8 is a vectorised scan
    /// (cheaper than cutting substrings out of a `String`).
    func string(_ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { out in
            out.initialize(from: UnsafeBufferPointer(rebasing: bytes[range])).1
        }
    }

    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, Self.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, Self.isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    func trimmedString(_ range: Range<Int>) -> String { string(trimmed(range)) }

    func isBlank(_ range: Range<Int>) -> Bool { trimmed(range).isEmpty }

    /// Whether the bytes at `range` start with `prefix` (ASCII, case-insensitive when asked).
    func hasPrefix(_ range: Range<Int>, _ prefix: String, caseInsensitive: Bool = false) -> Bool {
        var index = range.lowerBound
        for expected in prefix.utf8 {
            guard index < range.upperBound else { return false }
            let actual = bytes[index]
            if actual != expected {
                guard caseInsensitive, Self.lowerASCII(actual) == Self.lowerASCII(expected) else { return false }
            }
            index += 1
        }
        return true
    }

    /// Offset of the first occurrence of `needle` (ASCII, exact) inside `range`.
    func find(_ needle: String, in range: Range<Int>) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, range.count >= pattern.count else { return nil }
        var index = range.lowerBound
        let last = range.upperBound - pattern.count
        while index <= last {
            if bytes[index] == first {
                var match = true
                for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] {
                    match = false
                    break
                }
                if match { return index }
            }
            index += 1
        }
        return nil
    }

    @inline(__always) static func lowerASCII(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }

    /// A body made of the lines in `lineIndices` as written (the `Article.bodyUTF8` contract):
    /// trailing whitespace trimmed, indentation kept, whitespace-only lines empty, leading and
    /// trailing blank lines dropped, form feeds opening a line made a paragraph break, lines
    /// separated by `\n`. Written straight into one buffer.
    func body(_ lineIndices: Range<Int>) -> [UInt8] {
        body(lineIndices, paragraphPerLine: false)
    }

    /// Every non-blank line trimmed and made a paragraph of its own (the blog dump), paragraphs
    /// separated by an empty line.
    func bodyOfLines(_ lineIndices: Range<Int>) -> [UInt8] {
        body(lineIndices, paragraphPerLine: true)
    }

    private func body(_ lineIndices: Range<Int>, paragraphPerLine: Bool) -> [UInt8] {
        guard !lineIndices.isEmpty else { return [] }
        let span = lines[lineIndices.upperBound - 1].upperBound - lines[lineIndices.lowerBound].lowerBound
        let capacity = span + (paragraphPerLine ? lineIndices.count : 0)
        guard capacity > 0, let source = bytes.baseAddress else { return [] }
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, initialized in
            let target = out.baseAddress!
            var count = 0
            var pendingBlank = 0
            for index in lineIndices {
                let line = lines[index]
                var range = paragraphPerLine ? trimmed(line) : line
                while range.upperBound > range.lowerBound, Self.isSpace(bytes[range.upperBound - 1]) {
                    range = range.lowerBound..<(range.upperBound - 1)
                }
                if range.isEmpty || (!paragraphPerLine && isBlank(range)) {
                    if count > 0 && !paragraphPerLine { pendingBlank += 1 }
                    continue
                }
                // A form feed opening a line (`^L` before a page's running head in RFCs and old
                // posts) is a page break: the paragraph ends there and the byte goes.
                if bytes[range.lowerBound] == 0x0C {
                    while range.lowerBound < range.upperBound, bytes[range.lowerBound] == 0x0C {
                        range = (range.lowerBound + 1)..<range.upperBound
                    }
                    if count > 0 { pendingBlank = max(pendingBlank, 1) }
                }
                if count > 0 {
                    target[count] = 0x0A
                    count += 1
                    if paragraphPerLine { pendingBlank = 1 }
                    for _ in 0..<pendingBlank {
                        target[count] = 0x0A
                        count += 1
                    }
                }
                pendingBlank = 0
                (target + count).initialize(from: source + range.lowerBound, count: range.count)
                count += range.count
            }
            initialized = count
        }
    }
}
