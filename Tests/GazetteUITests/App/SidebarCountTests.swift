import GazetteCore
import Testing
@testable import GazetteUI

@Suite struct SidebarCountTests {
    /// The sidebar's counts are the result's counts, value by value, whatever the filter.
    @Test func sidebarCountsMatchTheResultForEveryValue() {
        var state = AppFixture.state()
        func check(_ label: String) {
            for kind in SidebarState.sectionOrder {
                for entry in state.facetOrder[kind] ?? [] {
                    let want = state.result.count(of: kind, value: entry.value)
                    #expect((AppFixture.count(state, kind, entry.value) ?? 0) == want, "\(label): \(kind) \(entry.value)")
                }
            }
        }
        check("all")
        AppFixture.point(&state, at: .tag, "CIA")
        _ = reduce(&state, .toggleInclude)
        check("tag:CIA")
        _ = reduce(&state, .startQuery)
        AppFixture.type("harbour", into: &state)
        check("tag:CIA harbour")
        _ = reduce(&state, .promptClear)
        AppFixture.type("nothing-matches-this", into: &state)
        check("empty")
        #expect(state.sidebar.items.allSatisfy { $0.count == 0 && $0.mark != .none }, "only the marked entry stays")
    }
}
