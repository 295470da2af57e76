import Testing
@testable import GazetteUI

/// Mail and news authors read as names: the forms real archives hold.
@Suite struct AuthorNameTests {
    @Test func mailAndNewsForms() {
        let cases: [(raw: String, short: String, full: String)] = [
            ("\"Ada K.\" <ada@example.org>", "Ada K.", "Ada K. <ada@example.org>"),
            ("Ada K. <ada@example.org>", "Ada K.", "Ada K. <ada@example.org>"),
            ("\"O'Brien, Pat \\\"Paddy\\\"\" <pat@example.ie>", "O'Brien, Pat \"Paddy\"", "O'Brien, Pat \"Paddy\" <pat@example.ie>"),
            ("ada@example.org (Ada K.)", "Ada K.", "Ada K. <ada@example.org>"),
            ("<noreply@example.org>", "noreply@example.org", "noreply@example.org"),
            ("\"\" <blank@example.org>", "blank@example.org", "blank@example.org"),
            ("  Jörg Müller   <jm@example.de>  ", "Jörg Müller", "Jörg Müller <jm@example.de>"),
            // Not address forms: kept as written.
            ("Signals desk", "Signals desk", "Signals desk"),
            ("ada@example.org", "ada@example.org", "ada@example.org"),
            ("Reuters (London)", "Reuters (London)", "Reuters (London)"),
            ("a <b> c", "a <b> c", "a <b> c"),
            ("odd <<x>>", "odd <<x>>", "odd <<x>>"),
            ("x@y (   )", "x@y (   )", "x@y (   )"),
            ("", "", ""),
        ]
        for item in cases {
            let name = AuthorName(item.raw)
            #expect(name.short == item.short, "\(item.raw)")
            #expect(name.full == item.full, "\(item.raw)")
        }
    }

    @Test func theSidebarShowsAuthorsByName() {
        let sections = [SidebarSection(kind: .author, entries: [
            SidebarEntry(value: "\"Ada K.\" <ada@example.org>", count: 3),
            SidebarEntry(value: "bob@example.org (Bob Ray)", count: 1),
        ])]
        var canvas = Canvas(width: 20, height: 3)
        SidebarView(sections: sections, cursor: nil).render(into: &canvas, in: canvas.bounds)
        expectFrame(canvas, """
        Authors             |
          Ada K.           3|
          Bob Ray          1|
        """)
    }

    @Test func theListSortedByAuthorShowsNames() {
        let rows = [ArticleListRow(date: "2026-11-30", title: "Re: meeting", tags: [], author: "\"Ada K.\" <ada@example.org>")]
        var canvas = Canvas(width: 40, height: 2)
        let viewport = ListViewport(count: 1, height: ArticleListView.listHeight(in: canvas.bounds, showsHeader: false), selection: nil)
        ArticleListView(count: 1, row: { rows[$0] }, viewport: viewport, showsHeader: false, showsAuthor: true).render(into: &canvas, in: canvas.bounds)
        #expect(canvas.lines[0].hasPrefix("2026-11-30  Re: meeting"))
        #expect(canvas.lines[0].hasSuffix("Ada K."), "\(canvas.lines[0])")
    }
}
