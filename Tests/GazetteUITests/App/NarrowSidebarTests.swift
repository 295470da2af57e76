import GazetteCore
import Testing
@testable import GazetteUI

@Suite struct NarrowSidebarTests {
    @Test func bOnANarrowScreenSaysWhyNothingMoved() {
        var state = AppFixture.state(width: 70, height: 20)
        _ = reduce(&state, .toggleSidebar)
        #expect(state.message == "Sidebar needs 80+ columns (hidden when wider)")
        #expect(find("Sidebar needs 80+ columns", in: render(state)) != nil)
        _ = reduce(&state, .toggleSidebar)
        #expect(state.message == "Sidebar needs 80+ columns (shown when wider)")
        _ = reduce(&state, .resize(width: 120, height: 40))
        #expect(state.layout.sidebar != nil)

        var wide = AppFixture.state(width: 120, height: 40)
        _ = reduce(&wide, .toggleSidebar)
        #expect(wide.message == nil, "on a wide screen the change shows for itself")
        #expect(wide.layout.sidebar == nil)
    }
}
