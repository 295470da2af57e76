import Testing
@testable import GazetteUI

@Suite struct SidebarViewTests {
    static func render(width: Int = 20, height: Int = 9, cursor: Int? = 1, offset: Int = 0, focused: Bool = true) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        SidebarView(sections: Sample.sections, cursor: cursor, offset: offset, focused: focused).render(into: &canvas, in: canvas.bounds)
        return canvas
    }

    @Test func frame() {
        expectFrame(Self.render(), """
        Tags                |
        + Ferries         12|
          Harbour          7|
        - Russia           0|
          Weather          0|
        Years               |
          2024            15|
          2023             4|
                            |
        """)
    }

    @Test func styles() {
        let canvas = Self.render()
        #expect(canvas[0, 0].style.bold)                     // heading
        #expect(canvas[2, 1].style.role == .accent && canvas[2, 1].style.bold)  // included
        #expect(canvas[5, 2].style.reverse)                  // cursor row (entry 1 = Harbour)
        #expect(canvas[19, 2].style.reverse)
        #expect(canvas[2, 3].style.role == .warning)         // excluded
        #expect(canvas[2, 4].style.dim)                      // zero count
        #expect(!canvas[2, 6].style.dim)
    }

    @Test func rowMapping() {
        #expect(SidebarView.rowCount(Sample.sections) == 8)
        #expect(SidebarView.row(ofEntry: 0, in: Sample.sections) == 1)
        #expect(SidebarView.row(ofEntry: 4, in: Sample.sections) == 6)
        #expect(SidebarView.row(ofEntry: 6, in: Sample.sections) == nil)
        #expect(SidebarView.row(ofEntry: -1, in: Sample.sections) == nil)
    }

    @Test func scrollsAndTruncates() {
        expectFrame(Self.render(width: 9, height: 3, cursor: 4, offset: 5), """
        Years    |
          2024 15|
          2023  4|
        """)
        expectFrame(Self.render(width: 7, height: 2, offset: 1), """
        + Ferr…|
          Harb…|
        """)
    }
}
