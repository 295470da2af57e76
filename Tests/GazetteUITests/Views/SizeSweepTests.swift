import GazetteCore
import Testing
@testable import GazetteUI

/// Every view, and the whole screen, at every size: no crash, rows exactly `width` cells, and
/// nothing drawn outside the rectangle a view was given.
@Suite struct SizeSweepTests {
    /// Sizes to sweep: every size up to 40×20, then a coarser grid up to 250×80.
    static let sizes: [(Int, Int)] = {
        var sizes: [(Int, Int)] = []
        for width in 1...250 {
            for height in 1...80 {
                let fine = width <= 40 && height <= 20
                let coarse = (width % 13 == 0 || width == 250) && (height % 9 == 0 || height == 80)
                if fine || coarse { sizes.append((width, height)) }
            }
        }
        return sizes
    }()

    static let articles = [Sample.article, Sample.wide, Sample.hostile]
    static let rows = Sample.rows + articles.map(ArticleListRow.init)

    typealias Render = (inout Canvas, Rect) -> Void

    static func views(width: Int) -> [(String, Render)] {
        let highlighter = Highlighting.terms(["ferry", "東京", "evil"])
        return [
            ("list", { canvas, rect in
                let viewport = ListViewport(count: rows.count, height: ArticleListView.listHeight(in: rect), selection: 3)
                ArticleListView(rows: rows, viewport: viewport, highlighter: highlighter).render(into: &canvas, in: rect)
            }),
            ("reader", { canvas, rect in
                let document = ReaderDocument.layout(Sample.wide, width: rect.width, highlighter: highlighter)
                ReaderView(document: document, offset: 2).render(into: &canvas, in: rect)
            }),
            ("usenet reader", { canvas, rect in
                let document = ReaderDocument.layout(SampleBodies.usenetReply, width: rect.width, highlighter: highlighter, allHeaders: true,
                                                     thread: ReaderThread(parent: "Launch schedule 東京", replies: ["Re: a reply — Ann"]))
                ReaderView(document: document, offset: 1).render(into: &canvas, in: rect)
            }),
            ("wire reader", { canvas, rect in
                ReaderView(document: ReaderDocument.layout(SampleBodies.wireStory, width: rect.width)).render(into: &canvas, in: rect)
            }),
            ("hostile reader", { canvas, rect in
                ReaderView(document: ReaderDocument.layout(Sample.hostile, width: rect.width)).render(into: &canvas, in: rect)
            }),
            ("sidebar", { canvas, rect in
                SidebarView(sections: Sample.sections, cursor: 2, offset: 1, focused: true).render(into: &canvas, in: rect)
            }),
            ("status", { canvas, rect in
                StatusBarView(.status(.init(shown: 3, total: 12_345, query: "東京 tag:x", warnings: 2))).render(into: &canvas, in: rect)
            }),
            ("prompt", { canvas, rect in
                StatusBarView(.prompt(.init(text: "東京 \u{1B}[2J", error: "unexpected end"))).render(into: &canvas, in: rect)
            }),
            ("help", { canvas, rect in HelpOverlayView(keyMap: .standard, offset: 3).render(into: &canvas, in: rect) }),
            ("too small", { canvas, rect in TooSmallView().render(into: &canvas, in: rect) }),
        ]
    }

    @Test func everyViewStaysInsideItsRect() {
        for (width, height) in Self.sizes {
            // The view gets an inner rectangle so writes outside it can be seen.
            let rect = Rect(x: 1, y: 1, width: width, height: height)
            for (name, render) in Self.views(width: width) {
                var canvas = sentinelCanvas(width: width + 2, height: height + 2)
                render(&canvas, rect)
                let outside = writesOutside(rect, in: canvas)
                #expect(outside == 0, "\(name) at \(width)×\(height) wrote \(outside) cells outside")
                let problems = gridProblems(canvas)
                #expect(problems.isEmpty, "\(name) at \(width)×\(height): \(problems.prefix(3))")
                if outside != 0 || !problems.isEmpty { return }
            }
        }
    }

    @Test func zeroSizeAndOffscreenRects() {
        for (name, render) in Self.views(width: 10) {
            var canvas = sentinelCanvas(width: 10, height: 5)
            for rect in [Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 3, y: 2, width: 0, height: 3), Rect(x: 20, y: 20, width: 5, height: 5), Rect(x: -8, y: -8, width: 4, height: 4)] {
                render(&canvas, rect)
            }
            #expect(canvas.lines.allSatisfy { $0 == "##########" }, "\(name)")
        }
    }

    @Test func wholeScreenAtEverySize() {
        let options = [
            LayoutOptions(),
            LayoutOptions(arrangement: .sideBySide, focus: .reader),
            LayoutOptions(sidebarShown: false, zoomed: true, focus: .sidebar, promptActive: true),
        ]
        for (width, height) in Self.sizes {
            for (index, option) in options.enumerated() {
                let layout = ScreenLayout(width: width, height: height, options: option)
                let listRect = layout.list ?? Rect(x: 0, y: 0, width: 0, height: 0)
                let readerRect = layout.reader ?? Rect(x: 0, y: 0, width: 0, height: 0)
                let screen = ScreenView(
                    layout: layout,
                    sidebar: SidebarView(sections: Sample.sections, cursor: 0, focused: option.focus == .sidebar),
                    list: ArticleListView(rows: Self.rows, viewport: ListViewport(count: Self.rows.count, height: ArticleListView.listHeight(in: listRect), selection: 4)),
                    reader: ReaderView(document: ReaderDocument.layout(Sample.article, width: readerRect.width), offset: 1),
                    status: .init(shown: 7, total: 7, query: "tag:Ferries"),
                    prompt: .init(text: "ferry"),
                    overlay: index == 1 ? ListOverlayView(content: HelpOverlayView.content(HelpOverlayView.lines(.standard))) : nil
                )
                let canvas = screen.render()
                #expect(canvas.width == width && canvas.height == height)
                let problems = gridProblems(canvas)
                #expect(problems.isEmpty, "screen \(width)×\(height) \(option): \(problems.prefix(3))")
                if !problems.isEmpty { return }
                if layout.tooSmall != nil, width >= 5 { #expect(canvas.lines.joined().contains("mall"), "\(width)×\(height)") }
            }
        }
    }
}
