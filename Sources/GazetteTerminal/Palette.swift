import CNcursesw
import GazetteUI

/// The ncurses attributes and colour pair for one cell.
struct CellAttributes: Hashable, Sendable {
    var attrs: attr_t
    var pair: Int16
}

/// Maps `Style` (role + flags) to ncurses attributes with a `Theme`, in colour or monochrome.
///
/// Colours sit on the terminal's default background (pair colours use -1) unless the theme
/// names a background, so light and dark terminals both keep their own. The colours
/// themselves are data in the theme; this only turns them into pairs and attributes.
struct Palette: Sendable {
    /// A colour pair to register with `init_pair` before drawing.
    struct Pair: Equatable, Sendable {
        var number: Int16
        /// A palette index, or with direct colour `0xRRGGBB` (below 8: the terminal's own colours).
        var foreground: Int32
        var background: Int32
    }

    let usesColor: Bool
    let pairs: [Pair]
    private let table: [CellAttributes]

    /// Builds the palette for `theme` on a terminal with `colorCount` colours (ncurses' `COLORS`);
    /// without colour (`color` false, or a monochrome theme) the mono theme's attributes are used.
    /// `trueColor` (COLORTERM=truecolor or 24bit, and a terminfo entry with direct colour, so
    /// that `COLORS` is 2^24) draws `#rrggbb` exactly; otherwise as the nearest of 256.
    init(theme: Theme = .default, color: Bool, colorCount: Int, trueColor: Bool = false) {
        let direct = trueColor && colorCount >= 1 << 24
        let colored = color && !theme.isMonochrome
        let theme = colored ? theme : (theme.isMonochrome ? theme : .mono)
        usesColor = colored
        var pairs: [Pair] = []
        var roleLooks: [CellAttributes] = []
        for role in ColorRole.allCases {
            let look = theme.look(for: role, colorCount: colorCount)
            var pair: Int16 = 0
            let foreground = colored ? look.foreground.map { Palette.number($0, direct: direct, colorCount: colorCount) } : nil
            let background = colored ? look.background.map { Palette.number($0, direct: direct, colorCount: colorCount) } : nil
            if foreground != nil || background != nil {
                pair = Int16(pairs.count + 1)
                pairs.append(Pair(number: pair, foreground: foreground ?? -1, background: background ?? -1))
            }
            roleLooks.append(CellAttributes(attrs: Palette.attrs(look.attributes), pair: pair))
        }
        self.pairs = pairs
        var table: [CellAttributes] = []
        table.reserveCapacity(roleLooks.count * 16)
        for base in roleLooks {
            for flags in 0..<16 {
                var attrs = base.attrs
                if flags & 1 != 0 { attrs |= gz_a_bold() }
                if flags & 2 != 0 { attrs |= gz_a_reverse() }
                if flags & 4 != 0 { attrs |= gz_a_underline() }
                if flags & 8 != 0 { attrs |= gz_a_dim() }
                table.append(CellAttributes(attrs: attrs, pair: base.pair))
            }
        }
        self.table = table
    }

    /// The attributes a cell with `style` is drawn with.
    func attributes(for style: Style) -> CellAttributes {
        var flags = 0
        if style.bold { flags |= 1 }
        if style.reverse { flags |= 2 }
        if style.underline { flags |= 4 }
        if style.dim { flags |= 8 }
        return table[Int(style.role.rawValue) * 16 + flags]
    }

    private static func attrs(_ attributes: TextAttributes) -> attr_t {
        var attrs: attr_t = 0
        if attributes.contains(.bold) { attrs |= gz_a_bold() }
        if attributes.contains(.reverse) { attrs |= gz_a_reverse() }
        if attributes.contains(.underline) { attrs |= gz_a_underline() }
        if attributes.contains(.dim) { attrs |= gz_a_dim() }
        return attrs
    }

    /// The terminal's number for `color`. With direct colour an index above the basic eight
    /// becomes its xterm RGB value (the terminal reads numbers from 8 up as RGB); without, an
    /// exact colour becomes the nearest of 256.
    static func number(_ color: ThemeColor, direct: Bool, colorCount: Int) -> Int32 {
        switch color {
        case .index(let index) where !direct && Int(index) >= colorCount && colorCount >= 8:
            // A 256-colour index on an 8- or 16-colour terminal: the nearest colour it has.
            let (red, green, blue) = ColorApproximation.rgb(ofIndex: index)
            return Int32(ColorApproximation.nearest(red: red, green: green, blue: blue, among: min(colorCount, 16)))
        case .index(let index) where direct && index >= 8:
            let (red, green, blue) = ColorApproximation.rgb(ofIndex: index)
            return Int32(red) << 16 | Int32(green) << 8 | Int32(blue)
        case .index(let index):
            return Int32(index)
        case .rgb(let red, let green, let blue) where direct:
            // 0–7 would be read as the basic colours: nudge a near-black blue by one step.
            let value = Int32(red) << 16 | Int32(green) << 8 | Int32(blue)
            return value < 8 ? 8 : value
        case .rgb(let red, let green, let blue) where colorCount < 256:
            return Int32(ColorApproximation.nearest(red: red, green: green, blue: blue, among: max(1, min(colorCount, 16))))
        case .rgb(let red, let green, let blue):
            return Int32(ColorApproximation.nearest256(red: red, green: green, blue: blue))
        }
    }
}
