import Foundation
@testable import GazetteBenchKit
import GazetteTestSupport
import Testing
@testable import GazetteCore

/// The block parser against `ReferenceBodyParser` (the parser as it was before it was made fast):
/// every body, generated, pathological or from the fixtures, must give exactly the same blocks.
@Suite struct BodyParserDifferentialTests {
    static func expectSame(_ body: [UInt8], _ note: @autoclosure () -> String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fast = BodyParser.blocks(utf8: body)
        let reference = ReferenceBodyParser.blocks(utf8: body)
        guard fast != reference else { return }
        let first = (0..<min(fast.count, reference.count)).first { fast[$0] != reference[$0] } ?? min(fast.count, reference.count)
        let show = { (blocks: [BodyBlock]) in first < blocks.count ? "\(blocks[first])" : "(none)" }
        Issue.record(
            "\(note()): \(fast.count) blocks against \(reference.count); block \(first): \(show(fast)) against \(show(reference))",
            sourceLocation: sourceLocation)
    }

    @Test func randomBodiesOfEveryShape() {
        var random = SeededRandom()
        for trial in 0..<3000 {
            let body = BodyGenerator.body(lines: Int.random(in: 1...40, using: &random), using: &random)
            Self.expectSame(body, "trial \(trial), \(random.reproduce)")
            // The same body as a `String` (invalid UTF-8 replaced), as articles hold it.
            Self.expectSame(Array(String(decoding: body, as: UTF8.self).utf8), "trial \(trial) decoded, \(random.reproduce)")
        }
    }

    @Test func pathologicalBodies() {
        var random = SeededRandom(seed: 10)
        let word = Array("sensor ".utf8)
        var cases: [(String, [UInt8])] = [
            ("empty", []),
            ("newlines only", Array(repeating: 0x0A, count: 500)),
            ("CRLF only", Array(String(repeating: "\r\n", count: 300).utf8)),
            ("spaces and tabs only", Array(" \t \n\t\t\n   \n".utf8)),
            ("very long prose line", Array((0..<40_000).flatMap { _ in word })),
            ("very long unbroken line", Array(repeating: UInt8(ascii: "x"), count: 300_000)),
            ("very long quoted line", [UInt8(ascii: ">")] + Array((0..<20_000).flatMap { _ in word })),
            ("very long line of gaps", Array(String(repeating: "ab  cd\t", count: 20_000).utf8)),
            ("lines of only quote marks", Array((1...400).map { String(repeating: ">", count: $0 % 37) }.joined(separator: "\n").utf8)),
            ("spaced quote marks", Array(String(repeating: "> > > >\n>\n > >\n", count: 200).utf8)),
            ("thousands of nested levels", Array((String(repeating: ">", count: 5000) + " deep text\n" + String(repeating: "> ", count: 3000) + "x\nback out").utf8)),
            ("each line one level deeper", Array((0..<2000).map { String(repeating: ">", count: $0) + " line \($0) writes:" }.joined(separator: "\n").utf8)),
            ("NUL bytes", [0, 0, 0x0A, 0x41, 0, 0x42, 0x0A, 0x0A, 0, 0x20, 0x20, 0, 0x0A, 0x3E, 0, 0x0A, 0x2D, 0x2D, 0, 0x0A]),
            ("controls", Array("\u{1B}[31mred\u{1B}[0m and \u{7}bell\n\u{1B}]52;c;aGk=\u{7}\n\u{8}\u{8}back\n\u{9B}2J csi\n\u{0C}\n\u{0B}v".utf8)),
            ("invalid UTF-8", [0xFF, 0xFE, 0x0A, 0xC3, 0x0A, 0xE2, 0x94, 0x0A, 0xE2, 0x94, 0x80, 0x80, 0x20, 0x20, 0x41, 0x0A, 0x80, 0x80, 0x80, 0x3E, 0xF0, 0x9F]),
            ("ragged table", Array("""
                Name    Qty   Price
                bolts   12
                nuts          3.50   extra   column
                washers
                  x  y
                a\tb\tc\td
                1\t2
                """.utf8)),
            ("ragged quoted table CRLF", Array("> a   b   c\r\n> dd  e\r\n>    f   g    h\r\n>\r\n> i  j\r\n".utf8)),
            ("signature at every distance", Array(((0..<20).map { "line \($0) of text" } + ["--"] + (0..<16).map { "sig \($0)" } + ["-- "] + ["last"]).joined(separator: "\n").utf8)),
            ("dashes everywhere", Array("--\n--\n-- \n--\n\n--\n> --\n>> --\n".utf8)),
            ("attribution edges", Array("In article\nIn <\nOn \nOn x\nwrote:\nIn article <a@b>\n:\nwrites:\n>x".utf8)),
            ("list markers without text", Array("- \n1. \na)\n(b) \n• \n* * *\n- -\n12345. x\n(1) y\n(1. z".utf8)),
        ]
        for _ in 0..<20 {
            cases.append(("random long", BodyGenerator.body(lines: 2000, using: &random)))
        }
        for (name, body) in cases {
            Self.expectSame(body, name)
        }
    }

    @Test func fixtureArticlesAndFiles() throws {
        for article in ArchiveFixtureTests.archive.articles {
            Self.expectSame(article.bodyUTF8, article.title)
        }
        // Whole fixture files as bodies: headers, CRLF, MIME parts, Latin-1 bytes.
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        var checked = 0
        for file in files {
            guard let data = try? Data(contentsOf: file) else { continue }
            Self.expectSame(Array(data), file.lastPathComponent)
            checked += 1
        }
        #expect(checked >= 10)
    }

    /// `LineTraits.plainCounts` (eight bytes a step) against counting byte by byte, including
    /// when it must refuse the line.
    @Test func plainLineCountsMatchCountingEachByte() {
        var random = SeededRandom()
        let alphabet: [UInt8] = [0x61, 0x5A, 0x20, 0x20, 0x20, 0x2E, 0xC3, 0xA9, 0x80, 0x31, 0x0D, 0x00, 0x7C, 0x2D, 0x2B, 0x09, 0xE2, 0xFF, 0x40, 0x5B, 0x60, 0x7B]
        for _ in 0..<20_000 {
            var line = (0..<Int.random(in: 1...40, using: &random)).map { _ in BodyGenerator.pick(alphabet, &random) }
            while line.first == 0x20 { line.removeFirst() }
            while line.last == 0x20 { line.removeLast() }
            guard !line.isEmpty else { continue }
            let refused = line.contains(0x09) || line.contains(0xE2) || line.contains(UInt8(ascii: "+"))
                || zip(line, line.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 } || LineTraits.isRule(line[0])
            let counts = line.withUnsafeBufferPointer { LineTraits.plainCounts($0, from: 0, to: $0.count) }
            #expect((counts == nil) == refused, "\(line); \(random.reproduce)")
            guard let counts else { continue }
            #expect(counts.letters == line.filter { $0 != 0x20 && LineTraits.isLetter($0) }.count, "\(line); \(random.reproduce)")
            #expect(counts.visible == line.filter { $0 != 0x20 && $0 & 0xC0 != 0x80 }.count, "\(line); \(random.reproduce)")
            #expect(counts.spaces == line.filter { $0 == 0x20 }.count, "\(line); \(random.reproduce)")
        }
    }

    @Test func benchBodyShapes() {
        let unit = Array(BodyShapes.unit.utf8)
        Self.expectSame(Array((0..<200).flatMap { _ in unit }), "bench body")
    }
}
