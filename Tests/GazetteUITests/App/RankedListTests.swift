import GazetteCore
@testable import GazetteUI
import GazetteTestSupport

import Testing

/// The list of a word query is ranked lazily (only the rows looked at are put in order): what
/// the user sees — the rows drawn, `G`, paging both ways, the selected article, the counts —
/// must be exactly the fully sorted relevance order.
@Suite struct RankedListTests {
    static let vocabulary = ["harbour", "cable", "station", "cipher", "ferry", "valley", "signal", "courier",
                             "embassy", "border", "agent", "tunnel", "report", "network", "asset", "night"]

    /// Many articles over few words, so a word matches thousands and scores tie often.
    static let store: ArticleStore = {
        var random = SeededRandom(seed: 41)
        let articles = (0..<4000).map { n -> Article in
            func words(_ count: Int) -> String {
                (0..<count).map { _ in vocabulary[Int(random.next() % UInt64(min(vocabulary.count, 1 + Int(random.next() % 16))))] }
                    .joined(separator: " ")
            }
            return Article(title: "\(words(3)) \(n)", date: AppFixture.date(2000 + n % 20, 1 + n % 12, 1 + n % 28),
                           tags: ["T\(n % 7)"], paragraphs: [words(4 + Int(random.next() % 30))], source: AppFixture.location)
        }
        return ArticleStore(articles: articles)
    }()

    /// The titles drawn in the list pane, top to bottom.
    static func drawnTitles(_ state: AppState) -> [Int32] {
        state.list.visibleRange.map { Int32(state.listArticle(at: $0)) }
    }

    @Test func rowsSeenWhileMovingEqualTheFullSort() throws {
        var random = SeededRandom()
        for round in 0..<30 {
            let words = (0..<(1 + Int(random.next() % 3))).map { _ in Self.vocabulary[Int(random.next() % UInt64(Self.vocabulary.count))] }
            var text = words.joined(separator: " ")
            switch round % 3 {
            case 1: text = "\"\(words[0]) \(words.last!)\""
            case 2: text = String(words[0].prefix(2)) + "*"
            default: break
            }
            let expected = Self.store.evaluate(try Query.parse(text), sort: .relevance).indices
            var state = AppState(store: Self.store, width: 120, height: 30)
            _ = reduce(&state, .startQuery)
            AppFixture.type(text, into: &state)
            let context = "\(text), \(random.reproduce)"
            #expect(state.result.count == expected.count, "\(context)")
            guard !expected.isEmpty else { continue }
            // Drawn first (the render asks for the visible rows), then selected.
            _ = render(state)
            #expect(Self.drawnTitles(state) == Array(expected[state.list.visibleRange]), "\(context)")
            // The selection stays on the article it was on while typing when the result has it.
            #expect(state.selectedArticle == state.list.selection.map { Int(expected[$0]) }, "\(context)")
            let moves: [Action] = [.pageDown, .pageDown, .moveToBottom, .pageUp, .halfPageUp, .moveToTop, .pageDown, .moveDown]
            for move in moves + (0..<5).map({ _ in [Action.pageDown, .pageUp, .moveUp, .moveToBottom][Int(random.next() % 4)] }) {
                _ = reduce(&state, move)
                _ = render(state)
                #expect(Self.drawnTitles(state) == Array(expected[state.list.visibleRange]), "\(context) after \(move)")
                #expect(state.selectedArticle == state.list.selection.map { Int(expected[$0]) }, "\(context) after \(move)")
            }
            // The selection is kept by article when the query changes and comes back.
            let selected = state.selectedArticle
            _ = reduce(&state, .promptInsert(" "))
            #expect(state.selectedArticle == selected, "\(context)")
            #expect(state.result.indices == expected, "\(context)")
        }
    }
}
