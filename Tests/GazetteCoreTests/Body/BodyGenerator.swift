import GazetteTestSupport

/// Random bodies built from the pieces the block rules look at: quotation marks in every spelling,
/// indentation, list markers, attributions, signature dashes, column gaps, box and rule drawing,
/// code endings, CJK, emoji, controls, NUL, invalid UTF-8, CR before the newline.
enum BodyGenerator {
    static let quotes = ["", "", "", ">", "> ", ">>", "> > ", " > ", "  >", ">>> ", ">\t", "> >>"]
    static let indents = ["", "", "", " ", "  ", "   ", "    ", "\t", "        ", " \t"]
    static let words = [
        "the", "valve", "sensor", "failed", "on", "Tuesday.", "crew", "said:", "writes:", "wrote:", "said:", "says:",
        "12", "1,204.5", "$3", "-4", "(9)", "12%", "東京", "ｶﾀｶﾅ", "😀", "e\u{301}", "\u{200B}", "Ünïcödé", "→",
        "{", "}", ";", "x;", "f() {", "\"quoted.\"", "end.)", "What?", "Yes!", "|", "+", "+--", "--+", "+==", "┌─┐", "│", "═",
        "----", "====", "~~~~", "****", "####", "__", "--", "-", "*", "•", "\u{1B}[2J", "\u{7}", "\u{0}", "\u{7F}", "\u{9B}",
    ]
    static let openings = [
        "", "", "", "", "- ", "* ", "+ ", "• ", "1. ", "12. ", "3) ", "a) ", "(b) ", "(12) ", "[1] ", "[12]", "[x] ", "A. ", "-- ", "--",
        "In article <C6A2x1@news.example> dtr@news.example writes:", "In article <a@b.example>", "In message <x@y>",
        "In <x@y> z wrote:", "On Tue, 4 May 1993, Kay Bell wrote:", "On Tue, Kay Bell", "Kay Bell <kb@cs.example>",
        "| a | b |", "+---+---+", "  ", "\t",
    ]
    static let gaps = [" ", " ", " ", " ", "  ", "   ", "\t", ".  ", "    "]
    static let invalid: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x94], [0x80], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF]]

    /// A body of `lines` random lines.
    static func body(lines: Int, using random: inout SeededRandom) -> [UInt8] {
        var out: [UInt8] = []
        for index in 0..<lines {
            if index > 0 { out += Int.random(in: 0..<8, using: &random) == 0 ? [0x0D, 0x0A] : [0x0A] }
            out += line(using: &random)
        }
        if Bool.random(using: &random) { out.append(0x0A) }
        return out
    }

    static func line(using random: inout SeededRandom) -> [UInt8] {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return []  // blank
        case 1: return Array(pick(["  ", "\t", " \t ", ">", "> ", ">>", "> >"], &random).utf8)  // blank or quoted blank
        default: break
        }
        var out = Array((pick(quotes, &random) + pick(indents, &random) + pick(openings, &random)).utf8)
        let count = Int.random(in: 0...(Int.random(in: 0..<6, using: &random) == 0 ? 40 : 9), using: &random)
        for word in 0..<count {
            if word > 0 { out += Array(pick(gaps, &random).utf8) }
            if Int.random(in: 0..<40, using: &random) == 0 {
                out += pick(invalid, &random)
            } else {
                out += Array(pick(words, &random).utf8)
            }
        }
        if Int.random(in: 0..<8, using: &random) == 0 { out += Array(pick([" ", "  ", "\t", ":", "{", ";", "."], &random).utf8) }
        return out
    }

    static func pick<T>(_ choices: [T], _ random: inout SeededRandom) -> T {
        choices[Int.random(in: 0..<choices.count, using: &random)]
    }
}
