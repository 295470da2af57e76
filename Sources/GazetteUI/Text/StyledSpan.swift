/// A run of text drawn in one style.
public struct StyledSpan: Sendable, Equatable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One display line: styled spans whose total width fits the width it was laid out for.
public struct StyledLine: Sendable, Equatable {
    public var spans: [StyledSpan]

    public init(_ spans: [StyledSpan] = []) {
        self.spans = spans
    }

    public init(_ text: String, _ style: Style = .plain) {
        self.spans = text.isEmpty ? [] : [StyledSpan(text, style)]
    }

    /// The plain text of the line.
    public var text: String { spans.map(\.text).joined() }
    /// Display width of the line.
    public var width: Int { DisplayWidth.of(text) }
}

/// One grapheme cluster ready for a cell: sanitised text, its width (1 or 2) and style.
public struct Glyph: Sendable, Equatable {
    public var text: String
    public var width: Int
    public var style: Style

    public init(text: String, width: Int, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    /// Whether this glyph is a place a line may break (a space).
    var isSpace: Bool { text == " " || text == "\u{3000}" }

    /// Sanitises spans and splits them into glyphs; placeholders take the `.placeholder` role.
    ///
    /// Zero-width clusters (a stray combining mark, a lone joiner) are attached to the glyph
    /// before them, or shown on a dotted circle when nothing precedes them, so no text is lost
    /// and no cell is ever zero columns wide.
    public static func make(_ spans: [StyledSpan]) -> [Glyph] {
        Array(GlyphSequence(spans))
    }

    /// Glyphs of plain text in one style.
    public static func make(_ text: String, style: Style = .plain) -> [Glyph] {
        make([StyledSpan(text, style)])
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }

    /// Merges adjacent glyphs of the same style back into spans.
    static func spans(_ glyphs: some Sequence<Glyph>) -> [StyledSpan] {
        var result: [StyledSpan] = []
        for glyph in glyphs {
            if let last = result.last, last.style == glyph.style {
                result[result.count - 1].text += glyph.text
            } else {
                result.append(StyledSpan(glyph.text, glyph.style))
            }
        }
        return result
    }
}
