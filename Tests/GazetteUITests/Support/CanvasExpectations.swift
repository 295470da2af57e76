import Foundation
import Testing
@testable import GazetteUI

/// A line diff of expected vs actual frames, for failure messages.
func lineDiff(expected: [String], actual: [String]) -> String {
    var out: [String] = []
    for index in 0..<max(expected.count, actual.count) {
        let e = index < expected.count ? expected[index] : "<missing>"
        let a = index < actual.count ? actual[index] : "<missing>"
        if e == a {
            out.append("  \(index): |\(a)|")
        } else {
            out.append("- \(index): |\(e)|")
            out.append("+ \(index): |\(a)|")
        }
    }
    return out.joined(separator: "\n")
}

/// Expects the canvas rows to equal `expected` (a multi-line literal; `|` marks each line's end
/// so trailing spaces are visible and kept).
func expectFrame(_ canvas: Canvas, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        var text = String(line)
        if text.hasSuffix("|") { text.removeLast() }
        return text
    }
    let got = canvas.lines
    #expect(got == want, "frame differs:\n\(lineDiff(expected: want, actual: got))", sourceLocation: sourceLocation)
}

/// Compares the canvas with Golden/`name`.txt; `GAZETTE_RECORD=1` rewrites the file instead.
func expectGolden(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(name + ".txt")
    let actual = canvas.lines.map { $0 + "|" }.joined(separator: "\n") + "\n"
    let environment = ProcessInfo.processInfo.environment
    if environment["GAZETTE_RECORD"] == "1" {
        // Recording asserts nothing, so a CI run that records would pass whatever the code draws.
        if environment["CI"] == "true" {
            Issue.record("GAZETTE_RECORD=1 is set under CI: goldens are only re-recorded by hand, never in CI", sourceLocation: sourceLocation)
            return
        }
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden file \(url.path); run with GAZETTE_RECORD=1 to record it", sourceLocation: sourceLocation)
        return
    }
    let want = expected.split(separator: "\n").map(String.init)
    let got = actual.split(separator: "\n").map(String.init)
    #expect(want == got, "golden \(name) differs (GAZETTE_RECORD=1 re-records):\n\(lineDiff(expected: want, actual: got))", sourceLocation: sourceLocation)
}

/// Problems with the canvas grid: a wide cell without its continuation, a stray continuation,
/// a control character in a cell, or a cell of width 0 that is not a continuation.
func gridProblems(_ canvas: Canvas) -> [String] {
    var problems: [String] = []
    for y in 0..<canvas.height {
        var columns = 0
        var x = 0
        while x < canvas.width {
            let cell = canvas[x, y]
            if cell.isContinuation {
                problems.append("stray continuation at \(x),\(y)")
                x += 1
                continue
            }
            if cell.text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                problems.append("control character at \(x),\(y)")
            }
            if DisplayWidth.of(cell.text) != Int(cell.width) {
                problems.append("cell \(x),\(y) '\(cell.text)' claims width \(cell.width)")
            }
            if cell.width == 2 {
                if x + 1 >= canvas.width || !canvas[x + 1, y].isContinuation {
                    problems.append("wide cell without continuation at \(x),\(y)")
                }
                x += 2
                columns += 2
            } else {
                x += 1
                columns += 1
            }
        }
        if columns != canvas.width { problems.append("row \(y) is \(columns) columns, not \(canvas.width)") }
    }
    return problems
}

/// A canvas filled with a sentinel so writes outside a rectangle can be detected.
func sentinelCanvas(width: Int, height: Int) -> Canvas {
    var canvas = Canvas(width: width, height: height)
    for y in 0..<canvas.height {
        for x in 0..<canvas.width { canvas[x, y] = Cell(text: "#") }
    }
    return canvas
}

/// Cells outside `rect` that are no longer the sentinel.
func writesOutside(_ rect: Rect, in canvas: Canvas) -> Int {
    var count = 0
    for y in 0..<canvas.height {
        for x in 0..<canvas.width where !rect.contains(x: x, y: y) && canvas[x, y].text != "#" {
            count += 1
        }
    }
    return count
}

/// Where `text` starts in the canvas, as (x, y) of its first cell.
func find(_ text: String, in canvas: Canvas) -> (x: Int, y: Int)? {
    for y in 0..<canvas.height {
        var x = 0
        var columns: [Int] = []
        var line = ""
        while x < canvas.width {
            let cell = canvas[x, y]
            if !cell.isContinuation {
                for _ in cell.text { columns.append(x) }
                line += cell.text
            }
            x += 1
        }
        if let range = line.range(of: text) {
            return (columns[line.distance(from: line.startIndex, to: range.lowerBound)], y)
        }
    }
    return nil
}
