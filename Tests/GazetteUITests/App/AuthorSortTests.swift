import GazetteCore
import Testing
@testable import GazetteUI

@Suite struct AuthorSortTests {
    @Test func sortedByAuthorTheListShowsAuthorsInsteadOfTags() {
        var state = AppFixture.state(width: 100, height: 30)
        _ = reduce(&state, .cycleSort)
        _ = reduce(&state, .cycleSort)
        #expect(state.sort == .author)
        let frame = render(state)
        let bridge = find("Bridge exchange at dawn", in: frame)
        // The list part of the row (the sidebar is left of it).
        let annRow = String(frame.lines[bridge?.y ?? 0].split(separator: "│").last ?? "")
        #expect(annRow.hasSuffix("Ann Lee"), "\(annRow)")
        #expect(!annRow.contains("CIA"), "the author takes the tags' place")
        #expect(find("Cy Diaz", in: frame) != nil)

        _ = reduce(&state, .cycleSort)
        // date → title → author → relevance (chosen, though without words it keeps date order).
        #expect(state.sort == .relevance)
        #expect(AppFixture.titles(state).first == "Bridge exchange at dawn")
        let other = render(state)
        let row = String(other.lines[find("Bridge exchange at dawn", in: other)?.y ?? 0].split(separator: "│").last ?? "")
        #expect(row.contains("CIA, KGB"), "other orders show tags: \(row)")
    }
}
