import GazetteCore
import Testing
@testable import GazetteUI

@Suite struct HeaderToggleTests {
    static func readerTexts(_ state: AppState) -> [String] {
        state.reader.document?.lines.map(\.text) ?? []
    }

    @Test func hShowsEveryHeaderAndBack() {
        var state = AppState(store: ArticleStore(articles: [SampleBodies.usenetReply]), width: 100, height: 40)
        #expect(KeyMap.standard.action(for: .character("H"), in: .list) == .toggleHeaders)
        #expect(KeyMap.standard.action(for: .character("H"), in: .reader) == .toggleHeaders)
        #expect(Self.readerTexts(state).contains("Organization: Lakeside Physics Lab"))
        #expect(!Self.readerTexts(state).contains { $0.hasPrefix("Path: ") })
        #expect(Self.readerTexts(state).contains("5 more headers (H shows all)"))

        _ = reduce(&state, .toggleHeaders)
        #expect(Self.readerTexts(state).contains("Path: news.example!lab.example!rourke"))
        #expect(Self.readerTexts(state).contains("NNTP-Posting-Host: lab.example"))
        #expect(state.message == "Showing all headers (H: only those worth reading)")

        _ = reduce(&state, .toggleHeaders)
        #expect(!Self.readerTexts(state).contains { $0.hasPrefix("Path: ") })
    }

    @Test func helpListsH() {
        let help = HelpOverlayView.lines(.standard).map(\.text)
        #expect(help.contains { $0.contains("H") && $0.contains("all headers") })
    }
}

@Suite struct BlockSearchTests {
    @Test func nFindsHitsInQuotesAndTables() {
        var state = AppState(store: ArticleStore(articles: [SampleBodies.usenetReply]), width: 100, height: 12)
        _ = reduce(&state, .startQuery)
        for character in "columbia OR thin" { _ = reduce(&state, .promptInsert(character)) }
        _ = reduce(&state, .promptSubmit)
        _ = reduce(&state, .openArticle)
        _ = reduce(&state, .nextHit)
        #expect(state.message == "Hit 1 of 2")
        let lines = state.reader.document!.lines
        let first = state.reader.document!.hitLines[0]
        #expect(lines[first].text.hasPrefix("│ │ "), "the first hit is in the quote two deep")
        _ = reduce(&state, .nextHit)
        #expect(state.message == "Hit 2 of 2")
        let second = state.reader.document!.hitLines[1]
        #expect(lines[second].text.contains("April 27  STS-55"), "the second is in the quoted table")
        #expect(state.reader.viewport.offset <= second && second < state.reader.viewport.offset + state.reader.viewport.height)
    }
}
