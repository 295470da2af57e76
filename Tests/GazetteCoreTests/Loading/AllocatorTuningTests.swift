import Testing
@testable import GazetteCore

@Suite struct AllocatorTuningTests {
    /// A setting glibc refused would silently bring back one `mprotect` per heap growth in every
    /// parse worker (7% of a cold load's CPU): both must be accepted where glibc is the allocator.
    @Test func glibcTakesTheSettings() {
        #if canImport(Glibc)
        #expect(AllocatorTuning.apply())
        // The heap still serves allocations of every size afterwards.
        let blocks = (0..<64).map { [UInt8](repeating: UInt8($0), count: 1 << ($0 % 20)) }
        #expect(blocks.enumerated().allSatisfy { $1.count == 1 << ($0 % 20) && $1.last == UInt8($0) })
        #endif
    }
}
