import CNcursesw
import GazetteUI

/// The ncurses attributes and colour pair for one cell.
struct CellAttributes: Hashable, Sendable {
    var attrs: attr_t
    var pair: Int16
}

/// Maps `Style` (role + flags) to ncurses attributes, in colour or monochrome.
///
/// Colours sit on the terminal's default background (pair colours use -1), so light and dark
/// themes both keep their own background. Monochrome uses bold/reverse/underline/dim only.
struct Palette: Sendable {
    /// A colour pair to register with `init_pair` before drawing.
    struct Pair: Equatable, Sendable {
        var number: Int16
        var foreground: Int16
        var background: Int16
    }

    let usesColor: Bool
    let pairs: [Pair]
    private let table: [CellAttributes]

    /// Builds the palette; `colorCount` is ncurses' `COLORS` (256 enables greys for dim/border).
    init(color: Bool, colorCount: Int) {
        usesColor = color
        var pairs: [Pair] = []
        var roleLooks: [CellAttributes] = []
        for role in ColorRole.allCases {
            let look = Palette.look(for: role, color: color, colorCount: colorCount)
            var pair: Int16 = 0
            if let fg = look.foreground {
                pair = Int16(pairs.count + 1)
                pairs.append(Pair(number: pair, foreground: fg, background: -1))
            }
            roleLooks.append(CellAttributes(attrs: look.attrs, pair: pair))
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

    private static func look(for role: ColorRole, color: Bool, colorCount: Int) -> (foreground: Int16?, attrs: attr_t) {
        let bold = gz_a_bold(), reverse = gz_a_reverse(), underline = gz_a_underline(), dim = gz_a_dim()
        let greys = colorCount >= 256
        if !color {
            switch role {
            case .normal, .border, .tag, .quote1, .quote3, .preformatted: return (nil, 0)
            case .accent, .leadIn, .attribution: return (nil, bold)
            case .dim, .quote2, .signature, .header: return (nil, dim)
            case .selection, .statusBar, .placeholder: return (nil, reverse)
            case .highlight, .warning: return (nil, bold | underline)
            }
        }
        switch role {
        case .normal: return (nil, 0)
        case .accent: return (Int16(COLOR_CYAN), bold)
        case .dim: return greys ? (245, 0) : (nil, dim)
        case .selection: return (Int16(COLOR_CYAN), reverse)
        case .highlight: return (Int16(COLOR_YELLOW), bold)
        case .border: return greys ? (240, 0) : (nil, dim)
        case .statusBar: return (nil, reverse)
        case .warning: return (Int16(COLOR_RED), bold)
        case .tag: return (Int16(COLOR_GREEN), 0)
        case .leadIn: return (nil, bold)
        case .placeholder: return (Int16(COLOR_MAGENTA), reverse)
        // Quote colours avoid the accent (cyan titles) and tag (green) roles' looks.
        case .quote1: return greys ? (110, 0) : (Int16(COLOR_BLUE), 0)
        case .quote2: return greys ? (137, 0) : (Int16(COLOR_GREEN), 0)
        case .quote3: return greys ? (139, 0) : (Int16(COLOR_MAGENTA), 0)
        case .preformatted: return greys ? (180, 0) : (Int16(COLOR_YELLOW), 0)
        case .signature: return greys ? (243, 0) : (nil, dim)
        case .attribution: return (Int16(COLOR_CYAN), 0)
        case .header: return greys ? (245, 0) : (nil, dim)
        }
    }
}
