import GazetteCore
import Testing
@testable import GazetteUI

@Suite struct ReaderStateTests {
    private static func text(_ document: ReaderDocument?) -> [String] {
        (document?.lines ?? []).map { $0.spans.map(\.text).joined() }
    }

    @Test func readerShowsTagsInTheCorpusDisplayForm() {
        let location = SourceLocation(path: "tags.txt", line: 1)
        let store = ArticleStore(articles: [
            Article(title: "Lower-case tag", date: AppFixture.date(2022, 1, 1), tags: ["cia"], paragraphs: ["One."], source: location),
            Article(title: "Second", date: AppFixture.date(2021, 1, 1), tags: ["CIA"], paragraphs: ["Two."], source: location),
            Article(title: "Third", date: AppFixture.date(2020, 1, 1), tags: ["CIA"], paragraphs: ["Three."], source: location),
        ])
        let state = AppState(store: store, width: 120, height: 40)
        #expect(AppFixture.selectedTitle(state) == "Lower-case tag")
        let lines = Self.text(state.reader.document)
        #expect(lines.contains { $0.contains("CIA") }, "as the sidebar and list show it: \(lines)")
        #expect(!lines.contains { $0.contains("cia") })
    }

    @Test func aReaderAtTheEndStaysAtTheEndAcrossResizes() {
        var state = AppFixture.state()
        _ = reduce(&state, .openArticle)
        _ = reduce(&state, .moveToBottom)
        #expect(state.reader.viewport.positionLabel == "Bot")
        for (width, height) in [(60, 20), (200, 60), (90, 14), (120, 40)] {
            _ = reduce(&state, .resize(width: width, height: height))
            #expect(state.reader.viewport.positionLabel == "Bot", "at \(width)×\(height)")
        }
        _ = reduce(&state, .moveToTop)
        for (width, height) in [(60, 20), (200, 60), (120, 40)] {
            _ = reduce(&state, .resize(width: width, height: height))
            #expect(state.reader.viewport.positionLabel == "Top", "at \(width)×\(height)")
        }
    }

    @Test func aReaderInTheMiddleKeepsItsPlaceRoughly() {
        var state = AppFixture.state()
        _ = reduce(&state, .openArticle)
        _ = reduce(&state, .pageDown)
        let before = state.reader.viewport
        _ = reduce(&state, .resize(width: 60, height: 20))
        _ = reduce(&state, .resize(width: 120, height: 40))
        #expect(state.reader.viewport.positionLabel != "Bot")
        #expect(abs(state.reader.viewport.offset - before.offset) <= 2)
    }
}
