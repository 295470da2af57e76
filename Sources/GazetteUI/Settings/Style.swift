/// Colour roles the views use; the terminal maps them to real colours (or to bold/reverse on monochrome).
public enum ColorRole: UInt8, Sendable, Hashable, CaseIterable {
    case normal, accent, dim, selection, highlight, border, statusBar, warning, tag, leadIn, placeholder
    /// Quotation depths 1, 2, 3 (deeper ones cycle); the `│` bars, not the colour, carry the depth.
    case quote1, quote2, quote3
    /// Lines kept as written (tables, listings), the signature, attribution lines, header names.
    case preformatted, signature, attribution, header
    /// The list's unread marker; the sidebar's article counts.
    case unread, count

    /// The role's stable name in a config file's `[theme]`.
    public var configName: String {
        switch self {
        case .normal: "text"
        case .accent: "accent"
        case .dim: "dim"
        case .selection: "selected"
        case .highlight: "highlight"
        case .border: "border"
        case .statusBar: "status-bar"
        case .warning: "warning"
        case .tag: "tag"
        case .leadIn: "lead-in"
        case .placeholder: "placeholder"
        case .quote1: "quote1"
        case .quote2: "quote2"
        case .quote3: "quote3"
        case .preformatted: "preformatted"
        case .signature: "signature"
        case .attribution: "attribution"
        case .header: "header"
        case .unread: "unread"
        case .count: "sidebar-count"
        }
    }
}

/// How a cell is drawn: a colour role plus attributes.
public struct Style: Sendable, Hashable {
    public var role: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool
    /// The text is a search hit. Data, not look: the reader finds its hit lines by it whatever
    /// role and theme draw the hit (the terminal ignores it).
    public var searchHit: Bool

    public init(
        _ role: ColorRole = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false,
        searchHit: Bool = false
    ) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.searchHit = searchHit
    }

    public static let plain = Style()
}

/// One screen cell. A wide character occupies its cell plus a following `continuation` cell.
public struct Cell: Sendable, Hashable {
    /// One grapheme cluster already made safe for the terminal; `" "` for blank.
    public var text: String
    /// Display width of `text`: 1 or 2 (0 only for continuation cells).
    public var width: UInt8
    public var style: Style

    public init(text: String = " ", width: UInt8 = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell()
    /// The right half of a wide character.
    public static let continuation = Cell(text: "", width: 0)

    public var isContinuation: Bool { width == 0 }
}

/// A rectangle on the screen, in cells.
public struct Rect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}
