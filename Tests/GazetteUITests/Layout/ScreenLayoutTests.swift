import Testing
@testable import GazetteUI

@Suite struct ScreenLayoutTests {
    /// Shown rectangles must tile the screen: inside it, pairwise disjoint, areas summing to
    /// the screen's (which, given the first two, means every cell is covered).
    static func tilingProblems(_ layout: ScreenLayout) -> [String] {
        let rects = layout.allRects
        var problems: [String] = []
        for rect in rects {
            if rect.isEmpty { problems.append("empty rect \(rect)") }
            if rect.x < 0 || rect.y < 0 || rect.maxX > layout.width || rect.maxY > layout.height { problems.append("outside: \(rect)") }
        }
        for i in rects.indices {
            for j in rects.indices where j > i && !rects[i].intersection(rects[j]).isEmpty {
                problems.append("overlap \(rects[i]) \(rects[j])")
            }
        }
        let area = rects.reduce(0) { $0 + $1.width * $1.height }
        if area != layout.width * layout.height { problems.append("covers \(area) of \(layout.width * layout.height) cells") }
        return problems
    }

    static let optionSets: [LayoutOptions] = {
        var sets: [LayoutOptions] = []
        for focus in Pane.allCases {
            for arrangement in [PaneArrangement.stacked, .sideBySide] {
                for zoomed in [false, true] {
                    for sidebar in [true, false] {
                        for prompt in [false, true] {
                            sets.append(LayoutOptions(sidebarShown: sidebar, arrangement: arrangement, zoomed: zoomed, focus: focus, promptActive: prompt))
                        }
                    }
                }
            }
        }
        return sets
    }()

    @Test func tilesEveryScreenSize() {
        for width in 1...250 {
            for height in 1...80 {
                for options in Self.optionSets {
                    let layout = ScreenLayout(width: width, height: height, options: options)
                    let problems = Self.tilingProblems(layout)
                    #expect(problems.isEmpty, "\(width)×\(height) \(options): \(problems.prefix(3))")
                    if !problems.isEmpty { return }
                    if layout.tooSmall == nil {
                        #expect(layout.rect(for: options.focus) != nil, "focused pane hidden at \(width)×\(height) \(options)")
                    }
                }
            }
        }
    }

    @Test func wideShowsAllThreeWithSidebarLeftAndListAboveReader() throws {
        let layout = ScreenLayout(width: 120, height: 40)
        let sidebar = try #require(layout.sidebar)
        let list = try #require(layout.list)
        let reader = try #require(layout.reader)
        #expect(sidebar.x == 0 && (24...30).contains(sidebar.width))
        #expect(list.x == reader.x && list.maxY == reader.y)
        #expect(layout.statusBar == Rect(x: 0, y: 39, width: 120, height: 1))
        #expect(layout.visiblePanes == [.sidebar, .list, .reader])
    }

    @Test func sideBySidePutsListLeftOfReader() throws {
        let layout = ScreenLayout(width: 160, height: 40, options: LayoutOptions(arrangement: .sideBySide))
        let list = try #require(layout.list)
        let reader = try #require(layout.reader)
        #expect(list.y == reader.y && list.height == reader.height)
        #expect(list.maxX < reader.x)
    }

    @Test func zoomGivesTheFocusedPaneEverything() throws {
        let layout = ScreenLayout(width: 120, height: 40, options: LayoutOptions(zoomed: true, focus: .reader))
        #expect(layout.reader == Rect(x: 0, y: 0, width: 120, height: 39))
        #expect(layout.list == nil && layout.sidebar == nil)
    }

    @Test func hidingTheSidebar() {
        let layout = ScreenLayout(width: 120, height: 40, options: LayoutOptions(sidebarShown: false))
        #expect(layout.sidebar == nil)
        #expect(layout.list?.width == 120)
    }

    @Test func narrowHidesSidebarAndStacks() throws {
        let layout = ScreenLayout(width: 60, height: 20)
        #expect(layout.sidebar == nil)
        let list = try #require(layout.list)
        let reader = try #require(layout.reader)
        #expect(list.width == 60 && reader.width == 60 && list.maxY == reader.y)
        let focusedSidebar = ScreenLayout(width: 60, height: 20, options: LayoutOptions(focus: .sidebar))
        #expect(focusedSidebar.sidebar != nil && focusedSidebar.list == nil)
    }

    @Test func verySmallShowsOnePane() {
        let layout = ScreenLayout(width: 30, height: 6, options: LayoutOptions(focus: .reader))
        #expect(layout.visiblePanes == [.reader])
    }

    @Test func belowMinimumIsTooSmall() {
        let layout = ScreenLayout(width: 19, height: 40)
        #expect(layout.tooSmall == Rect(x: 0, y: 0, width: 19, height: 40))
        #expect(layout.visiblePanes.isEmpty && layout.statusBar == nil)
        #expect(ScreenLayout(width: 20, height: 5).tooSmall == nil)
    }

    @Test func promptTakesTheBottomRowAndKeepsTheStatus() {
        let layout = ScreenLayout(width: 100, height: 30, options: LayoutOptions(promptActive: true))
        #expect(layout.prompt == Rect(x: 0, y: 29, width: 100, height: 1))
        #expect(layout.statusBar == Rect(x: 0, y: 28, width: 100, height: 1))
    }
}
