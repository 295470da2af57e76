/// Tags, authors and categories of the synthetic corpus, each ranked for Zipf sampling.
///
/// Names are unique case-insensitively and never contain a comma, except categories, a few of
/// which have commas of their own (as in the seed; the dump never splits a category).
public struct FacetVocabulary: Sendable {
    public let tags: [String]
    public let authors: [String]
    public let categories: [String]
    let tagZipf: ZipfTable
    let authorZipf: ZipfTable
    let categoryZipf: ZipfTable

    /// Builds the vocabularies from `seed`, drawing multi-word names from `lexicon`'s common words.
    public init(seed: UInt64, lexicon: Lexicon, tagCount: Int = 2000, authorCount: Int = 300,
                categoryCount: Int = 300) {
        func unique(_ count: Int, stream: UInt64, _ make: (inout DeterministicRandom) -> String) -> [String] {
            var seen = Set<String>()
            var names = [String]()
            names.reserveCapacity(count)
            for index in 0..<count {
                var random = DeterministicRandom(seed: seed, stream: stream, index: UInt64(index))
                var name = make(&random)
                while !seen.insert(name.lowercased()).inserted { name = make(&random) }
                names.append(name)
            }
            return names
        }
        func common(_ random: inout DeterministicRandom, limit: Int = 6000) -> String {
            // Draw from the head of the lexicon: tag words are ordinary words.
            let rank = lexicon.sample(&random) % min(limit, lexicon.words.count)
            return String(decoding: lexicon.words[rank].text, as: UTF8.self)
        }
        func name(_ random: inout DeterministicRandom, diacritics: Bool) -> String {
            let plain = Syllables.latin(syllables: random.int(in: 1...3), &random)
            return Syllables.capitalized(diacritics ? Syllables.accented(plain, &random) : plain)
        }

        tags = unique(tagCount, stream: Stream.tags) { random in
            let roll = random.below(100)
            switch roll {
            case ..<8: // Acronyms, like CIA or GRU.
                return String((0..<random.int(in: 2...4)).map { _ in Character(Unicode.Scalar(UInt8(65 + random.below(26)))) })
            case ..<20: // People and places: "Donald Trump", "Mexico City".
                return (0..<random.int(in: 1...2)).map { _ in
                    let diacritics = random.percent(10)
                    return name(&random, diacritics: diacritics)
                }.joined(separator: " ")
            case ..<45: // Phrases: "covert action", "war on drugs".
                return (0..<random.int(in: 2...3)).map { _ in common(&random) }.joined(separator: " ")
            case ..<50: // With diacritics.
                return Syllables.capitalized(Syllables.accented(common(&random), &random))
            default:
                let word = common(&random)
                return random.percent(50) ? Syllables.capitalized(word) : word
            }
        }
        authors = unique(authorCount, stream: Stream.authors) { random in
            let diacritics = random.percent(8)
            var parts = [name(&random, diacritics: diacritics)]
            if random.percent(4) { parts.append(String(Character(Unicode.Scalar(UInt8(65 + random.below(26))))) + ".") }
            let surnameDiacritics = diacritics && random.percent(50)
            parts.append(name(&random, diacritics: surnameDiacritics))
            return parts.joined(separator: " ")
        }
        categories = unique(categoryCount, stream: Stream.categories) { random in
            var words = (0..<random.int(in: 1...5)).map { _ in common(&random, limit: 3000) }
            if random.percent(8) { words.append(Syllables.accented(common(&random), &random)) }
            var phrase = words.joined(separator: " ")
            if random.percent(6) { // "Expert news and commentary on intelligence, espionage, …"
                phrase += ", " + common(&random) + " " + common(&random)
            }
            return Syllables.capitalized(phrase)
        }
        tagZipf = ZipfTable(count: tagCount, shift: 1)
        authorZipf = ZipfTable(count: authorCount, shift: 3)
        categoryZipf = ZipfTable(count: categoryCount, shift: 3)
    }
}
