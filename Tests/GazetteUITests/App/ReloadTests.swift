import Foundation
import GazetteCore
import Testing
@testable import GazetteUI

/// A reloaded archive replaces the store and keeps what the reader was doing.
@Suite struct ReloadTests {
    static func reloaded(_ articles: [Article], quiet: Bool = false) -> Action {
        .reloaded(ReloadedArchive(store: ArticleStore(articles: articles), report: LoadReport(), quiet: quiet))
    }

    static let newer = Article(title: "Zeppelin over the harbour", date: AppFixture.date(2023, 1, 1), tags: ["CIA"],
                               paragraphs: ["A zeppelin hung over the harbour."], source: AppFixture.location)

    @Test func aNewArticleKeepsQuerySelectionAndReaderPosition() {
        var state = AppFixture.state()
        _ = reduce(&state, .startQuery)
        for character in "harbour" { _ = reduce(&state, .promptInsert(character)) }
        _ = reduce(&state, .promptSubmit)
        #expect(AppFixture.titles(state) == ["Bridge exchange at dawn", "Codebreakers of the long war"])
        _ = reduce(&state, .focusRight)
        for _ in 0..<7 { _ = reduce(&state, .moveDown) }
        let offset = state.reader.viewport.offset
        #expect(offset > 0)

        #expect(reduce(&state, Self.reloaded(AppFixture.articles + [Self.newer])).isEmpty)
        #expect(state.message == "1 new article")
        #expect(state.activeQueryText == "harbour")
        #expect(AppFixture.titles(state) == ["Zeppelin over the harbour", "Bridge exchange at dawn", "Codebreakers of the long war"])
        #expect(AppFixture.selectedTitle(state) == "Bridge exchange at dawn", "selection kept by id, not position")
        #expect(state.reader.viewport.offset == offset, "the reader stays where it was")
        #expect(state.store.count == 6)
    }

    @Test func theReaderStaysPutWhenAnUnrelatedFileChanges() throws {
        // Found under tmux: a reader scrolled into a short article jumped to its end on every reload.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let archive = try ArchiveLoader.load(directories: [root.appendingPathComponent("Data").path])
        var state = AppState(store: ArticleStore(articles: archive.articles), report: archive.report, width: 120, height: 40)
        _ = reduce(&state, .startQuery)
        for character in "able archer" { _ = reduce(&state, .promptInsert(character)) }
        _ = reduce(&state, .promptSubmit)
        _ = reduce(&state, .openArticle)
        for _ in 0..<6 { _ = reduce(&state, .moveDown) }
        let offset = state.reader.viewport.offset
        #expect(offset == 6)
        #expect(!state.reader.viewport.isAtEnd)
        // As the app reloads: the new store's word index is built in the background.
        let reloaded = ArticleStore(articles: archive.articles + [Self.newer], textIndexInBackground: true)
        _ = reduce(&state, .reloaded(ReloadedArchive(store: reloaded, report: archive.report, quiet: true)))
        // Until it is, "More like this" is missing: the article may be too short to stay at 6.
        #expect(state.reader.viewport.offset <= offset)
        while !reloaded.isTextIndexReady { usleep(1000) }
        _ = reduce(&state, .textIndexReady)
        #expect(state.reader.viewport.offset == offset)
        _ = reduce(&state, .redraw)
        #expect(state.reader.viewport.offset == offset)
        // A reader who moved while the index was building is not sent back.
        _ = reduce(&state, Self.reloaded(archive.articles))
        let again = ArticleStore(articles: archive.articles + [Self.newer], textIndexInBackground: true)
        _ = reduce(&state, .reloaded(ReloadedArchive(store: again, report: archive.report, quiet: true)))
        _ = reduce(&state, .moveUp)
        let moved = state.reader.viewport.offset
        while !again.isTextIndexReady { usleep(1000) }
        _ = reduce(&state, .textIndexReady)
        #expect(state.reader.viewport.offset == moved)
    }

    @Test func anEditedArticleIsSaidToHaveChanged() {
        var state = AppFixture.state()
        var edited = AppFixture.articles
        let old = edited[1]
        edited[1] = Article(title: old.title, date: old.date, author: old.author, categories: old.categories, tags: old.tags,
                            paragraphs: ["A cable arrived very late."], source: old.source)
        var archive = ReloadedArchive(store: ArticleStore(articles: edited), report: LoadReport())
        archive.edited = archive.store.editedArticles(since: state.store).count
        #expect(archive.edited == 1)
        _ = reduce(&state, .reloaded(archive))
        #expect(state.message == "1 article changed")
    }

    @Test func aFileThatBecameUnreadableIsSaidAndListed() {
        var state = AppFixture.state()
        var report = LoadReport()
        report.warnings = [LoadWarning(path: "Data/broken.txt", line: 0, reason: "cannot read: No such file or directory")]
        _ = reduce(&state, .reloaded(ReloadedArchive(store: ArticleStore(articles: AppFixture.articles), report: report, quiet: true)))
        #expect(state.message == "A file could not be read (w lists the warnings)")
        #expect(state.warningLines.count == 1)
        _ = reduce(&state, .reloaded(ReloadedArchive(store: ArticleStore(articles: AppFixture.articles), report: LoadReport(), quiet: true)))
        #expect(state.message == "Load warnings changed (w lists them)")
        #expect(state.warningLines.isEmpty)
    }

    /// A first start that found the snapshot damaged (or from another version) lists the note
    /// under `w`; when the snapshot it rebuilt takes over, quietly, the note goes and nothing is
    /// said: it was about the cache, not the files.
    @Test func theRebuiltSnapshotTakingOverSaysNothingAboutTheOldOnesNote() {
        var report = LoadReport()
        report.warnings = [SnapshotError.invalid("/cache/gazette/snapshot.gzsnap", "format version 7, expected 8").warning]
        #expect(report.warnings[0].isSnapshotNote)
        var state = AppState(store: ArticleStore(articles: AppFixture.articles), report: report, width: 120, height: 40)
        #expect(state.warningLines.count == 1)
        _ = reduce(&state, Self.reloaded(AppFixture.articles, quiet: true))
        #expect(state.message == nil, "\(state.message ?? "")")
        #expect(state.warningLines.isEmpty)
        // A file's own warning is not a snapshot note, whatever it says.
        #expect(!LoadWarning(path: "Data/snapshot.txt", line: 0, reason: "cannot read: snapshot ignored").isSnapshotNote)
    }

    @Test func deletingTheSelectedArticleSelectsItsNeighbour() {
        var state = AppFixture.state()
        _ = reduce(&state, .moveDown)
        #expect(AppFixture.selectedTitle(state) == "Station notes from Moscow")
        let remaining = AppFixture.articles.filter { $0.title != "Station notes from Moscow" }
        _ = reduce(&state, Self.reloaded(remaining))
        #expect(state.message == "1 article removed")
        #expect(AppFixture.selectedTitle(state) == "Codebreakers of the long war")
        #expect(state.reader.article == state.selectedArticle)
    }

    @Test func theViewsCountTheNewStoreAtOnce() {
        // Started from a snapshot of five articles, their files since removed, then one added:
        // "All" and "Unread" must say 0, then 1, not lag one reload behind.
        var state = AppState(store: AppFixture.store, width: 120, height: 40, overlay: ReaderOverlay(count: AppFixture.store.count))
        func viewCounts() -> [String: Int] {
            Dictionary(uniqueKeysWithValues: state.sidebar.items.filter { $0.view != nil }.map { ($0.value, $0.count) })
        }
        #expect(viewCounts()["All"] == 5)
        _ = reduce(&state, .reloaded(ReloadedArchive(store: ArticleStore(articles: []), report: LoadReport(), overlay: ReaderOverlay(count: 0))))
        #expect(viewCounts()["All"] == 0)
        #expect(viewCounts()["Unread"] == 0)
        _ = reduce(&state, .reloaded(ReloadedArchive(store: ArticleStore(articles: [Self.newer]), report: LoadReport(), overlay: ReaderOverlay(count: 1))))
        #expect(viewCounts()["All"] == 1)
        #expect(viewCounts()["Unread"] == 1)
        #expect(state.message == "1 new article")
    }

    @Test func messagesAndTheQuietCheckAfterASnapshotStart() {
        #expect(ReloadedArchive.message(added: 3, removed: 0) == "3 new articles")
        #expect(ReloadedArchive.message(added: 2, removed: 1) == "2 new articles, 1 removed")
        #expect(ReloadedArchive.message(added: 0, removed: 2) == "2 articles removed")
        #expect(ReloadedArchive.message(added: 0, removed: 0, changed: 1) == "1 article changed")
        #expect(ReloadedArchive.message(added: 1, removed: 0, changed: 2) == "1 new article, 2 changed")
        var state = AppFixture.state()
        _ = reduce(&state, Self.reloaded(AppFixture.articles, quiet: true))
        #expect(state.message == nil, "nothing came or went: nothing to say")
        #expect(reduce(&state, .reload) == [.reload])
        _ = reduce(&state, .reloaded(nil))
        #expect(state.message == "No changes in the data directories")
    }

    /// `R` pressed while the first store gives way to the snapshot just written: the one load
    /// answers both, quietly, and `R` still says what it found.
    @Test func capitalRAnsweredByTheQuietSwapStillSaysNoChanges() {
        var state = AppFixture.state()
        _ = reduce(&state, .focusRight)
        for _ in 0..<3 { _ = reduce(&state, .moveDown) }
        let (selected, offset) = (AppFixture.selectedTitle(state), state.reader.viewport.offset)
        #expect(reduce(&state, .reload) == [.reload])
        _ = reduce(&state, Self.reloaded(AppFixture.articles, quiet: true))
        #expect(state.message == "No changes in the data directories")
        #expect(AppFixture.selectedTitle(state) == selected && state.reader.viewport.offset == offset)
        // Not asked for: the swap says nothing.
        state.message = nil
        _ = reduce(&state, Self.reloaded(AppFixture.articles, quiet: true))
        #expect(state.message == nil)
    }
}
