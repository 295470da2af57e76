import GazetteCore
import Testing
@testable import GazetteUI

@Suite struct ScreenViewTests {
    static func screen(width: Int, height: Int, options: LayoutOptions = LayoutOptions(), help: Bool = false) -> Canvas {
        let layout = ScreenLayout(width: width, height: height, options: options)
        let listRect = layout.list ?? Rect(x: 0, y: 0, width: 0, height: 0)
        let readerRect = layout.reader ?? Rect(x: 0, y: 0, width: 0, height: 0)
        let highlighter = Highlighting.terms(["ferry"])
        return ScreenView(
            layout: layout,
            sidebar: SidebarView(sections: Sample.sections, cursor: 0, focused: options.focus == .sidebar),
            list: ArticleListView(
                rows: Sample.rows,
                viewport: ListViewport(count: Sample.rows.count, height: ArticleListView.listHeight(in: listRect)),
                focused: options.focus == .list, highlighter: highlighter),
            reader: ReaderView(document: ReaderDocument.layout(Sample.article, width: readerRect.width, highlighter: highlighter), focused: options.focus == .reader),
            status: .init(shown: 4, total: 19, query: "tag:Ferries -tag:Russia", warnings: 1),
            prompt: .init(text: "ferry"),
            overlay: help ? ListOverlayView(content: HelpOverlayView.content(HelpOverlayView.lines(.standard))) : nil
        ).render()
    }

    @Test func goldenWideScreen() throws {
        try expectGolden(Self.screen(width: 120, height: 24), named: "screen-120x24")
    }

    @Test func goldenNarrowScreenWithPrompt() throws {
        try expectGolden(Self.screen(width: 60, height: 16, options: LayoutOptions(promptActive: true)), named: "screen-60x16-prompt")
    }

    @Test func goldenSideBySideWithHelp() throws {
        try expectGolden(Self.screen(width: 100, height: 20, options: LayoutOptions(arrangement: .sideBySide), help: true), named: "screen-100x20-help")
    }
}
