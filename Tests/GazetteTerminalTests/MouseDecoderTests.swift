import GazetteUI
import Testing

@testable import GazetteTerminal

/// SGR 1006 reports as xterm, tmux and foot send them.
@Suite struct MouseDecoderTests {
    private func decode(_ text: String) -> MouseEvent? { KeyDecoder.decodeSGRMouse(Array(text.utf8)) }

    @Test func pressesAndReleasesWithOneBasedCoordinates() {
        #expect(decode("0;1;1M") == MouseEvent(kind: .press, button: .left, x: 0, y: 0))
        #expect(decode("0;12;5m") == MouseEvent(kind: .release, button: .left, x: 11, y: 4))
        #expect(decode("1;300;90M") == MouseEvent(kind: .press, button: .middle, x: 299, y: 89))
        #expect(decode("2;3;4M") == MouseEvent(kind: .press, button: .right, x: 2, y: 3))
    }

    @Test func dragWheelAndModifiers() {
        #expect(decode("32;7;8M") == MouseEvent(kind: .drag, button: .left, x: 6, y: 7))
        #expect(decode("35;7;8M") == MouseEvent(kind: .drag, button: .none, x: 6, y: 7), "motion with no button (mode 1003)")
        #expect(decode("64;10;2M") == MouseEvent(kind: .wheelUp, x: 9, y: 1))
        #expect(decode("65;10;2M") == MouseEvent(kind: .wheelDown, x: 9, y: 1))
        #expect(decode("66;1;1M")?.kind == .wheelLeft)
        #expect(decode("20;2;2M") == MouseEvent(kind: .press, button: .left, x: 1, y: 1, modifiers: [.shift, .control]))
        #expect(decode("8;2;2M")?.modifiers == [.alt])
        #expect(decode("128;2;2M")?.button == .extra(8))
    }

    @Test func malformedReportsAreNotEvents() {
        #expect(decode("0;1M") == nil)
        #expect(decode("0;0;1M") == nil)
        #expect(decode("a;1;1M") == nil)
        #expect(decode("0;1;1") == nil)
        #expect(decode("0;1;1;1M") == nil)
        #expect(decode("999999;1;1M") == nil)
    }

    @Test func readsAfterEscapeAndGivesBackWhatIsNotAReport() {
        func reader(_ text: String) -> () -> Int32? {
            var bytes = Array(text.utf8)[...]
            return { bytes.popFirst().map(Int32.init) }
        }
        let report = KeyDecoder.readSGRMouse(afterEscape: reader("[<0;5;3Mj"))
        #expect(report.event == MouseEvent(kind: .press, button: .left, x: 4, y: 2))
        let notMouse = KeyDecoder.readSGRMouse(afterEscape: reader("[A"))
        #expect(notMouse.event == nil)
        #expect(notMouse.consumed == [0x5B, 0x41])
        let lone = KeyDecoder.readSGRMouse(afterEscape: reader(""))
        #expect(lone.event == nil && lone.consumed.isEmpty, "a lone Escape stays an Escape")
        let runaway = KeyDecoder.readSGRMouse(afterEscape: reader("[<" + String(repeating: "1", count: 40)))
        #expect(runaway.event == nil)
    }
}
