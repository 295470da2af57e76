@testable import GazetteCore

/// The layout rules for a stretch of non-blank lines at one depth: tables and drawings,
/// indented blocks, wire-style paragraphs, lists and plain paragraphs.
extension ReferenceBlockBuilder {
    /// Blocks for `segment` (non-blank lines, no attribution among them).
    mutating func addSegment(_ segment: ArraySlice<ReferenceBodyLine>, level: Int) {
        lastWasVerbatimNeighbour = false
        guard !segment.isEmpty else { return }
        let traits = segment.map { ReferenceLineTraits(bytes, $0) }
        let base = segment.startIndex
        let tabular = tableLines(traits)
        var index = 0
        while index < traits.count {
            var end = index + 1
            while end < traits.count, tabular[end] == tabular[index] { end += 1 }
            let lines = segment[(base + index)..<(base + end)]
            if tabular[index] {
                addPreformatted(lines, level: level)
            } else {
                addProse(lines, traits: traits[index..<end], level: level)
            }
            index = end
        }
    }

    /// Which lines belong to a table or drawing: runs of lines with column gaps whose columns
    /// line up, any drawing, and a single line between two such runs (a heading row, a note).
    func tableLines(_ traits: [ReferenceLineTraits]) -> [Bool] {
        var marks = [Bool](repeating: false, count: traits.count)
        var index = 0
        while index < traits.count {
            guard traits[index].gaps > 0 || traits[index].drawing else {
                index += 1
                continue
            }
            var end = index + 1
            while end < traits.count, traits[end].gaps > 0 || traits[end].drawing { end += 1 }
            let run = traits[index..<end]
            let isTable = run.contains { $0.drawing }
                || (run.count == 1 && run[index].gaps >= 2)
                || (run.count >= 2 && Self.columnsAlign(run))
            if isTable { for line in index..<end { marks[line] = true } }
            index = end
        }
        // A lone line between two table parts belongs to the table.
        if traits.count >= 3 {
            for line in 1..<(traits.count - 1) where !marks[line] && marks[line - 1] && marks[line + 1] {
                marks[line] = true
            }
        }
        return marks
    }

    /// Whether some column edge is shared by at least half the lines (and at least two).
    static func columnsAlign(_ run: ArraySlice<ReferenceLineTraits>) -> Bool {
        var counts: [Int: Int] = [:]
        for line in run {
            // Each line counts an edge once.
            var seen = Set<Int>()
            for edge in line.edges where seen.insert(edge).inserted { counts[edge, default: 0] += 1 }
        }
        let needed = max(2, (run.count + 1) / 2)
        return counts.values.contains { $0 >= needed }
    }

    mutating func addPreformatted(_ lines: ArraySlice<ReferenceBodyLine>, level: Int) {
        let texts = lines.map { verbatim($0) }
        // Adjacent verbatim lines are one block.
        if let last = blocks.last, last.kind == .preformatted, last.level == level, lastWasVerbatimNeighbour {
            blocks[blocks.count - 1].lines += texts
        } else {
            blocks.append(BodyBlock(.preformatted, level: level, lines: texts))
        }
        lastWasVerbatimNeighbour = true
    }

    /// Prose rules: an indented stretch that is not prose is kept as written; a line indented
    /// deeper than its neighbours starts a paragraph (wire style) when it reads as prose;
    /// list markers start items; the rest joins into paragraphs.
    mutating func addProse(_ lines: ArraySlice<ReferenceBodyLine>, traits: ArraySlice<ReferenceLineTraits>, level: Int) {
        let margin = lines.map(\.indent).min() ?? 0
        // Code written flush left (`int main() {` … `}`): most lines end like code and a brace
        // opens or closes a block (a line of prose may end in `;`, hardly in `{`).
        let codeLines = traits.reduce(0) { $0 + ($1.codeEnding ? 1 : 0) }
        let braces = lines.contains { bytes[$0.end - 1] == UInt8(ascii: "{") || bytes[$0.end - 1] == UInt8(ascii: "}") }
        if (margin >= 2 && !Self.readsAsProse(traits)) || (traits.count >= 2 && codeLines * 2 >= traits.count && braces) {
            addPreformatted(lines, level: level)
            return
        }
        lastWasVerbatimNeighbour = false
        var paragraph: [UInt8] = []
        var item: (marker: String, indent: Int, column: Int)?
        func flush(_ builder: inout ReferenceBlockBuilder) {
            guard !paragraph.isEmpty else { return }
            let text = String(decoding: paragraph, as: UTF8.self)
            if let current = item {
                builder.blocks.append(BodyBlock(.listItem, level: level, text: text, marker: current.marker, indent: current.indent))
            } else {
                builder.blocks.append(BodyBlock(.paragraph, level: level, text: text))
            }
            paragraph = []
            item = nil
        }
        let first = lines.startIndex
        let traitBase = traits.startIndex
        var index = first
        while index < lines.endIndex {
            let line = lines[index]
            let trait = traits[traitBase + (index - first)]
            let previousEndsIntro = index > first && bytes[lines[index - 1].end - 1] == UInt8(ascii: ":")
            if trait.listMarker > 0, index == first || item != nil || previousEndsIntro, hasWordCharacter(line, after: trait.listMarker) {
                flush(&self)
                let markerEnd = line.textStart + trait.listMarker
                let marker = String(decoding: UnsafeBufferPointer(rebasing: bytes[line.textStart..<(markerEnd - 1)]), as: UTF8.self)
                item = (marker, line.indent - margin, line.indent)
                paragraph.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[markerEnd..<line.end]))
                index += 1
                continue
            }
            if let current = item {
                if line.indent > current.column {
                    appendJoined(line, to: &paragraph)
                    index += 1
                    continue
                }
                flush(&self)
            }
            if line.indent >= margin + 2 {
                // A run of deeper lines. Wire style: each line that reads as a whole sentence (or
                // an introduction ending in `:`) is a paragraph, and so is the run's last line when
                // prose follows it; from the first line that is neither, the rest is kept as written.
                var end = index + 1
                while end < lines.endIndex, lines[end].indent >= margin + 2 { end += 1 }
                var deeper = index
                while deeper < end {
                    let trait = traits[traitBase + (deeper - first)]
                    let closes = trait.sentenceEnd || bytes[lines[deeper].end - 1] == UInt8(ascii: ":")
                    guard trait.prose, closes || deeper == end - 1 else { break }
                    flush(&self)
                    appendJoined(lines[deeper], to: &paragraph)
                    deeper += 1
                }
                if deeper < end {
                    flush(&self)
                    addPreformatted(lines[deeper..<end], level: level)
                    lastWasVerbatimNeighbour = false
                }
                index = end
                continue
            }
            appendJoined(line, to: &paragraph)
            index += 1
        }
        flush(&self)
    }

    /// Whether an indented stretch reads as text to re-wrap rather than lines to keep: most lines
    /// prose, none ending like code, and long enough on average to be wrapped text (a poem's or
    /// an address's short lines stay as written).
    static func readsAsProse(_ traits: ArraySlice<ReferenceLineTraits>) -> Bool {
        guard !traits.isEmpty else { return false }
        var proseLines = 0, total = 0
        for line in traits {
            if line.codeEnding { return false }
            if line.prose { proseLines += 1 }
            total += line.length
        }
        return proseLines * 4 >= traits.count * 3 && total >= 40 * traits.count
    }

    /// Whether `line` has a letter or digit after its first `skip` bytes (`* * *` is no list).
    func hasWordCharacter(_ line: ReferenceBodyLine, after skip: Int) -> Bool {
        for byte in UnsafeBufferPointer(rebasing: bytes[(line.textStart + skip)..<line.end]) {
            if ReferenceLineTraits.isLetter(byte) || (0x30...0x39).contains(byte) { return true }
        }
        return false
    }
}
