/// A grid of cells that every view renders into; the terminal diffs and draws it.
///
/// Views never touch the terminal: tests render into a Canvas and compare its lines.
public struct Canvas: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// The text of row `y` (continuation cells omitted, so wide characters appear once).
    public func line(_ y: Int) -> String {
        var out = ""
        for x in 0..<width {
            let cell = self[x, y]
            if !cell.isContinuation { out += cell.text }
        }
        return out
    }

    /// All rows as text, trailing spaces kept.
    public var lines: [String] { (0..<height).map(line) }
}
