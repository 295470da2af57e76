import GazetteCore

/// Lays out body blocks as reader lines: quotations behind one `│` bar per depth in cycling
/// colours, verbatim blocks as written and clipped with `→`, list items with a hanging indent,
/// the signature dimmed, attributions in their own style.
///
/// Depth is always shown by the bars, so colour is never the only signal (`NO_COLOR`,
/// monochrome terminals, `gazette show`).
struct BlockLayout {
    /// Width prose is wrapped to.
    var measure: Int
    /// Width a verbatim line may use before it is clipped (at least `measure`).
    var verbatimWidth: Int
    var highlighter: Highlighter?

    /// The quotation bar, one per depth.
    static let bar = "│"
    /// Marks the last column of a verbatim line cut at the pane's edge.
    static let clipMarker = "→"

    /// Lines for `blocks`, each block after a blank line (carrying the bars the two blocks share),
    /// except an attribution directly above its quotation and consecutive list items.
    func lines(_ blocks: [BodyBlock], leadInLength: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        var previous: BodyBlock?
        for (index, block) in blocks.enumerated() {
            if let separator = separator(after: previous, before: block) { lines.append(StyledLine(separator)) }
            lines += layOut(block, leadIn: Self.leadIn(leadInLength, block: block, at: index))
            previous = block
        }
        return lines
    }

    /// The line between `previous` and `block`: blank before the first block, else the bars the
    /// two share; nil for an attribution directly above its quotation and consecutive list items.
    func separator(after previous: BodyBlock?, before block: BodyBlock) -> [StyledSpan]? {
        guard let previous else { return [] }
        let tight = (previous.kind == .attribution && block.level > previous.level)
            || (previous.kind == .listItem && block.kind == .listItem && previous.level == block.level)
        if tight { return nil }
        // The shared bars, without the space after the last (no trailing blanks in `show`).
        var bars = prefix(min(previous.level, block.level))
        if let last = bars.indices.last, bars[last].text.hasSuffix(" ") { bars[last].text.removeLast() }
        return bars
    }

    /// The lead-in length block `index` is drawn with: the body's first unquoted paragraph only.
    static func leadIn(_ length: Int, block: BodyBlock, at index: Int) -> Int {
        index == 0 && block.level == 0 && block.kind == .paragraph ? length : 0
    }

    /// The bars for depth `level`: `│ ` per level, narrower (`│`) when that would take more
    /// than a third of the measure, and never more than half of it.
    func prefix(_ level: Int) -> [StyledSpan] {
        guard level > 0 else { return [] }
        let room = max(0, measure / 2)
        let spaced = 2 * level <= measure / 3
        var spans: [StyledSpan] = []
        var used = 0
        for depth in 1...level {
            let piece = spaced ? Self.bar + " " : Self.bar
            guard used + piece.count <= room else { break }
            spans.append(StyledSpan(piece, ReaderDocument.Styles.quote(depth)))
            used += piece.count
        }
        return spans
    }

    private func spans(_ text: String, _ style: Style) -> [StyledSpan] {
        Highlighting.spans(text, base: style, highlighter: highlighter)
    }

    /// The style of text at `level` in a block of `kind`.
    private func style(_ kind: BodyBlock.Kind, level: Int) -> Style {
        switch kind {
        case .attribution: return ReaderDocument.Styles.attribution
        case .preformatted: return ReaderDocument.Styles.preformatted
        case .signature: return ReaderDocument.Styles.signature
        case .paragraph, .listItem: return level > 0 ? ReaderDocument.Styles.quote(level) : ReaderDocument.Styles.body
        }
    }

    /// Where a block's text goes: its bars, the width left for wrapped text, a list item's
    /// bullet, and the width a verbatim line may take before it is clipped.
    struct Frame {
        var bars: [StyledSpan]
        var textWidth: Int
        var verbatimWidth: Int
        /// The bars' text, as bytes (for the plain-text layout).
        var barsText: [UInt8]
    }

    /// The frame of a block at `block.level` (the same for every kind).
    func frame(_ block: BodyBlock) -> Frame {
        let bars = prefix(block.level)
        let barsWidth = bars.reduce(0) { $0 + DisplayWidth.of($1.text) }
        return Frame(bars: bars, textWidth: max(1, measure - barsWidth), verbatimWidth: max(1, verbatimWidth - barsWidth),
                     barsText: Array(bars.map(\.text).joined().utf8))
    }

    /// A list item's bullet: its indent (at most a quarter of the text width), marker, a space.
    func bullet(_ block: BodyBlock, textWidth: Int) -> String {
        bullet(marker: block.marker, indent: block.indent, textWidth: textWidth)
    }

    func bullet(marker: String, indent: Int, textWidth: Int) -> String {
        String(repeating: " ", count: min(indent, textWidth / 4)) + marker + " "
    }

    func layOut(_ block: BodyBlock, leadIn: Int) -> [StyledLine] {
        let frame = frame(block)
        let bars = frame.bars
        let textWidth = frame.textWidth
        let base = style(block.kind, level: block.level)
        var body: [StyledLine]
        switch block.kind {
        case .paragraph, .attribution:
            let text = block.text
            var content = spans(text, base)
            if leadIn > 0 {
                let lead = String(text.prefix(leadIn))
                content = spans(lead, ReaderDocument.Styles.leadIn) + spans(String(text.dropFirst(leadIn)), base)
            }
            body = TextWrap.wrap(content, width: textWidth)
        case .listItem:
            body = ReaderDocument.hangingIndent(spans(block.text, base), bullet: bullet(block, textWidth: textWidth), width: textWidth)
        case .preformatted, .signature:
            body = block.lines.map { Self.clip(spans($0, base), width: frame.verbatimWidth) }
        }
        return body.map { StyledLine(bars + $0.spans) }
    }

    /// `spans` as one line of at most `width` columns: when wider, cut (a wide character split by
    /// the cut becomes a space) and ended with `→` in the last column.
    static func clip(_ spans: [StyledSpan], width: Int) -> StyledLine {
        // Lazily: a huge verbatim line costs only the columns shown.
        var kept: [Glyph] = []
        var used = 0
        var cut = false
        for glyph in GlyphSequence(spans) {
            if used + glyph.width > width {
                cut = true
                break
            }
            kept.append(glyph)
            used += glyph.width
        }
        guard cut else { return StyledLine(Glyph.spans(kept)) }
        while used > width - 1, let last = kept.popLast() { used -= last.width }
        while used < width - 1 {
            kept.append(Glyph(text: " ", width: 1, style: kept.last?.style ?? .plain))
            used += 1
        }
        kept.append(Glyph(text: clipMarker, width: 1, style: ReaderDocument.Styles.clipMarker))
        return StyledLine(Glyph.spans(kept))
    }
}
