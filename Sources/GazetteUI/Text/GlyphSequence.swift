/// Glyphs of styled spans produced one at a time, so wrapping a huge paragraph never holds a
/// glyph per character in memory. Same rules as `Glyph.make`.
public struct GlyphSequence: Sequence {
    public let spans: [StyledSpan]

    public init(_ spans: [StyledSpan]) {
        self.spans = spans
    }

    public func makeIterator() -> Iterator { Iterator(spans: spans) }

    /// Walks spans → safe/placeholder segments → characters, holding back one glyph so that
    /// zero-width clusters after it can be attached.
    public struct Iterator: IteratorProtocol {
        private var spans: IndexingIterator<[StyledSpan]>
        private var segments = [TerminalSafeText.Segment]().makeIterator()
        private var characters = "".makeIterator()
        private var spanStyle = Style.plain
        private var style = Style.plain
        private var pending: Glyph?

        init(spans: [StyledSpan]) {
            self.spans = spans.makeIterator()
        }

        private mutating func nextCharacter() -> Character? {
            while true {
                if let character = characters.next() { return character }
                if let segment = segments.next() {
                    style = spanStyle
                    if segment.isPlaceholder { style.role = .placeholder }
                    characters = segment.text.makeIterator()
                    continue
                }
                guard let span = spans.next() else { return nil }
                spanStyle = span.style
                segments = TerminalSafeText.segments(span.text).makeIterator()
            }
        }

        public mutating func next() -> Glyph? {
            while let character = nextCharacter() {
                let width = DisplayWidth.of(character)
                if width > 0 {
                    let ready = pending
                    pending = Glyph(text: String(character), width: width, style: style)
                    if let ready { return ready }
                } else if pending != nil {
                    pending!.text += String(character)
                } else if character.unicodeScalars.contains(where: Glyph.isMark) {
                    pending = Glyph(text: "\u{25CC}" + String(character), width: 1, style: style)
                }
            }
            defer { pending = nil }
            return pending
        }
    }
}
