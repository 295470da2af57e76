import GazetteCore
import Testing
@testable import GazetteUI

/// The reader-state keys through the pure reducer, with a stand-in for the run loop's commit.
@Suite struct ReaderStateKeyTests {
    private var generation = 0

    private func state(views: [SavedView] = []) -> AppState {
        AppState(store: AppFixture.store, width: 120, height: 40, overlay: ReaderOverlay(count: AppFixture.store.count), views: views)
    }

    /// What the run loop does with state effects: commit (here: to the overlay), then report back.
    private mutating func run(_ effects: [Effect], _ state: inout AppState) {
        for effect in effects {
            generation += 1
            var overlay = state.overlay!
            var views = state.savedViews
            switch effect {
            case .changeState(let change):
                var inverse: [StateEdit] = []
                for edit in change.edits {
                    let index = AppFixture.store.index(of: ArticleID(edit.id)!)!
                    switch edit {
                    case .read(let id, let value) where value != overlay.isRead(index): inverse.append(.read(id: id, value: overlay.isRead(index)))
                    case .starred(let id, let value) where value != overlay.isStarred(index): inverse.append(.starred(id: id, value: overlay.isStarred(index)))
                    case .tag(let id, let tag, let sign) where sign != 0: inverse.append(.tag(id: id, tag: tag, sign: 0))
                    default: break
                    }
                }
                overlay.apply(change.edits, store: AppFixture.store)
                _ = reduce(&state, .stateChanged(StateUpdate(overlay: overlay, views: views, change: change, inverse: inverse.reversed(), generation: generation)))
            case .saveView(let view):
                views.append(view)
                _ = reduce(&state, .stateChanged(StateUpdate(overlay: overlay, views: views, generation: generation, message: "Saved view '\(view.name)'")))
            case .renameView(let old, let new):
                views = views.map { $0.name == old ? SavedView(name: new, query: $0.query) : $0 }
                _ = reduce(&state, .stateChanged(StateUpdate(overlay: overlay, views: views, generation: generation, message: "Renamed")))
            case .deleteView(let name):
                views.removeAll { $0.name == name }
                _ = reduce(&state, .stateChanged(StateUpdate(overlay: overlay, views: views, generation: generation, message: "Deleted")))
            default:
                Issue.record("unexpected effect \(effect)")
            }
        }
    }

    private func type(_ text: String, _ state: inout AppState) {
        for character in text { _ = reduce(&state, .promptInsert(character)) }
    }

    @Test mutating func mTogglesReadAndTheStatusCountsUnread() {
        var state = state()
        #expect(state.unreadInResult == 5)
        let effects = reduce(&state, .toggleRead)
        #expect(effects == [.changeState(StateChange(edits: [.read(id: AppFixture.store.articles[0].id.description, value: true)], label: "Marked read"))])
        #expect(state.overlay?.isRead(0) == false, "nothing is shown done before the commit")
        run(effects, &state)
        #expect(state.overlay?.isRead(0) == true)
        #expect(state.unreadInResult == 4)
        #expect(state.sidebar.items[1].value == "Unread" && state.sidebar.items[1].count == 4)
        #expect(state.message == "Marked read")
        let canvas = render(state)
        #expect(canvas.lines.contains { $0.contains("5 of 5 articles, 4 unread") })
    }

    @Test mutating func openingAnArticleMarksItReadButLeavesUndoAlone() {
        var state = state()
        run(reduce(&state, .openArticle), &state)
        #expect(state.overlay?.isRead(0) == true)
        #expect(state.undoStack.isEmpty)
        #expect(reduce(&state, .openArticle).isEmpty, "already read: no write")
    }

    @Test mutating func starThenUndo() {
        var state = state()
        run(reduce(&state, .toggleStar), &state)
        #expect(state.overlay?.isStarred(0) == true)
        #expect(state.viewCounts == [5, 5, 1])
        run(reduce(&state, .undo), &state)
        #expect(state.overlay?.isStarred(0) == false)
        #expect(state.message == "Undone: Starred")
        _ = reduce(&state, .undo)
        #expect(state.message == "Nothing to undo")
    }

    @Test mutating func markAllReadAsksWithTheCountFirst() {
        var state = state()
        #expect(reduce(&state, .markAllRead).isEmpty)
        #expect(state.prompt?.kind == .confirmMarkRead(count: 5))
        #expect(render(state).lines.last?.hasPrefix("Mark 5 articles read? (y/n)") == true)
        _ = reduce(&state, .promptInsert("n"))
        #expect(state.prompt == nil && state.message == "Cancelled")
        _ = reduce(&state, .markAllRead)
        run(reduce(&state, .promptInsert("y")), &state)
        #expect(state.unreadInResult == 0)
        #expect(state.message == "Marked 5 articles read")
        run(reduce(&state, .undo), &state)
        #expect(state.unreadInResult == 5)
    }

    @Test mutating func tagPromptAddsAndHidesTagsWithCompletion() {
        var state = state()
        _ = reduce(&state, .editTags)
        #expect(state.prompt?.kind == .tags(article: 0))
        type("+later -K", &state)
        _ = reduce(&state, .promptComplete)
        #expect(state.prompt?.text == "+later -KGB")
        run(reduce(&state, .promptSubmit), &state)
        #expect(state.store.tagDisplayNames(ofArticle: 0, overlay: state.overlay) == ["CIA", "later"])
        #expect(state.sidebar.items.contains { $0.kind == .tag && $0.value == "later" && $0.count == 1 && $0.view == nil })
        #expect(AppFixture.count(state, .tag, "KGB") == nil, "the hidden tag's only article no longer counts")
    }

    @Test mutating func tagsWithSpacesAreQuotedAndCompletedInQuotes() {
        var state = state()
        _ = reduce(&state, .editTags)
        // A tag with a space in quotes is one tag, not two.
        type("+\"to check\" +Cold", &state)
        run(reduce(&state, .promptSubmit), &state)
        #expect(state.store.tagDisplayNames(ofArticle: 0, overlay: state.overlay) == ["CIA", "KGB", "Cold", "to check"], "file tags, then the reader's")
        _ = reduce(&state, .editTags)
        type("-\"to", &state)
        _ = reduce(&state, .promptComplete)
        #expect(state.prompt?.text == "-\"to check\"")
        run(reduce(&state, .promptSubmit), &state)
        #expect(state.store.tagDisplayNames(ofArticle: 0, overlay: state.overlay) == ["CIA", "KGB", "Cold"])
        #expect(TagPromptWords.parse("+\"Cold War\" -spy \"open").map(\.tag) == ["Cold War", "spy", "open"])
        #expect(TagPromptWords.parse("+\"Cold War\" -spy \"open").map(\.remove) == [false, true, false])
    }

    @Test mutating func renamingTheSelectedViewKeepsItDeletingItShowsAll() {
        var state = state(views: [SavedView(name: "Moscow", query: "tag:Russia")])
        state.sidebar.select(3)
        _ = reduce(&state, .toggleInclude)
        #expect(AppFixture.titles(state) == ["Station notes from Moscow", "Hackers in the grid"])
        _ = reduce(&state, .renameView)
        _ = reduce(&state, .promptClear)
        type("Russia", &state)
        run(reduce(&state, .promptSubmit), &state)
        #expect(state.activeView == .saved("Russia"), "the renamed view stays selected")
        #expect(AppFixture.titles(state) == ["Station notes from Moscow", "Hackers in the grid"])
        state.sidebar.select(3)
        _ = reduce(&state, .deleteView)
        run(reduce(&state, .promptInsert("y")), &state)
        #expect(state.activeView == nil)
        #expect(AppFixture.titles(state).count == 5, "the list shows All at once, not the deleted view's articles")
        #expect(state.sidebar.items.first { $0.view != nil && $0.value == "All" }?.mark == .included)
    }

    @Test mutating func anExcludedTagOfTheReadersOwnStaysInTheSidebar() {
        var state = state()
        _ = reduce(&state, .editTags)
        type("+later", &state)
        run(reduce(&state, .promptSubmit), &state)
        AppFixture.point(&state, at: .tag, "later")
        _ = reduce(&state, .toggleExclude)
        #expect(AppFixture.titles(state).count == 4)
        let row = state.sidebar.items.first { $0.kind == .tag && $0.value == "later" && $0.view == nil }
        #expect(row?.mark == .excluded, "the excluded tag is still listed, so the mark can be taken off where it was put")
        #expect(row?.count == 0)
        #expect(state.sidebar.current?.value == "later", "the cursor stays on it")
        _ = reduce(&state, .toggleExclude)
        #expect(AppFixture.titles(state).count == 5)
    }

    @Test mutating func viewsSectionSelectsAndSavesViews() {
        var state = state(views: [SavedView(name: "Moscow", query: "tag:Russia")])
        #expect(state.sidebar.items.prefix(4).map(\.value) == ["All", "Unread", "Starred", "Moscow"])
        #expect(state.sidebar.items.prefix(4).map(\.count) == [5, 5, 0, 2])
        state.sidebar.select(3)
        _ = reduce(&state, .toggleInclude)
        #expect(AppFixture.titles(state) == ["Station notes from Moscow", "Hackers in the grid"])
        #expect(state.activeQueryText == "tag:Russia")
        AppFixture.point(&state, at: .year, "2019")
        _ = reduce(&state, .toggleInclude)
        _ = reduce(&state, .saveView)
        type("Grid", &state)
        run(reduce(&state, .promptSubmit), &state)
        #expect(state.savedViews.last == SavedView(name: "Grid", query: "tag:Russia year:2019"))
        #expect(state.sidebar.items.first { $0.value == "Grid" }?.count == 1)
    }

    @Test func savedViewsAreRenamedAndDeletedFromTheSidebar() {
        var state = state(views: [SavedView(name: "Moscow", query: "tag:Russia")])
        state.options.focus = .sidebar
        state.sidebar.select(1)
        _ = reduce(&state, .renameView)
        #expect(state.message == "Only saved views can be renamed or deleted")
        state.sidebar.select(3)
        _ = reduce(&state, .renameView)
        #expect(state.prompt?.kind == .renameView("Moscow"))
        #expect(state.prompt?.text == "Moscow")
        _ = reduce(&state, .promptDeleteWord)
        type("Kremlin", &state)
        #expect(reduce(&state, .promptSubmit) == [.renameView(from: "Moscow", to: "Kremlin")])
        _ = reduce(&state, .deleteView)
        #expect(render(state).lines.last?.hasPrefix("Delete view 'Moscow'? (y/n)") == true)
        #expect(reduce(&state, .promptInsert("y")) == [.deleteView("Moscow")])
    }

    @Test mutating func anotherProcesssChangeUpdatesCountsButNotTheList() {
        var state = state()
        _ = reduce(&state, .startQuery)
        type("is:unread", &state)
        _ = reduce(&state, .promptSubmit)
        var overlay = state.overlay!
        overlay.setRead(1, true)
        overlay.setTag(2, "fromcli", sign: 1)
        _ = reduce(&state, .stateChanged(StateUpdate(overlay: overlay, views: [], generation: 99)))
        #expect(state.result.count == 5, "the list keeps its articles until the filter changes")
        #expect(state.unreadInResult == 4)
        #expect(state.sidebar.items.contains { $0.value == "fromcli" && $0.count == 1 })
    }

    @Test func withoutStateTheListHasNoMarkersAndTheKeysSaySo() {
        var state = AppFixture.state()
        #expect(reduce(&state, .toggleRead).isEmpty)
        #expect(state.message == "Reader state is off")
        #expect(!render(state).lines.contains { $0.contains("●") })
    }
}
