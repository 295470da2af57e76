import GazetteCore

/// Query words taken from the loaded corpus itself, so every measured query really matches.
public struct CorpusWords: Sendable, Equatable {
    /// The most frequent word of at least five letters (a large result).
    public var frequent: String
    /// Three frequent words, for an AND of three.
    public var threeWords: [String]
    /// A word seen only once in the sample (a small result).
    public var rare: String
    /// Two words that follow each other in article bodies, each in few articles: a typical phrase.
    public var phrase: [String]
    /// The most common pair of adjacent words: the worst case for phrase verification.
    public var commonPhrase: [String]
    /// A frequent ten-letter word, typed one letter per keystroke into the live filter.
    public var tenLetters: String
    /// The most common tag and a tag carried by few articles.
    public var commonTag: String
    public var rareTag: String

    /// Counts the words of the first `sample` articles and picks from them.
    public init(store: ArticleStore, sample: Int = 2000) {
        var counts: [String: Int] = [:]
        var documents: [String: Int] = [:]
        var pairs: [String: Int] = [:]
        let sampled = min(sample, store.count)
        for index in 0..<sampled {
            let article = store.articles[index]
            var seen = Set<String>()
            for (number, paragraph) in ([article.title] + article.paragraphs).enumerated() {
                let words = TextFolding.words(in: paragraph).map(\.folded)
                for word in words {
                    counts[word, default: 0] += 1
                    if seen.insert(word).inserted { documents[word, default: 0] += 1 }
                }
                guard index < sample / 4, number > 0 else { continue }
                for (a, b) in zip(words, words.dropFirst()) where Self.isPlain(a, 4) && Self.isPlain(b, 4) {
                    pairs[a + " " + b, default: 0] += 1
                }
            }
        }
        // Ties broken by the word, so the choice is the same on every run.
        func best(_ candidates: [String: Int], where keep: (String) -> Bool) -> [String] {
            candidates.filter { keep($0.key) }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        }
        let frequentWords = best(counts) { Self.isPlain($0, 5) }
        let frequent = frequentWords.first ?? "the"
        self.frequent = frequent
        threeWords = [0, 5, 10].map { frequentWords.indices.contains($0) ? frequentWords[$0] : frequent }
        rare = counts.filter { $0.value == 1 && Self.isPlain($0.key, 6) }.keys.min() ?? frequent
        let rankedPairs = best(pairs) { _ in true }
        commonPhrase = (rankedPairs.first ?? frequent).split(separator: " ").map(String.init)
        // Each word in at most 5% of articles: the candidates to verify are then few.
        let fewDocuments = max(1, sampled / 20)
        let typical = rankedPairs.first { pair in
            pair.split(separator: " ").allSatisfy { (documents[String($0)] ?? 0) <= fewDocuments }
        }
        phrase = (typical ?? rankedPairs.first ?? frequent).split(separator: " ").map(String.init)
        tenLetters = best(counts) { $0.utf8.count == 10 && Self.isPlain($0, 10) }.first ?? String(repeating: frequent, count: 2).prefix(10).description
        let tags = store.allFacetEntries(.tag)
        commonTag = tags.first?.value ?? ""
        // A tag in about one article in ten thousand (at least one article).
        let rareCount = max(1, store.count / 10_000)
        rareTag = tags.last { $0.count >= rareCount }?.value ?? tags.last?.value ?? ""
    }

    /// ASCII letters only, at least `length` of them (keeps queries free of syntax characters).
    static func isPlain(_ word: String, _ length: Int) -> Bool {
        word.utf8.count >= length && word.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }
}
