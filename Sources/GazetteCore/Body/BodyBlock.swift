/// One block of an article body: a paragraph, an attribution, a preformatted block, a list item
/// or a signature, at a quotation depth.
///
/// Blocks are flat: a quotation is the run of blocks with `level > 0`, so a quoted table is a
/// `.preformatted` block at level 1 and a quote inside a quote is at level 2.
public struct BodyBlock: Sendable, Hashable {
    /// What the block is, which decides how it is shown.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Prose: the source lines joined with single spaces, re-wrapped to the reader's width.
        case paragraph
        /// `In article <…> X writes:`, `On … X wrote:`: who is quoted below, on its own line.
        case attribution
        /// Lines kept exactly as written (tables, listings, drawings, code): never re-wrapped.
        case preformatted
        /// One item of a list (`- `, `* `, `1. `, `a) `): wrapped with a hanging indent.
        case listItem = "list-item"
        /// The lines after `-- `, kept as written.
        case signature
    }

    public var kind: Kind
    /// Quotation depth: 0 for the writer's own text, 1 for `> `, 2 for `> > ` or `>>`, …
    public var level: Int
    /// `.paragraph`, `.attribution`, `.listItem`: one element, the joined text. `.preformatted`
    /// and `.signature`: the lines as written (tabs expanded to 8-column stops).
    public var lines: [String]
    /// A list item's marker as written (`-`, `*`, `1.`, `a)`); empty for other kinds.
    public var marker: String
    /// A list item's indentation in columns (nested lists are indented further); 0 otherwise.
    public var indent: Int

    public init(_ kind: Kind, level: Int = 0, lines: [String], marker: String = "", indent: Int = 0) {
        self.kind = kind
        self.level = level
        self.lines = lines
        self.marker = marker
        self.indent = indent
    }

    /// A flowing block (paragraph, attribution, list item) of `text`.
    public init(_ kind: Kind, level: Int = 0, text: String, marker: String = "", indent: Int = 0) {
        self.init(kind, level: level, lines: [text], marker: marker, indent: indent)
    }

    /// Whether the block's text is re-wrapped (else its lines are shown as written).
    public var flows: Bool { kind == .paragraph || kind == .attribution || kind == .listItem }

    /// The text of a flowing block; a verbatim block's lines joined by `\n`.
    public var text: String { flows ? (lines.first ?? "") : lines.joined(separator: "\n") }
}
