import GazetteCore

extension BlockLayout {
    /// The text of `lines(blocks, leadInLength:)`, each line ended by `\n`, appended to `out`
    /// without building styled lines (`gazette show`). Byte for byte the same: the differential
    /// tests compare the two. The lead-in paragraph (one per article) and highlighted text take
    /// the styled path, whose text is the same by construction.
    func text(_ blocks: [BodyBlock], leadInLength: Int, into out: inout [UInt8]) {
        var previous: BodyBlock?
        for (index, block) in blocks.enumerated() {
            if let separator = separator(after: previous, before: block) {
                for span in separator { out.append(contentsOf: span.text.utf8) }
                out.append(0x0A)
            }
            let leadIn = Self.leadIn(leadInLength, block: block, at: index)
            if leadIn > 0 || highlighter != nil {
                for line in layOut(block, leadIn: leadIn) {
                    out.append(contentsOf: line.text.utf8)
                    out.append(0x0A)
                }
            } else {
                text(of: block, into: &out)
            }
            previous = block
        }
    }

    /// One block's lines as text (no lead-in, no highlighting).
    private func text(of block: BodyBlock, into out: inout [UInt8]) {
        let frame = frame(block)
        let bars = Array(frame.bars.map(\.text).joined().utf8)
        switch block.kind {
        case .paragraph, .attribution:
            PlainWrap.forEachLine(block.text, width: frame.textWidth) { line in
                out.append(contentsOf: bars)
                out.append(contentsOf: line)
                out.append(0x0A)
            }
        case .listItem:
            // `ReaderDocument.hangingIndent`: the bullet before the first line, its width of
            // spaces before the rest, unless the column is too narrow for it.
            let indent = DisplayWidth.of(frame.bullet)
            let hangs = frame.textWidth > indent + 1
            let bullet = Array(frame.bullet.utf8)
            var first = true
            PlainWrap.forEachLine(block.text, width: hangs ? frame.textWidth - indent : frame.textWidth) { line in
                out.append(contentsOf: bars)
                if hangs {
                    if first { out.append(contentsOf: bullet) } else { out.append(contentsOf: repeatElement(0x20, count: indent)) }
                }
                first = false
                out.append(contentsOf: line)
                out.append(0x0A)
            }
        case .preformatted, .signature:
            for line in block.lines {
                out.append(contentsOf: bars)
                PlainWrap.clip(line, width: frame.verbatimWidth, into: &out)
                out.append(0x0A)
            }
        }
    }
}
