/// Makes untrusted text safe for the terminal: controls, escapes and bidi overrides become
/// visible placeholders before anything reaches the cell grid.
///
/// No C0/C1 control (ESC, CSI, BEL, OSC, backspace, CR…) and no reordering format character
/// survives; tabs become a space. The output is printable text only.
public enum TerminalSafeText {
    /// A run of text that is either the original (safe) text or a placeholder for unsafe input.
    public struct Segment: Sendable, Equatable {
        public var text: String
        public var isPlaceholder: Bool

        public init(text: String, isPlaceholder: Bool) {
            self.text = text
            self.isPlaceholder = isPlaceholder
        }
    }

    /// The marker for C1 controls and bidi/format characters that could reorder text.
    public static let formatPlaceholder: Unicode.Scalar = "\u{2370}"  // ⍰

    /// `s` with every unsafe scalar replaced by its placeholder.
    public static func sanitize(_ s: String) -> String {
        if isPlainASCII(s) { return s }
        return segments(s).map(\.text).joined()
    }

    /// `s` split into safe runs and placeholder runs, so placeholders can be styled.
    public static func segments(_ s: String) -> [Segment] {
        if s.isEmpty { return [] }
        if isPlainASCII(s) { return [Segment(text: s, isPlaceholder: false)] }
        var result: [Segment] = []
        var safe = String.UnicodeScalarView()
        var marks = String.UnicodeScalarView()
        func flushSafe() {
            if !safe.isEmpty { result.append(Segment(text: String(safe), isPlaceholder: false)); safe = .init() }
        }
        func flushMarks() {
            if !marks.isEmpty { result.append(Segment(text: String(marks), isPlaceholder: true)); marks = .init() }
        }
        for scalar in s.unicodeScalars {
            switch replacement(for: scalar) {
            case .keep:
                flushMarks()
                safe.append(scalar)
            case .space:
                flushMarks()
                safe.append(" ")
            case .drop:
                continue
            case .placeholder(let mark):
                flushSafe()
                marks.append(mark)
            }
        }
        flushSafe()
        flushMarks()
        return result
    }

    /// What happens to one scalar.
    enum Replacement: Equatable {
        case keep, space, drop
        case placeholder(Unicode.Scalar)
    }

    static func replacement(for scalar: Unicode.Scalar) -> Replacement {
        let value = scalar.value
        switch value {
        case 0x09:
            return .space
        case 0x00...0x1F:
            // Control Pictures: ␀ … ␟ (ESC becomes ␛).
            return .placeholder(Unicode.Scalar(0x2400 + value)!)
        case 0x7F:
            return .placeholder("\u{2421}")  // ␡
        case 0x80...0x9F:
            return .placeholder(formatPlaceholder)
        case 0x00AD, 0xFEFF:
            // Soft hyphen and BOM are invisible hints; terminals disagree on their width.
            return .drop
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x206F:
            // Bidi marks, embeddings, overrides, isolates and deprecated shaping controls.
            return .placeholder(formatPlaceholder)
        case 0x2028, 0x2029, 0xFFF9...0xFFFB:
            // Line/paragraph separators and interlinear annotations could move text around.
            return .placeholder(formatPlaceholder)
        default:
            return .keep
        }
    }

    static func isPlainASCII(_ s: String) -> Bool {
        for byte in s.utf8 where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }
}
