import Testing
@testable import GazetteCore
import GazetteTestSupport

/// The loader's path sort gives exactly `String` order, which decides which copy of a
/// duplicated article is kept: on random trees with shared roots, names that differ past the
/// packed 16 bytes, prefixes of one another, and non-ASCII names (the fallback).
@Suite struct PathOrderTests {
    static let parts = ["a", "A", "b", "0", "9", "-", ".", "_", "a-c", "a.b", "longer-name-than-sixteen", "z", "~", "0042", "042075.txt"]

    static func paths(count: Int, extra: [String] = [], random: inout SeededRandom) -> [String] {
        let roots = ["/tmp/gz", "/tmp/gz/0", "/data/x"]
        return (0..<count).map { _ in
            let depth = Int.random(in: 1...4, using: &random)
            let names = (0..<depth).map { _ in (parts + extra).randomElement(using: &random)! + (Bool.random(using: &random) ? "" : (parts + extra).randomElement(using: &random)!) }
            return roots.randomElement(using: &random)! + "/" + names.joined(separator: "/")
        }
    }

    @Test func asciiPathsSortAsStrings() {
        var random = SeededRandom()
        for round in 0..<40 {
            var paths = Self.paths(count: Int.random(in: 0...600, using: &random), random: &random)
            if round % 5 == 0 { paths += paths.prefix(20) }  // the same path twice
            var fast = paths
            PathOrder.sort(&fast)
            #expect(fast == paths.sorted(), "\(random.reproduce)")
        }
    }

    @Test func pathsSharingMoreThanSixteenBytesPastTheRootSortAsStrings() {
        let root = "/tmp/corpus/"
        var paths = ["ab", "abcdefghijklmnopq", "abcdefghijklmnop", "abcdefghijklmnopr/1", "abcdefghijklmnopq/2", "abcdefghijklmno", "a"].map { root + $0 }
        paths.append("/tmp/corpus")
        var fast = paths
        PathOrder.sort(&fast)
        #expect(fast == paths.sorted())
    }

    @Test func nonASCIIPathsFallBackToStringOrder() {
        var random = SeededRandom()
        // Precomposed and decomposed é compare equal as Strings but not as bytes.
        var paths = Self.paths(count: 300, extra: ["é", "e\u{301}", "ñ", "東京", "Z"], random: &random)
        paths.shuffle(using: &random)
        var fast = paths
        PathOrder.sort(&fast)
        // Byte for byte: which of two equal spellings comes first is the standard sort's choice too.
        #expect(fast.map { Array($0.utf8) } == paths.sorted().map { Array($0.utf8) }, "\(random.reproduce)")
    }
}
