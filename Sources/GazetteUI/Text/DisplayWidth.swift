/// The one place display width is computed: columns a grapheme cluster or string occupies.
///
/// A cluster takes the width of its base: East Asian Wide/Fullwidth and emoji presentation
/// are 2, everything else visible is 1; combining marks, joiners and variation selectors add
/// nothing. Control characters are 0 here — `TerminalSafeText` replaces them before drawing.
public enum DisplayWidth {
    /// Columns taken by one grapheme cluster: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        // ASCII fast path: one byte, printable.
        if let ascii = character.asciiValue {
            return (ascii >= 0x20 && ascii < 0x7F) ? 1 : 0
        }
        let scalars = character.unicodeScalars
        var base: Unicode.Scalar?
        var hasEmojiVariation = false
        var hasTextVariation = false
        for scalar in scalars {
            switch scalar.value {
            case 0xFE0F: hasEmojiVariation = true
            case 0xFE0E: hasTextVariation = true
            default:
                if base == nil, scalarWidth(scalar) > 0 { base = scalar }
            }
        }
        guard let base else { return 0 }
        let props = base.properties
        if hasEmojiVariation && props.isEmoji { return 2 }
        if props.isEmojiPresentation && !hasTextVariation { return 2 }
        // Regional indicators pair into flags; a lone one is still drawn as an emoji.
        if (0x1F1E6...0x1F1FF).contains(base.value) { return 2 }
        return EastAsianWidth.isWide(base.value) ? 2 : 1
    }

    /// Columns taken by a whole string.
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns one scalar takes on its own: 0 for controls, marks and zero-width formats.
    public static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }  // DEL and C1 controls
        if value == 0xAD { return 0 } // soft hyphen: a hint, never drawn mid-line
        // Hangul medial vowels and final consonants join the preceding initial.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if (0x200B...0x200F).contains(value) || value == 0xFEFF || (0x2060...0x2064).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark, .format, .control, .surrogate:
            return 0
        default:
            break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        return EastAsianWidth.isWide(value) ? 2 : 1
    }
}
