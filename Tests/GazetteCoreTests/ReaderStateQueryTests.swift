import Testing
@testable import GazetteCore

/// `is:`, the reader's tags in `tag:` and the counts, relative dates and `date:` ranges.
@Suite struct ReaderStateQueryTests {
    private let store = StoreFixture.store
    /// Store order: Covert action (2025), Cartel (2024), Zürich (2022), Berlin (1956), Undated.
    private var overlay: ReaderOverlay {
        var overlay = ReaderOverlay(count: store.count)
        overlay.setRead(0, true)
        overlay.setRead(3, true)
        overlay.setStarred(1, true)
        overlay.setTag(2, "Later", sign: 1)
        overlay.setTag(4, "later", sign: 1)
        overlay.setTag(0, "CIA", sign: -1)  // hide a file's tag
        return overlay
    }

    private func titles(_ query: String, overlay: ReaderOverlay?, today: DayKey = DayKey(year: 2025, month: 2, day: 1)!) throws -> [String] {
        store.evaluate(try Query.parse(query, today: today), overlay: overlay).indices.map { store.articles[Int($0)].title }
    }

    @Test func isUnreadReadAndStarredFollowTheOverlay() throws {
        #expect(try titles("is:unread", overlay: overlay) == ["Cartel finances traced", "Zürich spy ring exposed", "Undated memo on codebreaking"])
        #expect(try titles("is:read", overlay: overlay) == ["Covert action in Mexico", "Berlin tunnel"])
        #expect(try titles("is:starred", overlay: overlay) == ["Cartel finances traced"])
        #expect(try titles("-is:starred is:read", overlay: overlay) == ["Covert action in Mexico", "Berlin tunnel"])
        #expect(try titles("IS:Unread tag:mexico", overlay: overlay) == ["Cartel finances traced"])
    }

    @Test func withoutStateEveryArticleIsUnreadAndNoneStarred() throws {
        #expect(try titles("is:unread", overlay: nil).count == 5)
        #expect(try titles("is:read", overlay: nil).isEmpty)
        #expect(try titles("is:starred", overlay: nil).isEmpty)
    }

    @Test func tagMatchesTheReadersTagsAndNotHiddenOnes() throws {
        #expect(try titles("tag:later", overlay: overlay) == ["Zürich spy ring exposed", "Undated memo on codebreaking"])
        #expect(try titles("tag:cia", overlay: overlay) == ["Cartel finances traced", "Zürich spy ring exposed", "Berlin tunnel"])
        #expect(try titles("tag:cia", overlay: nil).count == 4)
    }

    @Test func tagCountsIncludeAddedTagsAndLeaveOutHiddenOnes() throws {
        let result = store.evaluate(.all, overlay: overlay)
        #expect(result.count(of: .tag, value: "CIA") == 3)
        #expect(result.count(of: .tag, value: "later") == 2)
        #expect(result.facet(.tag).first { $0.value == "Later" }?.count == 2)
        let unread = store.evaluate(try Query.parse("is:unread"), overlay: overlay)
        #expect(unread.count(of: .tag, value: "later") == 2)
        #expect(unread.count(of: .tag, value: "CIA") == 2)
        #expect(store.tagDisplayNames(ofArticle: 0, overlay: overlay) == ["covert action", "Mexico"])
        #expect(store.tagDisplayNames(ofArticle: 2, overlay: overlay) == ["CIA", "Switzerland", "Later"])
    }

    @Test func relativeDatesCountBackFromToday() throws {
        // today 2025-02-01: 7d → 2025-01-25; 2w → 2025-01-18; 6m → 2024-08-01; 1y → 2024-02-01.
        #expect(try titles("after:7d", overlay: nil).isEmpty)
        #expect(try titles("after:2w", overlay: nil) == ["Covert action in Mexico"])
        #expect(try titles("after:6m", overlay: nil) == ["Covert action in Mexico"])
        #expect(try titles("after:1y", overlay: nil) == ["Covert action in Mexico", "Cartel finances traced"])
        #expect(try titles("before:1y", overlay: nil) == ["Zürich spy ring exposed", "Berlin tunnel"])
        #expect(DayKey.relative("1m", today: DayKey(year: 2024, month: 3, day: 31)!) == DayKey(year: 2024, month: 2, day: 29))
        #expect(DayKey.relative("1y", today: DayKey(year: 2024, month: 2, day: 29)!) == DayKey(year: 2023, month: 2, day: 28))
        #expect(DayKey.relative("10d", today: DayKey(year: 2024, month: 3, day: 5)!) == DayKey(year: 2024, month: 2, day: 24))
    }

    @Test func dateRangesIncludeBothEndsAndMayBeOpen() throws {
        #expect(try titles("date:2022..2024", overlay: nil) == ["Cartel finances traced", "Zürich spy ring exposed"])
        #expect(try titles("date:2024-05", overlay: nil) == ["Cartel finances traced"])
        #expect(try titles("date:2024-05-10..2024-05-10", overlay: nil) == ["Cartel finances traced"])
        #expect(try titles("date:..1999", overlay: nil) == ["Berlin tunnel"])
        #expect(try titles("date:2024-06..", overlay: nil) == ["Covert action in Mexico"])
        #expect(try titles("date:2022-03-02..2024-05-09", overlay: nil).isEmpty)
    }

    @Test(arguments: [
        ("is:new", 4, "unknown state 'is:new' (expected unread, read or starred)"),
        ("date:..", 6, "a range needs at least one end (2024-01..)"),
        ("date:2024-13..", 6, "bad date '2024-13' (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("after:3x", 7, "bad date '3x' (expected YYYY, YYYY-MM, YYYY-MM-DD or 7d, 2w, 6m, 1y)"),
        ("thread:x", 8, "bad article id 'x' (expected hex digits, as `gazette list` shows)"),
        ("seen:x", 1, "unknown field 'seen:' (known: tag, category, author, year, after, before, date, is, thread)"),
    ])
    func badStateAndDateValuesNameTheColumn(text: String, column: Int, message: String) {
        #expect(throws: QueryError(column: column, message: message)) { try Query.parse(text) }
    }

    @Test func theFieldTableDrivesTheUnknownFieldMessage() {
        #expect(QueryFields.knownNames == QueryFields.table.map(\.name).joined(separator: ", "))
        #expect(QueryFields.table.allSatisfy { !$0.needsTextIndex })
        #expect(Set(QueryFields.table.map(\.name)).count == QueryFields.table.count)
    }

    @Test func editsApplyByIdAndSkipUnknownIds() {
        var overlay = ReaderOverlay(count: store.count)
        let id = store.articles[2].id.description
        overlay.apply([.read(id: id, value: true), .starred(id: id, value: true), .tag(id: id, tag: "x", sign: 1),
                       .read(id: "ffffffffffff", value: true), .read(id: id, value: nil)], store: store)
        #expect(overlay.isRead(2) && overlay.isStarred(2))
        #expect(overlay.cardinality(.read) == 1)
        #expect(overlay.userTags(ofArticle: 2).added == ["x"])
        #expect(overlay.unreadCount(of: [0, 1, 2]) == 2)
    }
}
