import Foundation
import GazetteCore
import Testing
@testable import GazetteUI
import GazetteTestSupport

/// The lazily laid-out reader: what it shows is always what the whole layout would show, a huge
/// body opens having laid out only a window of it, and `G`, `g`, `n`, `N` land where the whole
/// layout puts them.
@Suite struct LazyReaderTests {
    static let location = SourceLocation(path: "lazy.txt", line: 1)

    /// Every article of the repository's sample data and of the Usenet and wire fixtures.
    static let corpus: [Article] = {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let roots = [
            tests.deletingLastPathComponent().appendingPathComponent("Data").path,
            tests.appendingPathComponent("GazetteCoreTests/Fixtures/archives/usenet").path,
            tests.appendingPathComponent("GazetteCoreTests/Fixtures/archives/wire").path,
        ]
        return (try? ArchiveLoader.load(directories: roots).articles) ?? []
    }()

    static func texts(_ lines: [StyledLine]) -> [String] { lines.map(\.text) }

    @Test func everySlotSizeGivesTheWholeLayoutOverTheCorpus() {
        #expect(Self.corpus.count > 40, "the sample data and fixtures are found")
        let highlighter = Highlighting.terms(["the", "war"])
        for article in Self.corpus {
            for width in [33, 50, 80, 110] {
                let whole = ReaderDocument.layout(article, width: width, highlighter: highlighter)
                for slotBytes in [40, 700, 5000] where slotBytes < article.bodyUTF8.count || slotBytes == 40 {
                    let lazy = ReaderDocument.lazyLayout(article, width: width, highlighter: highlighter, slotBytes: slotBytes, eagerBytes: -1)
                    #expect(lazy.lines == whole.lines, "\(article.source) at \(width) cols, slots of \(slotBytes) bytes")
                }
            }
        }
    }

    /// Paging through a lazy document shows, window by window, the whole layout's lines.
    @Test func theWindowShownEqualsTheWholeLayoutAtEveryPage() {
        for article in Self.corpus where article.bodyUTF8.count > 1500 {
            for (width, height) in [(50, 12), (80, 30)] {
                let whole = ReaderDocument.layout(article, width: width)
                var lazy = ReaderDocument.lazyLayout(article, width: width, slotBytes: 300, eagerBytes: -1)
                var viewport = TextViewport(total: lazy.lineCount, height: height)
                var none: [Int] = []
                lazy.prepare(&viewport, keeping: &none)
                while true {
                    let shown = (viewport.offset..<min(viewport.offset + height, lazy.lineCount)).map { lazy.line(at: $0)?.text }
                    let expected = Array(whole.lines[viewport.offset..<min(viewport.offset + height, whole.lines.count)]).map { Optional($0.text) }
                    #expect(shown == expected, "\(article.source) \(width)×\(height) at line \(viewport.offset)")
                    if viewport.isAtEnd { break }
                    viewport.pageDown()
                    lazy.prepare(&viewport, keeping: &none)
                }
                #expect(!lazy.isEstimated && lazy.lineCount == whole.lines.count, "\(article.source): the count is exact at the end")
            }
        }
    }

    /// Random bodies made of the shapes the block rules look across blank lines for (signature
    /// dashes, attributions, quotes, list items, tables): cut anywhere, laid out the same.
    @Test func randomBodiesCutAnywhereLayOutAsAWhole() {
        var random = SeededRandom()
        let pieces = [
            "", "", "", "Plain words run on here and wrap across the measure of the reader.",
            "-- ", "--", "Kay Bell writes:", "On Tue, 3 May, Ann wrote:", "> quoted text line", "> > deeper quote",
            ">", "- an item of a list", "1. the first step", "  indented wire paragraph that reads as prose.",
            "Date      Flight   Vehicle", "April 27  STS-55   Columbia", "    for (i = 0; i < n; i++) {", "    }",
            "In article <x@y> jd@z (J D) writes:", "Short line.", "   ", "+----+----+", "\t tabbed", "the war",
        ]
        for _ in 0..<150 {
            let count = Int.random(in: 1...60, using: &random)
            let body = (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined(separator: "\n")
            let article = Article(title: "Random", paragraphs: [body], source: Self.location)
            let width = Int.random(in: 12...90, using: &random)
            let slot = Int.random(in: 1...200, using: &random)
            let whole = ReaderDocument.layout(article, width: width, highlighter: Highlighting.terms(["war"]))
            let lazy = ReaderDocument.lazyLayout(article, width: width, highlighter: Highlighting.terms(["war"]), slotBytes: slot, eagerBytes: -1)
            #expect(Self.texts(lazy.lines) == Self.texts(whole.lines), "\(random.reproduce): width \(width), slots \(slot)\n\(body)")
            #expect(lazy.lines == whole.lines, "\(random.reproduce): styles")
        }
    }

    // MARK: - A huge article in the app

    /// About `megabytes` MB of mixed text: quotes, lists, a table, code, wire paragraphs, and
    /// the word `zeppelin` in three places (near the top, the middle and the end).
    static func hugeArticle(megabytes: Double) -> Article {
        let unit = """
        Kay Bell writes:
        > The launches will all slip; the pad crews are stretched far too thin to
        > turn two vehicles around in three weeks.

        They already published the dates, and here they are for the record:

          April 27  STS-55   Columbia    Spacelab D2
          May 19    Titan    IV          classified

        Things to check before the next window opens on the range:
        - the valve sensor on the second stage
        - the weather over the cape

            for (i = 0; i < n; i++) {
                total += a[i];
            }

        A plain paragraph follows, long enough to wrap over several lines at the reader's measure, \
        saying nothing in particular about the spring, the launches or the crews.

        """
        let units = Int(megabytes * 1_048_576) / unit.utf8.count
        var paragraphs: [String] = []
        for index in 0..<units {
            if index == 3 || index == units / 2 || index == units - 3 { paragraphs.append("A zeppelin was seen over the harbour.") }
            paragraphs.append(unit)
        }
        return Article(title: "The longest thread", author: "Kay Bell", paragraphs: paragraphs, source: location)
    }

    static func hugeState(_ article: Article, width: Int = 100, height: Int = 30) -> AppState {
        var state = AppState(store: ArticleStore(articles: [article]), width: width, height: height)
        _ = reduce(&state, .openArticle)
        return state
    }

    /// The text of the reader's window, line by line.
    static func window(_ state: AppState) -> [String] {
        guard let document = state.reader.document else { return [] }
        let view = state.reader.viewport
        return (view.offset..<min(view.offset + view.height, document.lineCount)).map { document.line(at: $0)?.text ?? "<not laid out>" }
    }

    @Test func aHugeBodyOpensHavingLaidOutOnlyAWindow() throws {
        let article = Self.hugeArticle(megabytes: 3)
        let state = Self.hugeState(article)
        let document = try #require(state.reader.document)
        let width = state.layout.reader!.width
        let whole = ReaderDocument.layout(article, width: width)
        #expect(whole.lines.count > 50_000)
        // A few slots' worth of lines, however long the article.
        #expect(document.linesLaidOut < 2_000, "\(document.linesLaidOut) lines laid out")
        #expect(document.isEstimated)
        #expect(Self.window(state) == Array(whole.lines.prefix(state.reader.viewport.height)).map(\.text))
        let rule = render(state).lines.first { $0.contains("Top") }
        #expect(rule != nil, "the reader's rule says Top")
    }

    @Test func gThenGAndPagesShowWhatTheWholeLayoutShows() throws {
        let article = Self.hugeArticle(megabytes: 1.5)
        var state = Self.hugeState(article)
        #expect(state.options.focus == .reader)
        let width = state.layout.reader!.width
        let whole = Self.texts(ReaderDocument.layout(article, width: width).lines)
        let height = state.reader.viewport.height
        _ = reduce(&state, .moveToBottom)
        #expect(Self.window(state) == Array(whole.suffix(height)), "G shows the end")
        #expect(state.reader.viewport.isAtEnd)
        #expect(render(state).lines.contains { $0.contains(" Bot ") })
        _ = reduce(&state, .pageUp)
        let upper = state.reader.viewport.offset
        #expect(Self.window(state) == Array(whole.suffix(2 * height - 1).prefix(height)), "PgUp from the end")
        #expect(upper > 0)
        let percent = render(state).lines.first { $0.contains("%") } ?? ""
        #expect(percent.contains("~"), "an estimated position says so: \(percent)")
        _ = reduce(&state, .moveToTop)
        #expect(Self.window(state) == Array(whole.prefix(height)), "g shows the top")
        for page in 1...5 {
            _ = reduce(&state, .pageDown)
            let from = page * (height - 1)
            #expect(Self.window(state) == Array(whole[from..<(from + height)]), "page \(page)")
            #expect(state.reader.viewport.offset == from, "the lines above are known: exact position")
        }
        #expect(state.reader.document!.linesLaidOut < 3_000)
    }

    /// The huge article open in the reader with `zeppelin` searched for.
    static func searchedState(_ article: Article) -> AppState {
        var state = AppState(store: ArticleStore(articles: [article]), width: 100, height: 30)
        _ = reduce(&state, .startQuery)
        for character in "zeppelin" { _ = reduce(&state, .promptInsert(character)) }
        _ = reduce(&state, .promptSubmit)
        _ = reduce(&state, .openArticle)
        return state
    }

    @Test func nAndNFindHitsBeyondWhatIsLaidOutWhereTheWholeLayoutHasThem() throws {
        let article = Self.hugeArticle(megabytes: 1.5)
        var state = Self.searchedState(article)
        let width = state.layout.reader!.width
        let whole = ReaderDocument.layout(article, width: width, highlighter: AppState.highlighter(state.highlightTerms))
        #expect(whole.hitLines.count == 3)
        _ = reduce(&state, .nextHit)
        #expect(state.reader.currentHit == whole.hitLines[0])
        #expect(state.message?.hasPrefix("Hit 1") == true, "\(state.message ?? "")")
        _ = reduce(&state, .nextHit)
        #expect(state.reader.currentHit == whole.hitLines[1], "the middle hit, all above it laid out: exact")
        #expect(state.message?.hasPrefix("Hit 2") == true, "\(state.message ?? "")")
        #expect(Self.window(state).contains { $0.contains("zeppelin") })
        _ = reduce(&state, .nextHit)
        _ = reduce(&state, .nextHit)
        #expect(state.reader.currentHit == whole.hitLines[0])
        #expect(state.message == "Hit 1 of 3 (from the top)", "all laid out by now: counted")

        // From the end, N finds the last hit with the middle of the article not laid out.
        var fresh = Self.searchedState(article)
        _ = reduce(&fresh, .moveToBottom)
        _ = reduce(&fresh, .previousHit)
        let hit = try #require(fresh.reader.currentHit)
        #expect(fresh.reader.document?.line(at: hit)?.text == whole.lines[whole.hitLines[2]].text)
        #expect(Self.window(fresh).contains { $0.contains("zeppelin") })
        var document = try #require(fresh.reader.document)
        #expect(document.isEstimated, "the middle is still unread")
        // Once everything is laid out, the positions are the whole layout's.
        var view = fresh.reader.viewport
        var lines = [hit]
        for slot in 0..<(document.body?.slotCount ?? 0) { document.layOut(slot: slot, keeping: &view, lines: &lines) }
        #expect(!document.isEstimated)
        #expect(document.lineCount == whole.lines.count)
        #expect(lines[0] == whole.hitLines[2])
        #expect(document.hitLines == whole.hitLines)
    }

    @Test func nAfterScrollingAwayFindsTheNextHitFromWhatIsOnScreen() {
        let article = Self.hugeArticle(megabytes: 1.5)
        var state = Self.searchedState(article)
        let width = state.layout.reader!.width
        let whole = ReaderDocument.layout(article, width: width, highlighter: AppState.highlighter(state.highlightTerms))
        _ = reduce(&state, .nextHit)
        _ = reduce(&state, .nextHit)
        #expect(state.reader.currentHit == whole.hitLines[1])
        // Back to the top, as `g` does: `n` finds the first hit again, not the third.
        _ = reduce(&state, .moveToTop)
        _ = reduce(&state, .nextHit)
        #expect(state.reader.currentHit == whole.hitLines[0], "the next hit after the screen, as in less")
        #expect(state.message?.hasPrefix("Hit 1") == true, "\(state.message ?? "")")
    }

    @Test func streamingGivesTheWholeRendering() {
        for article in Self.corpus.prefix(30) + [Self.hugeArticle(megabytes: 0.6)] {
            var streamed = ""
            ArticleTextRenderer.stream(article, tags: article.tags, width: 72, slotBytes: 900) { streamed += $0 }
            #expect(streamed == ArticleTextRenderer.render(article, tags: article.tags, width: 72), "\(article.source)")
        }
    }
}
