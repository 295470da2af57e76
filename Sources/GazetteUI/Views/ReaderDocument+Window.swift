/// Reading a lazily laid-out document: finding a line, laying out what a viewport shows, and
/// search hits beyond what has been laid out.
///
/// Laying out a slot changes the line count from its estimate to the truth, and with it the
/// estimate of every slot not yet seen, so each operation keeps positions on the same text:
/// a position is taken as a place (a slot and a line in it) before and made a line again after.
extension ReaderDocument {
    /// Where a line is: above the body, in a body slot, or below the body.
    enum Place: Equatable {
        case head(Int)
        case body(slot: Int, line: Int)
        case tail(Int)
    }

    /// The first line of body slot `slot` (estimated while earlier slots are).
    func base(ofSlot slot: Int) -> Int {
        guard let body else { return head.count }
        return head.count + body.base(slot)
    }

    /// The place of `line` (clamped into the document).
    func place(ofLine line: Int) -> Place {
        if line < head.count || body == nil && tail.isEmpty { return .head(max(0, line)) }
        guard let body else { return .tail(line - head.count) }
        let bodyLine = line - head.count
        guard bodyLine < body.lineCount else { return .tail(bodyLine - body.lineCount) }
        let slot = body.slot(containing: bodyLine)
        return .body(slot: slot, line: bodyLine - body.base(slot))
    }

    /// The line at `place` now (a line inside a slot clamped to the slot's lines).
    func line(of place: Place) -> Int {
        switch place {
        case .head(let line): return line
        case .body(let slot, let line):
            let count = body?.count(slot) ?? 0
            return base(ofSlot: slot) + max(0, min(line, count - 1))
        case .tail(let line): return base(ofSlot: body?.slotCount ?? 0) + line
        }
    }

    /// Line `index`, or nil when it is outside the document or in a part not laid out.
    public func line(at index: Int) -> StyledLine? {
        guard index >= 0 else { return nil }
        switch place(ofLine: index) {
        case .head(let line): return line < head.count ? head[line] : nil
        case .body(let slot, let line): return body?.line(line, ofSlot: slot)
        case .tail(let line): return line < tail.count ? tail[line] : nil
        }
    }

    /// Lines `range` (nil where outside the document or not laid out), in one walk over the slots.
    public func lines(in range: Range<Int>) -> [StyledLine?] {
        guard let body else { return range.map { line(at: $0) } }
        var result: [StyledLine?] = []
        var index = max(0, range.lowerBound)
        while index < min(range.upperBound, head.count) {
            result.append(head[index])
            index += 1
        }
        var base = head.count + body.base(body.slot(containing: max(0, index - head.count)))
        for slot in body.slot(containing: max(0, index - head.count))..<body.slotCount where index < range.upperBound {
            let count = body.count(slot)
            while index < range.upperBound, index < base + count {
                result.append(body.line(index - base, ofSlot: slot))
                index += 1
            }
            base += count
        }
        while index < range.upperBound {
            result.append(index - base < tail.count ? tail[index - base] : nil)
            index += 1
        }
        return result
    }

    /// Lays out slot `slot`, keeping the viewport's top line and each of `lines` on their text.
    mutating func layOut(slot: Int, keeping viewport: inout TextViewport, lines: inout [Int]) {
        guard body?.isResident(slot) == false else { return }
        let top = place(ofLine: viewport.offset)
        let places = lines.map { place(ofLine: $0) }
        body?.layOut(slot)
        viewport.setTotal(lineCount)
        viewport.scroll(toLine: line(of: top))
        lines = places.map { line(of: $0) }
    }

    /// The first body slot showing in `lines` whose lines are not at hand.
    private func slotToLayOut(in lines: Range<Int>) -> Int? {
        guard let body else { return nil }
        let first = body.slot(containing: max(0, lines.lowerBound - head.count))
        for slot in first..<body.slotCount {
            guard head.count + body.base(slot) < lines.upperBound else { return nil }
            if body.count(slot) > 0, head.count + body.base(slot + 1) > lines.lowerBound, !body.isResident(slot) { return slot }
        }
        return nil
    }

    /// Lays out what `viewport` shows, keeping its top line on its text (a view at the end
    /// stays at the end), and `lines` on theirs.
    public mutating func prepare(_ viewport: inout TextViewport, keeping lines: inout [Int]) {
        viewport.setTotal(lineCount)
        guard self.body != nil else { return }
        let atEnd = viewport.offset > 0 && viewport.isAtEnd
        while let slot = slotToLayOut(in: viewport.offset..<(viewport.offset + max(1, viewport.height))) {
            layOut(slot: slot, keeping: &viewport, lines: &lines)
            if atEnd { viewport.end() }
        }
        let first = slot(ofLine: viewport.offset)
        let last = max(first, slot(ofLine: viewport.offset + viewport.height - 1))
        body?.trim(keeping: first...last)
    }

    /// The body slot showing `line`: the first for a line above the body, the last below it.
    private func slot(ofLine line: Int) -> Int {
        switch place(ofLine: line) {
        case .head: return 0
        case .body(let slot, _): return slot
        case .tail: return max(0, (body?.slotCount ?? 1) - 1)
        }
    }

    /// The first hit after `line` (`forward`) or the last before it, laying out slots in that
    /// direction until one is found; positions kept as `layOut(slot:keeping:lines:)` keeps them.
    /// `lines[0]` must be `line`; it follows its text too.
    public mutating func findHit(forward: Bool, keeping viewport: inout TextViewport, lines: inout [Int]) -> Int? {
        func hitsOf(_ place: Place) -> [Int] {
            switch place {
            case .head: return headHits
            case .tail: return tailHits.map { base(ofSlot: body?.slotCount ?? 0) + $0 }
            case .body(let slot, _): return (body?.hits(ofSlot: slot) ?? []).map { base(ofSlot: slot) + $0 }
            }
        }
        // The parts of the document in reading order, from the one holding `line`.
        var parts: [Place] = [.head(0)]
        if let body { parts += (0..<body.slotCount).map { Place.body(slot: $0, line: 0) } }
        parts.append(.tail(0))
        let here = place(ofLine: lines[0])
        let start = parts.firstIndex { part in
            switch (part, here) {
            case (.head, .head), (.tail, .tail): return true
            case (.body(let a, _), .body(let b, _)): return a == b
            default: return false
            }
        } ?? 0
        let order = forward ? Array(parts[start...]) : Array(parts[...start].reversed())
        for part in order {
            if case .body(let slot, _) = part, body?.isKnown(slot) == false {
                layOut(slot: slot, keeping: &viewport, lines: &lines)
            }
            let hits = hitsOf(part)
            let from = lines[0]
            if let hit = forward ? hits.first(where: { $0 > from }) : hits.last(where: { $0 < from }) { return hit }
        }
        return nil
    }

    /// Which hit `line` is (1-based) when every part above it has been laid out, and how many
    /// there are when all has.
    public func hitNumber(ofLine line: Int) -> (number: Int?, total: Int?) {
        let hits = hitLines
        let total = isEstimated ? nil : hits.count
        if case .body(let slot, _) = place(ofLine: line), let body, !(0..<slot).allSatisfy({ body.isKnown($0) }) {
            return (nil, total)
        }
        return ((hits.firstIndex(of: line) ?? hits.count) + 1, total)
    }
}
