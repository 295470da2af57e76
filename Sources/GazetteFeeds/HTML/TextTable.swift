/// An HTML table collected as rows of cell text, rendered aligned when it is small.
struct TextTable {
    var rows: [[String]] = []
    var caption = ""
    private(set) var inCell = false

    /// Aligned columns up to this many characters wide in all; wider tables get one row per line.
    static let maxAlignedWidth = 100
    static let maxAlignedColumns = 8

    mutating func startRow() {
        endCell("")
        rows.append([])
    }

    mutating func startCell() {
        if rows.isEmpty { rows.append([]) }
        inCell = true
    }

    mutating func endCell(_ text: String) {
        guard inCell else { return }
        inCell = false
        if rows.isEmpty { rows.append([]) }
        rows[rows.count - 1].append(text)
    }

    /// The lines, and whether they are aligned columns (written as a preformatted block).
    func render() -> (lines: [String], aligned: Bool) {
        let filled = rows.filter { row in row.contains { !$0.isEmpty } }
        var lines: [String] = []
        if !caption.isEmpty { lines.append(caption) }
        guard !filled.isEmpty else { return (lines, false) }
        let columns = filled.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in filled { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        let total = widths.reduce(0, +) + 2 * max(0, columns - 1)
        if columns <= TextTable.maxAlignedColumns, total <= TextTable.maxAlignedWidth, columns > 1 {
            for row in filled {
                var line = ""
                for (index, cell) in row.enumerated() {
                    if index > 0 { line += "  " }
                    line += cell
                    if index < row.count - 1 { line += String(repeating: " ", count: widths[index] - cell.count) }
                }
                lines.append(line)
            }
            return (lines, true)
        }
        for row in filled { lines.append(row.filter { !$0.isEmpty }.joined(separator: " | ")) }
        return (lines, false)
    }
}
