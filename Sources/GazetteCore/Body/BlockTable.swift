/// The blocks of a body as ranges of one byte buffer: what the parser builds, with no `String`
/// or array per block.
///
/// `gazette show` lays a huge body out from it as bytes; `blocks` makes the `BodyBlock`s the
/// reader and the JSON output use (each text the `String` of its bytes, invalid UTF-8 repaired).
public struct BlockTable: Sendable {
    /// One block: its kind, depth, list marker and indent, and which of `lineRanges` are its lines.
    public struct Entry: Sendable {
        public var kind: BodyBlock.Kind
        public var level: Int
        /// A list item's indentation in columns; 0 otherwise.
        public var indent: Int
        /// A list item's marker in `bytes` (empty for other kinds).
        public var marker: Range<Int>
        /// Indices in `lineRanges`: one for a flowing block (its joined text), one per line of a
        /// verbatim block.
        public var lines: Range<Int>
    }

    /// The blocks in order.
    public private(set) var entries: [Entry] = []
    /// Where each line of each block sits in `bytes`.
    public private(set) var lineRanges: [Range<Int>] = []
    /// Every block's text, one after the other.
    public private(set) var bytes: [UInt8] = []

    /// Number of blocks.
    public var count: Int { entries.count }

    /// The block at `index` as a `BodyBlock`.
    public func block(at index: Int) -> BodyBlock {
        let entry = entries[index]
        return bytes.withUnsafeBufferPointer { bytes in
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            return BodyBlock(
                entry.kind, level: entry.level, lines: lineRanges[entry.lines].map(string), marker: string(entry.marker),
                indent: entry.indent)
        }
    }

    /// Every block as a `BodyBlock`.
    public var blocks: [BodyBlock] { (0..<count).map(block(at:)) }

    /// Whether `bytes` are well-formed UTF-8, so that each text's bytes are exactly its `String`'s.
    public var isWellFormedUTF8: Bool { bytes.withUnsafeBufferPointer { UTF8Scan.isWellFormed($0) } }

    // MARK: - Building (`BlockBuilder`)

    /// Where the text being built starts: `bytes.count` until `endFlowing` or `endLine`.
    var textStart = 0

    /// Whether nothing was appended since `beginText`.
    var textIsEmpty: Bool { bytes.count == textStart }

    mutating func beginText() { textStart = bytes.count }

    /// Room for `count` bytes of text (about the body's size) and the blocks of `lines` source
    /// lines (a block or a line range takes at least one), so each buffer is allocated once.
    mutating func reserveCapacity(bytes count: Int, lines: Int) {
        bytes.reserveCapacity(count)
        lineRanges.reserveCapacity(lines)
        entries.reserveCapacity(lines)
    }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: text) }

    mutating func append(byte: UInt8) { bytes.append(byte) }

    /// Ends a verbatim line begun with `beginText`; returns it as a line range.
    mutating func endLine() -> Range<Int> {
        lineRanges.append(textStart..<bytes.count)
        return textStart..<bytes.count
    }

    /// Ends the flowing block begun with `beginText` (its marker already in `bytes` at `marker`).
    mutating func endFlowing(_ kind: BodyBlock.Kind, level: Int, marker: Range<Int> = 0..<0, indent: Int = 0) {
        lineRanges.append(textStart..<bytes.count)
        entries.append(Entry(kind: kind, level: level, indent: indent, marker: marker, lines: (lineRanges.count - 1)..<lineRanges.count))
    }

    /// A verbatim block of the last `lineCount` lines ended with `endLine`.
    mutating func endVerbatim(_ kind: BodyBlock.Kind, level: Int, lineCount: Int) {
        let end = lineRanges.count
        entries.append(Entry(kind: kind, level: level, indent: 0, marker: 0..<0, lines: (end - lineCount)..<end))
    }

    /// Adds the lines ended with `endLine` since the last block was made to it (a verbatim one).
    mutating func extendLast() {
        entries[entries.count - 1].lines = entries[entries.count - 1].lines.lowerBound..<lineRanges.count
    }

    /// The kind and level of the last block.
    var last: (kind: BodyBlock.Kind, level: Int)? { entries.last.map { ($0.kind, $0.level) } }
}
