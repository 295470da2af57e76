import GazetteCore
import Testing
@testable import GazetteUI
import GazetteTestSupport

/// `BlockLayout.text` of a `BlockTable` (bytes, no `String` per block) against the styled lines of
/// the same table's `BodyBlock`s, at every width from 1 to 132, on bodies of every shape, including
/// bytes that are not UTF-8 (the table then takes the styled path, whose texts are repaired).
@Suite struct BlockTableTextTests {
    static func expectSame(_ body: [UInt8], widths: some Sequence<Int>, leadIn: Int = 0, _ note: String) {
        let table = BodyParser.table(utf8: body, range: 0..<body.count)
        for width in widths {
            let layout = BlockLayout(measure: width, verbatimWidth: width + 7, highlighter: nil)
            var text: [UInt8] = []
            layout.text(table, leadInLength: leadIn, into: &text)
            let styled = layout.lines(table.blocks, leadInLength: leadIn).map { $0.text + "\n" }.joined()
            // `text` starts every slot with the blank line `lines` gives as its first separator.
            #expect(String(decoding: text, as: UTF8.self) == styled, "\(note) at \(width)")
            if String(decoding: text, as: UTF8.self) != styled { return }
        }
    }

    @Test func randomBodiesAtEveryWidth() {
        var generator = SeededRandom()
        for round in 0..<40 {
            let body = Array(PlainTextLayoutTests.body(&generator).utf8)
            Self.expectSame(body, widths: 1...132, leadIn: round % 4 == 0 ? 3 : 0, "round \(round), \(generator.reproduce)")
        }
    }

    @Test func bytesThatAreNotUTF8TakeTheStyledPath() {
        let bodies: [[UInt8]] = [
            [0xFF, 0x20, 0x41, 0x42, 0x0A, 0x0A, 0x2D, 0x20, 0xC3, 0x28, 0x0A, 0x2D, 0x20, 0x62],
            Array("> quoted ".utf8) + [0xE2, 0x94] + Array("\n>   a   b\n>   c   d\n\n-- \nsig ".utf8) + [0x80],
            Array("    code {\n\tx;\n    }\n".utf8) + [0xED, 0xA0, 0x80, 0x0A, 0x00, 0x1B] + Array("[2J".utf8),
        ]
        for (index, body) in bodies.enumerated() {
            #expect(!BodyParser.table(utf8: body, range: 0..<body.count).isWellFormedUTF8)
            Self.expectSame(body, widths: [1, 2, 5, 17, 40, 80, 132], "body \(index)")
        }
    }
}
