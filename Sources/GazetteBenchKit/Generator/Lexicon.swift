/// The corpus's word list, ranked for Zipf sampling: frequent words are short, and about one
/// rank in twenty is non-ASCII (Latin with diacritics, Cyrillic or CJK).
public struct Lexicon: Sendable {
    /// The writing system of a word.
    public enum Script: Sendable { case ascii, latin, cyrillic, cjk }

    /// One word, pre-encoded so that writers only copy bytes.
    public struct Word: Sendable {
        public let text: [UInt8]
        /// The word with its first letter upper-cased.
        public let capitalized: [UInt8]
        public let script: Script
    }

    public let words: [Word]
    let zipf: ZipfTable
    /// Ranks of Cyrillic and CJK words, for whole foreign-language sentences.
    let cyrillicRanks: [Int]
    let cjkRanks: [Int]

    /// Builds `size` distinct words from `seed`.
    public init(seed: UInt64, size: Int = 40_000) {
        var built = [Word]()
        built.reserveCapacity(size)
        var seen = Set<String>()
        var cyrillic = [Int](), cjk = [Int]()
        for rank in 0..<size {
            var random = DeterministicRandom(seed: seed, stream: Stream.lexicon, index: UInt64(rank))
            let script = Self.script(forRank: rank)
            var word = ""
            repeat {
                word = Self.makeWord(rank: rank, script: script, &random)
            } while Syllables.reserved.contains(word) || !seen.insert(word).inserted
            switch script {
            case .cyrillic: cyrillic.append(rank)
            case .cjk: cjk.append(rank)
            default: break
            }
            built.append(Word(
                text: Array(word.utf8), capitalized: Array(Syllables.capitalized(word).utf8), script: script))
        }
        words = built
        zipf = ZipfTable(count: size, shift: 2)
        cyrillicRanks = cyrillic
        cjkRanks = cjk
    }

    private static func script(forRank rank: Int) -> Script {
        guard rank % 20 == 7 else { return .ascii }
        switch (rank / 20) % 20 {
        case 0..<12: return .latin
        case 12..<17: return .cyrillic
        default: return .cjk
        }
    }

    private static func makeWord(rank: Int, script: Script, _ random: inout DeterministicRandom) -> String {
        let syllables: Int
        switch rank {
        case ..<150: syllables = 1
        case ..<3000: syllables = random.int(in: 1...2)
        case ..<15000: syllables = random.int(in: 2...3)
        default: syllables = random.int(in: 2...4)
        }
        switch script {
        case .ascii: return Syllables.latin(syllables: syllables, &random)
        case .latin: return Syllables.accented(Syllables.latin(syllables: max(2, syllables), &random), &random)
        case .cyrillic: return Syllables.cyrillic(syllables: max(2, syllables), &random)
        case .cjk: return Syllables.cjk(&random)
        }
    }

    /// A Zipf-distributed word index.
    public func sample(_ random: inout DeterministicRandom) -> Int { zipf.sample(&random) }

    /// A Zipf-distributed ASCII word index (for lead-ins and link slugs).
    public func sampleASCII(_ random: inout DeterministicRandom) -> Int {
        while true {
            let rank = zipf.sample(&random)
            if words[rank].script == .ascii { return rank }
        }
    }
}

/// Independent random streams, so that changing one part of the generator leaves the others.
enum Stream {
    static let lexicon: UInt64 = 1
    static let tags: UInt64 = 2
    static let authors: UInt64 = 3
    static let categories: UInt64 = 4
    static let article: UInt64 = 5
    static let duplicate: UInt64 = 6
    static let layout: UInt64 = 7
    static let fileEnding: UInt64 = 8
}
