import GazetteCore

extension BlockLayout {
    /// The text of `lines(table.blocks, leadInLength:)`, each line ended by `\n`, appended to
    /// `out` without building styled lines or a `String` per block (`gazette show`). Byte for
    /// byte the same: the differential tests compare the two. The lead-in paragraph (one per
    /// article), highlighted text and a table whose bytes are not well-formed UTF-8 (its texts
    /// are then repaired `String`s) take the styled path, whose text is the same by construction.
    func text(_ table: BlockTable, leadInLength: Int, into out: inout [UInt8]) {
        var bars = BarsText(layout: self)
        let styledOnly = highlighter != nil || !table.isWellFormedUTF8
        table.bytes.withUnsafeBufferPointer { bytes in
            var previous: BlockTable.Entry?
            for (index, entry) in table.entries.enumerated() {
                if previous == nil {
                    out.append(0x0A)
                } else if let previous, let separator = bars.separator(after: previous, before: entry) {
                    out.append(contentsOf: separator)
                    out.append(0x0A)
                }
                let leadIn = index == 0 && entry.level == 0 && entry.kind == .paragraph ? leadInLength : 0
                if leadIn > 0 || styledOnly {
                    let block = table.block(at: index)
                    for line in layOut(block, leadIn: Self.leadIn(leadInLength, block: block, at: index)) {
                        out.append(contentsOf: line.text.utf8)
                        out.append(0x0A)
                    }
                } else {
                    text(of: entry, in: table, bytes: bytes, bars: bars.bars(entry.level), into: &out)
                }
                previous = entry
            }
        }
    }

    /// The bars of each depth as text, made once per slot instead of once per block.
    private struct BarsText {
        let layout: BlockLayout
        private var levels: [BlockLayout.Frame?] = []
        private var separators: [[UInt8]?] = []

        init(layout: BlockLayout) { self.layout = layout }

        /// The frame of a paragraph at `level` (bars, their text, widths).
        mutating func bars(_ level: Int) -> BlockLayout.Frame {
            if level >= levels.count { levels += [BlockLayout.Frame?](repeating: nil, count: level + 1 - levels.count) }
            if let known = levels[level] { return known }
            let frame = layout.frame(BodyBlock(.paragraph, level: level, text: ""))
            levels[level] = frame
            return frame
        }

        /// `BlockLayout.separator` as text (nil: no line between the two blocks).
        mutating func separator(after previous: BlockTable.Entry, before block: BlockTable.Entry) -> [UInt8]? {
            let tight = (previous.kind == .attribution && block.level > previous.level)
                || (previous.kind == .listItem && block.kind == .listItem && previous.level == block.level)
            if tight { return nil }
            let level = min(previous.level, block.level)
            if level >= separators.count { separators += [[UInt8]?](repeating: nil, count: level + 1 - separators.count) }
            if let known = separators[level] { return known }
            let separator = layout.separator(
                after: BodyBlock(previous.kind, level: previous.level, lines: []), before: BodyBlock(block.kind, level: block.level, lines: []))
            let text = Array((separator ?? []).map(\.text).joined().utf8)
            separators[level] = text
            return text
        }
    }

    /// One block's lines as text (no lead-in, no highlighting), behind `frame`'s bars.
    private func text(
        of block: BlockTable.Entry, in table: BlockTable, bytes: UnsafeBufferPointer<UInt8>, bars frame: Frame, into out: inout [UInt8]
    ) {
        let bars = frame.barsText
        func line(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[table.lineRanges[index]]) }
        switch block.kind {
        case .paragraph, .attribution:
            PlainWrap.forEachLine(utf8: line(block.lines.lowerBound), width: frame.textWidth) { line in
                out.append(contentsOf: bars)
                out.append(contentsOf: line)
                out.append(0x0A)
            }
        case .listItem:
            // `ReaderDocument.hangingIndent`: the bullet before the first line, its width of
            // spaces before the rest, unless the column is too narrow for it.
            let marker = String(decoding: UnsafeBufferPointer(rebasing: bytes[block.marker]), as: UTF8.self)
            let bulletText = bullet(marker: marker, indent: block.indent, textWidth: frame.textWidth)
            let indent = DisplayWidth.of(bulletText)
            let hangs = frame.textWidth > indent + 1
            let bullet = Array(bulletText.utf8)
            var first = true
            PlainWrap.forEachLine(utf8: line(block.lines.lowerBound), width: hangs ? frame.textWidth - indent : frame.textWidth) { line in
                out.append(contentsOf: bars)
                if hangs {
                    if first { out.append(contentsOf: bullet) } else { out.append(contentsOf: repeatElement(0x20, count: indent)) }
                }
                first = false
                out.append(contentsOf: line)
                out.append(0x0A)
            }
        case .preformatted, .signature:
            for index in block.lines {
                out.append(contentsOf: bars)
                PlainWrap.clip(utf8: line(index), width: frame.verbatimWidth, into: &out)
                out.append(0x0A)
            }
        }
    }
}
