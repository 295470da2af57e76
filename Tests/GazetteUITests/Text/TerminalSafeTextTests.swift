import Testing
@testable import GazetteUI

@Suite struct TerminalSafeTextTests {
    /// No scalar that a terminal would act on survives.
    static func isTerminalSafe(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { scalar in
            let v = scalar.value
            return !(v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F)
        }
    }

    @Test func plainTextIsUnchanged() {
        #expect(TerminalSafeText.sanitize("Hello, world") == "Hello, world")
        #expect(TerminalSafeText.sanitize("東京 naïve 👩‍👩‍👧") == "東京 naïve 👩‍👩‍👧")
    }

    @Test func c0ControlsBecomeControlPictures() {
        #expect(TerminalSafeText.sanitize("a\u{1B}[2Jb") == "a␛[2Jb")
        #expect(TerminalSafeText.sanitize("bell\u{07}") == "bell␇")
        #expect(TerminalSafeText.sanitize("x\u{8}y") == "x␈y")
        #expect(TerminalSafeText.sanitize("cr\rlf\n") == "cr␍lf␊")
        #expect(TerminalSafeText.sanitize("\u{0}") == "␀")
        #expect(TerminalSafeText.sanitize("del\u{7F}") == "del␡")
    }

    @Test func tabsBecomeSpaces() {
        #expect(TerminalSafeText.sanitize("a\tb") == "a b")
    }

    @Test func c1AndBidiBecomeMarkers() {
        #expect(TerminalSafeText.sanitize("\u{9B}31m") == "⍰31m")
        #expect(TerminalSafeText.sanitize("\u{85}") == "⍰")
        #expect(TerminalSafeText.sanitize("\u{202E}gat\u{202C}") == "⍰gat⍰")
        #expect(TerminalSafeText.sanitize("\u{2066}x\u{2069}") == "⍰x⍰")
        #expect(TerminalSafeText.sanitize("\u{200F}") == "⍰")
    }

    @Test func plantedSequencesNeverSurvive() {
        let planted = [
            "\u{1B}[2J", "\u{1B}[10;10H", "\u{1B}[31m", "\u{1B}]0;title\u{07}", "\u{1B}]2;title\u{1B}\\",
            "\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "\u{1B}]52;c;ZXZpbA==\u{07}", "\u{1B}P1$r\u{1B}\\",
            "\u{9B}2J", "\u{9D}0;t\u{9C}", "\u{90}dcs\u{9C}", "a\u{8}\u{8}b", "\r\n", "\u{202E}\u{2066}",
        ]
        for text in planted {
            let safe = TerminalSafeText.sanitize(text)
            #expect(Self.isTerminalSafe(safe), "\(text.debugDescription) → \(safe.debugDescription)")
            #expect(!safe.contains("\u{1B}"))
        }
    }

    @Test func segmentsMarkPlaceholders() {
        let segments = TerminalSafeText.segments("ok\u{1B}[m!")
        #expect(segments == [
            .init(text: "ok", isPlaceholder: false),
            .init(text: "␛", isPlaceholder: true),
            .init(text: "[m!", isPlaceholder: false),
        ])
    }

    @Test func everyScalarBelow0x3000IsSafeAfterSanitising() {
        var text = ""
        for value in 0..<0x3000 {
            if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        }
        #expect(Self.isTerminalSafe(TerminalSafeText.sanitize(text)))
    }
}
