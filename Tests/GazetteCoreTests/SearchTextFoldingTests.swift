import Testing
@testable import GazetteCore

@Suite struct SearchTextFoldingTests {
    @Test func foldRemovesCaseAndDiacritics() {
        #expect(TextFolding.fold("Zürich"[...]) == "zurich")
        #expect(TextFolding.fold("CAFÉ"[...]) == "cafe")
        #expect(TextFolding.fold("Spy"[...]) == "spy")
        #expect(TextFolding.fold("Ёлка"[...]) == "елка")
    }

    @Test func wordsSplitOnPunctuationAndKeepRanges() {
        let text = "Zürich's “naïve” spies, 1989—CIA"
        let words = TextFolding.words(in: text)
        #expect(words.map(\.folded) == ["zurich", "s", "naive", "spies", "1989", "cia"])
        #expect(words.map { String(text[$0.range]) } == ["Zürich", "s", "naïve", "spies", "1989", "CIA"])
    }

    @Test func nonLatinScriptsAreWords() {
        // Each Chinese character and kana is a word: CJK text has no spaces between words.
        #expect(TextFolding.words(in: "«Правда» 東京").map(\.folded) == ["правда", "東", "京"])
        #expect(TextFolding.words(in: "東京の情報機関はabc한국어").map(\.folded) == ["東", "京", "の", "情", "報", "機", "関", "は", "abc한국어"], "Hangul, written with spaces, stays in runs")
        // A decomposed voiced kana (か + U+3099) is one word, as its composed form is.
        #expect(TextFolding.words(in: "か\u{3099}ぎ").count == 2)
    }

    @Test func combiningMarksStayInsideTheWord() {
        // "Zu" + COMBINING DIAERESIS + "rich" folds like the precomposed form.
        #expect(TextFolding.words(in: "Zu\u{308}rich").map(\.folded) == ["zurich"])
    }

    @Test func searchTermMatching() {
        #expect(SearchTerm(folded: "cartel").matches(foldedWord: "cartel"))
        #expect(!SearchTerm(folded: "cartel").matches(foldedWord: "cartels"))
        #expect(SearchTerm(folded: "cartel", isPrefix: true).matches(foldedWord: "cartels"))
        #expect(!SearchTerm(folded: "cartel", isPrefix: true).matches(foldedWord: "carte"))
    }
}
