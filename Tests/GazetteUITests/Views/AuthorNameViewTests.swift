import Testing
@testable import GazetteCore
@testable import GazetteUI

/// Authors written as mail addresses are drawn by name in the sidebar and the list.
@Suite struct AuthorNameViewTests {
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
