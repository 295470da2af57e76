import Foundation
import GazetteCore

/// An article body laid out a slot at a time, only where the reader looks.
///
/// The body's bytes are divided into slots of about `slotBytes`: slot `k` runs from the first
/// safe cut (`BodyParser.safeCut`) at or after `k × slotBytes` to the next slot's start, so any
/// slot can be found, parsed and wrapped without touching the bytes before it, and the slots'
/// lines put end to end are exactly the whole body's layout. A slot not yet laid out counts as
/// an estimate (its nominal bytes at the lines-per-byte seen so far) until it is.
struct ReaderBody: Sendable {
    /// What one slot became once laid out. `lines` is dropped for slots far from the reader
    /// (memory stays bounded); the count and hits are kept, so positions stay exact.
    struct Slot: Sendable {
        var count: Int
        /// Indices (within the slot) of lines holding a search hit.
        var hits: [Int]
        var lines: [StyledLine]?
    }

    let bytes: [UInt8]
    let leadInLength: Int
    let layout: BlockLayout
    let slotBytes: Int
    /// Number of slots (at least 1).
    let slotCount: Int
    /// Start offset of each slot once found; `starts[slotCount]` is the end of the body.
    private var starts: [Int?]
    private var slots: [Slot?]
    /// `lineBase[k]`: the body line slot `k` starts at; `lineBase[slotCount]` the line count.
    private var lineBase: [Int]
    /// Slots holding lines, least recently laid out first.
    private var resident: [Int] = []
    private var knownLines = 0
    private var knownBytes = 0
    private(set) var knownSlots = 0

    /// Most slots whose lines are kept at once.
    static let residentLimit = 128

    init(bytes: [UInt8], leadInLength: Int, layout: BlockLayout, slotBytes: Int) {
        self.bytes = bytes
        self.leadInLength = leadInLength
        self.layout = layout
        self.slotBytes = max(1, slotBytes)
        slotCount = max(1, (bytes.count + self.slotBytes - 1) / self.slotBytes)
        starts = [Int?](repeating: nil, count: slotCount + 1)
        starts[0] = 0
        starts[slotCount] = bytes.count
        slots = [Slot?](repeating: nil, count: slotCount)
        lineBase = [Int](repeating: 0, count: slotCount + 1)
        rebase()
    }

    /// Whether every slot has been laid out (all counts exact).
    var isComplete: Bool { knownSlots == slotCount }

    /// Lines of slot `index`: exact once laid out, else an estimate.
    func count(_ index: Int) -> Int {
        if let slot = slots[index] { return slot.count }
        let nominal = min(bytes.count, (index + 1) * slotBytes) - index * slotBytes
        guard knownBytes > 0 else {
            // Before anything is known: a wrapped line of prose holds about 70% of the measure.
            return max(1, nominal * 10 / max(1, layout.measure * 7))
        }
        // At least one line, so that scrolling reaches every slot and lays it out.
        return max(1, Int((Double(nominal) * Double(knownLines) / Double(knownBytes)).rounded()))
    }

    /// Lines of the whole body (estimated while incomplete).
    var lineCount: Int { lineBase[slotCount] }

    /// The body line slot `index` starts at (estimated while a slot before it is).
    func base(_ index: Int) -> Int { lineBase[index] }

    /// The slot holding body line `line` (the last slot for a line past the end), skipping
    /// empty slots.
    func slot(containing line: Int) -> Int {
        // The last slot whose base is ≤ line, then past the empty ones.
        var low = 0, high = slotCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineBase[middle] <= line { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Recomputes where each slot starts, after a count changed (one pass over the slots, so
    /// finding a line stays a binary search).
    private mutating func rebase() {
        var total = 0
        for index in 0..<slotCount {
            lineBase[index] = total
            total += count(index)
        }
        lineBase[slotCount] = total
    }

    /// Lines held in memory now (the slots laid out and not dropped).
    var residentLines: Int { resident.reduce(0) { $0 + (slots[$1]?.lines?.count ?? 0) } }

    /// Whether slot `index` is laid out and holds its lines.
    func isResident(_ index: Int) -> Bool { slots[index]?.lines != nil }

    /// Whether slot `index` has been laid out at least once.
    func isKnown(_ index: Int) -> Bool { slots[index] != nil }

    /// Line `line` of slot `index`, if the slot holds its lines.
    func line(_ line: Int, ofSlot index: Int) -> StyledLine? {
        guard let lines = slots[index]?.lines, line >= 0, line < lines.count else { return nil }
        return lines[line]
    }

    /// Hit lines (within the slot) of a laid-out slot.
    func hits(ofSlot index: Int) -> [Int]? { slots[index]?.hits }

    /// Lays out slot `index` (again, if its lines were dropped).
    mutating func layOut(_ index: Int) {
        if isResident(index) { return }
        let range = slotRange(index)
        let lines = Self.lines(of: bytes, range: range, layout: layout, leadIn: index == 0 ? leadInLength : 0)
        if slots[index] == nil {
            knownSlots += 1
            knownLines += lines.count
            knownBytes += range.count
        }
        let wasKnown = slots[index] != nil
        slots[index] = Slot(count: lines.count, hits: ReaderDocument.hitIndices(lines), lines: lines)
        if !wasKnown { rebase() }
        if !lines.isEmpty { resident.append(index) }
    }

    /// Drops the lines of the slots farthest from `shown` (the slots on screen, which stay)
    /// while more than `residentLimit` slots hold lines.
    mutating func trim(keeping shown: ClosedRange<Int>) {
        func distance(_ slot: Int) -> Int { slot < shown.lowerBound ? shown.lowerBound - slot : max(0, slot - shown.upperBound) }
        while resident.count > Self.residentLimit {
            guard let far = resident.indices.max(by: { distance(resident[$0]) < distance(resident[$1]) }),
                distance(resident[far]) > 0
            else { return }
            slots[resident[far]]?.lines = nil
            resident.remove(at: far)
        }
    }

    /// The bytes of slot `index`, finding its bounds if not yet known.
    mutating func slotRange(_ index: Int) -> Range<Int> {
        let lower = start(index)
        return lower..<max(lower, start(index + 1))
    }

    private mutating func start(_ index: Int) -> Int {
        if let known = starts[index] { return known }
        let found = BodyParser.safeCut(in: bytes, atOrAfter: index * slotBytes)
        starts[index] = found
        return found
    }

    /// The lines of the body's bytes in `range` (a slot): its blocks laid out, each after its blank line.
    static func lines(of bytes: [UInt8], range: Range<Int>, layout: BlockLayout, leadIn: Int) -> [StyledLine] {
        layout.lines(BodyParser.blocks(utf8: bytes, range: range), leadInLength: leadIn)
    }

    /// Calls `body` with the lines of each slot in order, keeping none.
    func forEachSlotLines(_ body: ([StyledLine]) -> Void) {
        forEachSlotRange { index, range in
            if let lines = slots[index]?.lines {
                body(lines)
            } else if !range.isEmpty {
                body(Self.lines(of: bytes, range: range, layout: layout, leadIn: index == 0 ? leadInLength : 0))
            }
        }
    }

    /// Calls `body` with the text of each slot's lines (each ended by `\n`) in order, laid out
    /// as plain text (`BlockLayout.text`) and keeping none: `gazette show`. Slots are
    /// independent, so one per core at a time is parsed and laid out in parallel (memory: that
    /// many slots' text: 5.5 MiB at its peak on 2 cores against 6.4 MiB for twice as many, at
    /// the same speed); they are handed to `body` in order.
    func forEachSlotText(_ body: ([UInt8]) -> Void) {
        let batchSize = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var batch: [(index: Int, range: Range<Int>)] = []
        func flush() {
            let work = batch
            batch.removeAll(keepingCapacity: true)
            Parallel.map(work.count) { self.text(ofSlot: work[$0].index, range: work[$0].range) }.forEach(body)
        }
        forEachSlotRange { index, range in
            batch.append((index, range))
            if batch.count == batchSize { flush() }
        }
        flush()
    }

    /// The text of slot `index` (its bytes `range`): its lines if it holds them, else laid out as plain text.
    private func text(ofSlot index: Int, range: Range<Int>) -> [UInt8] {
        var text: [UInt8] = []
        // About the slot's size, plus bars and blank lines: one allocation, not a dozen doublings.
        text.reserveCapacity(range.count + range.count / 4 + 1024)
        if let lines = slots[index]?.lines {
            for line in lines {
                text.append(contentsOf: line.text.utf8)
                text.append(0x0A)
            }
        } else if !range.isEmpty {
            let table = BodyParser.table(utf8: bytes, range: range)
            layout.text(table, leadInLength: index == 0 ? leadInLength : 0, into: &text)
        }
        return text
    }

    /// Each slot's index and bytes in order, found from the safe cuts without recording them.
    private func forEachSlotRange(_ body: (Int, Range<Int>) -> Void) {
        var lower = 0
        for index in 0..<slotCount {
            let upper = index + 1 == slotCount ? bytes.count : max(lower, BodyParser.safeCut(in: bytes, atOrAfter: (index + 1) * slotBytes))
            body(index, lower..<upper)
            lower = upper
        }
    }
}
