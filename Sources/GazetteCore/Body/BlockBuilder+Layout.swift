/// The layout rules for a stretch of non-blank lines at one depth: tables and drawings,
/// indented blocks, wire-style paragraphs, lists and plain paragraphs.
extension BlockBuilder {
    /// Blocks for `segment` (non-blank lines, no attribution among them).
    mutating func addSegment(_ segment: ArraySlice<BodyLine>, level: Int) {
        lastWasVerbatimNeighbour = false
        guard !segment.isEmpty else { return }
        // The builder's buffers, reused from segment to segment (a body has hundreds of thousands).
        var traits = traitsBuffer, edges = edgesBuffer
        traits.removeAll(keepingCapacity: true)
        edges.removeAll(keepingCapacity: true)
        var anyColumns = false
        for line in segment {
            let trait = LineTraits(bytes, line, edges: &edges)
            anyColumns = anyColumns || trait.gaps > 0 || trait.drawing
            traits.append(trait)
        }
        traitsBuffer = []
        edgesBuffer = []
        defer {
            traitsBuffer = traits
            edgesBuffer = edges
        }
        // Most stretches have no column gap and no drawing: all prose rules, no table to find.
        guard anyColumns else {
            addProse(segment, traits: traits[...], level: level)
            return
        }
        let base = segment.startIndex
        let tabular = tableLines(traits, edges: edges)
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
    func tableLines(_ traits: [LineTraits], edges: [Int]) -> [Bool] {
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
                || (run.count >= 2 && Self.columnsAlign(run, edges: edges))
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
    static func columnsAlign(_ run: ArraySlice<LineTraits>, edges: [Int]) -> Bool {
        if run.count == 2, let first = run.first, let second = run.last {
            // Both lines must share an edge (the commonest table run: a heading and one row).
            return edges[first.edgeStart..<first.edgeEnd].contains { edges[second.edgeStart..<second.edgeEnd].contains($0) }
        }
        // Each line's distinct edges, all lines together, sorted: an edge shared by k lines is
        // then a run of k equal values (no dictionary or set per line).
        var all: [Int] = []
        for line in run {
            let from = all.count
            all += edges[line.edgeStart..<line.edgeEnd]
            all[from...].sort()
            var kept = from
            for read in from..<all.count where read == from || all[read] != all[kept - 1] {
                all[kept] = all[read]
                kept += 1
            }
            all.removeSubrange(kept...)
        }
        all.sort()
        let needed = max(2, (run.count + 1) / 2)
        var index = 0
        while index < all.count {
            var end = index + 1
            while end < all.count, all[end] == all[index] { end += 1 }
            if end - index >= needed { return true }
            index = end
        }
        return false
    }

    mutating func addPreformatted(_ lines: ArraySlice<BodyLine>, level: Int) {
        for line in lines { appendVerbatim(line) }
        // Adjacent verbatim lines are one block.
        if let last = table.last, last.kind == .preformatted, last.level == level, lastWasVerbatimNeighbour {
            table.extendLast()
        } else {
            table.endVerbatim(.preformatted, level: level, lineCount: lines.count)
        }
        lastWasVerbatimNeighbour = true
    }

    /// Prose rules: an indented stretch that is not prose is kept as written; a line indented
    /// deeper than its neighbours starts a paragraph (wire style) when it reads as prose;
    /// list markers start items; the rest joins into paragraphs.
    mutating func addProse(_ lines: ArraySlice<BodyLine>, traits: ArraySlice<LineTraits>, level: Int) {
        var margin = lines.first?.indent ?? 0
        for line in lines { margin = min(margin, line.indent) }
        // Code written flush left (`int main() {` … `}`): most lines end like code and a brace
        // opens or closes a block (a line of prose may end in `;`, hardly in `{`).
        var codeLines = 0
        for trait in traits where trait.codeEnding { codeLines += 1 }
        let braces = lines.contains { bytes[$0.end - 1] == UInt8(ascii: "{") || bytes[$0.end - 1] == UInt8(ascii: "}") }
        if (margin >= 2 && !Self.readsAsProse(traits)) || (traits.count >= 2 && codeLines * 2 >= traits.count && braces) {
            addPreformatted(lines, level: level)
            return
        }
        lastWasVerbatimNeighbour = false
        // The paragraph being joined is the table's open text: verbatim lines are only added
        // while it is empty, and it is opened again after them.
        table.beginText()
        var item: (marker: Range<Int>, indent: Int, column: Int)?
        func flush(_ builder: inout BlockBuilder) {
            guard !builder.table.textIsEmpty else { return }
            if let current = item {
                builder.table.endFlowing(.listItem, level: level, marker: current.marker, indent: current.indent)
            } else {
                builder.table.endFlowing(.paragraph, level: level)
            }
            builder.table.beginText()
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
                let markerStart = table.bytes.count
                table.append(UnsafeBufferPointer(rebasing: bytes[line.textStart..<(markerEnd - 1)]))
                item = (markerStart..<table.bytes.count, line.indent - margin, line.indent)
                table.beginText()
                table.append(UnsafeBufferPointer(rebasing: bytes[markerEnd..<line.end]))
                index += 1
                continue
            }
            if let current = item {
                if line.indent > current.column {
                    appendJoined(line)
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
                    appendJoined(lines[deeper])
                    deeper += 1
                }
                if deeper < end {
                    flush(&self)
                    addPreformatted(lines[deeper..<end], level: level)
                    lastWasVerbatimNeighbour = false
                    table.beginText()
                }
                index = end
                continue
            }
            appendJoined(line)
            index += 1
        }
        flush(&self)
    }

    /// Whether an indented stretch reads as text to re-wrap rather than lines to keep: most lines
    /// prose, none ending like code, and long enough on average to be wrapped text (a poem's or
    /// an address's short lines stay as written).
    static func readsAsProse(_ traits: ArraySlice<LineTraits>) -> Bool {
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
    func hasWordCharacter(_ line: BodyLine, after skip: Int) -> Bool {
        for byte in UnsafeBufferPointer(rebasing: bytes[(line.textStart + skip)..<line.end]) {
            if LineTraits.isLetter(byte) || (0x30...0x39).contains(byte) { return true }
        }
        return false
    }
}
