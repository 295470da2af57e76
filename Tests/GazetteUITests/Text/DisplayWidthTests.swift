import Testing
@testable import GazetteUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), (" ", 1), ("~", 1),
        ("é", 1), ("e\u{301}", 1), ("a\u{300}\u{301}\u{302}", 1),
        ("中", 2), ("한", 2), ("\u{1100}\u{1161}\u{11A8}", 2), ("か", 2), ("カ", 2), ("Ａ", 2), ("\u{3000}", 2),
        ("ｶ", 1),  // halfwidth katakana
        ("😀", 2), ("👍🏽", 2), ("👩‍👩‍👧", 2), ("🇯🇵", 2), ("❤️", 2), ("1️⃣", 2), ("☺", 1), ("⌚", 2), ("⌚︎", 2),
        ("\u{200B}", 0), ("\u{200D}", 0), ("\u{FE0F}", 0), ("\u{301}", 0),
        ("\u{1B}", 0), ("\u{9B}", 0), ("…", 1), ("␛", 1), ("⍰", 1), ("𠀋", 2),
    ] as [(String, Int)])
    func clusterWidth(text: String, width: Int) {
        let characters = Array(text)
        #expect(characters.count == 1, "test input must be one cluster: \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        #expect(DisplayWidth.of(characters[0]) == width, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func stringWidthSumsClusters() {
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("東京 tower") == 10)
        #expect(DisplayWidth.of("naïve café") == 10)
        #expect(DisplayWidth.of("🇯🇵🇫🇷") == 4)
    }

    @Test func wideTableIsSortedAndDisjoint() {
        let ranges = EastAsianWidth.wideRanges
        for index in 1..<ranges.count {
            #expect(ranges[index - 1].upperBound < ranges[index].lowerBound, "\(ranges[index - 1]) then \(ranges[index])")
        }
    }
}
