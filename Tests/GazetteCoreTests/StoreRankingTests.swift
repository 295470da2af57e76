import Foundation
import Testing
@testable import GazetteCore

@Suite struct StoreRankingTests {
    private static let filler = "The report describes meetings, travel and the usual paperwork of the station."

    private static let store = ArticleStore(articles: [
        StoreFixture.article("Station budget review", StoreFixture.day(2024, 1, 1), body: [filler, "One tunnel is mentioned here."]),
        StoreFixture.article("Tunnel under Berlin", StoreFixture.day(2020, 1, 1), body: [filler, "Nothing else is mentioned here."]),
        StoreFixture.article("Archive notes", StoreFixture.day(2023, 1, 1), body: [filler, "A tunnel, a second tunnel and a third tunnel."]),
        StoreFixture.article("Unrelated", StoreFixture.day(2025, 1, 1), body: [filler]),
    ])

    @Test func titleHitBeatsBodyHitAndMoreHitsRankHigher() throws {
        let ranked = try StoreFixture.titles("tunnel", sort: .relevance, in: Self.store)
        #expect(ranked == ["Tunnel under Berlin", "Archive notes", "Station budget review"])
        #expect(ranked == StoreBM25OrderTests.referenceOrder("tunnel", in: Self.store))
        #expect(try StoreFixture.titles("tunnel", in: Self.store) == ["Station budget review", "Archive notes", "Tunnel under Berlin"])
    }

    @Test func rarerWordsWeighMore() throws {
        // "station" is everywhere (filler); "second" only in one article.
        let ranked = try StoreFixture.titles("station OR second", sort: .relevance, in: Self.store)
        #expect(ranked.first == "Archive notes")
        #expect(ranked == StoreBM25OrderTests.referenceOrder("station second", in: Self.store), "OR adds the words' scores")
        #expect(ranked.count == 4)
    }
}

/// The whole relevance order on a store built for it, against a BM25 written out here from the
/// README's promise ("BM25, title hits weigh more"): k1 = 1.2, b = 0.75, a title word counts three
/// times in both the term frequency and the document length.
@Suite struct StoreBM25OrderTests {
    /// Every word counts once toward the length; `tunnel` is the word searched.
    static let store = ArticleStore(articles: [
        // Weighted tf 3 from one title hit; length 3×2 + 10 = 16.
        StoreFixture.article("Tunnel notes", StoreFixture.day(2001, 1, 1),
                             body: ["one two three four five six seven eight nine ten"]),
        // Weighted tf 3 from three body hits; length 3×2 + 10 = 16: ties with the one above on
        // score, so date order (newest first) breaks the tie.
        StoreFixture.article("Archive notes", StoreFixture.day(2002, 1, 1),
                             body: ["tunnel two tunnel four five six seven tunnel nine ten"]),
        // Weighted tf 3, but a 60-word body: length normalisation puts it below both.
        StoreFixture.article("Long survey", StoreFixture.day(2003, 1, 1),
                             body: [(["tunnel", "tunnel", "tunnel"] + Array(repeating: "filler", count: 57)).joined(separator: " ")]),
        // Weighted tf 1 in a short article.
        StoreFixture.article("Short memo", StoreFixture.day(2004, 1, 1), body: ["a tunnel was dug"]),
        // Title and body: weighted tf 3 + 2 = 5, length 3×3 + 7 = 16: the best.
        StoreFixture.article("The tunnel dispute", StoreFixture.day(2000, 1, 1),
                             body: ["tunnel and tunnel again with nothing else"]),
        // No hit at all.
        StoreFixture.article("Unrelated", StoreFixture.day(2005, 1, 1), body: ["nothing to see here at all"]),
    ])

    /// BM25 as documented, in Double, from each article's own words, summed over `words`.
    static func referenceScores(_ query: String, in store: ArticleStore = store) -> [String: Double] {
        var total: [String: Double] = [:]
        for word in query.split(separator: " ") {
            for (title, score) in referenceScores(word: String(word), in: store) { total[title, default: 0] += score }
        }
        return total
    }

    /// Titles by reference score, ties newest first.
    static func referenceOrder(_ query: String, in store: ArticleStore = store) -> [String] {
        let scores = referenceScores(query, in: store)
        let dates = Dictionary(uniqueKeysWithValues: store.articles.map { ($0.title, $0.date?.isoDay ?? "") })
        return scores.keys.sorted {
            abs(scores[$0]! - scores[$1]!) > 1e-6 ? scores[$0]! > scores[$1]! : dates[$0]! > dates[$1]!
        }
    }

    static func referenceScores(word: String, in store: ArticleStore) -> [String: Double] {
        let k1 = 1.2, b = 0.75, titleWeight = 3.0
        let articles = store.articles
        func words(_ text: String) -> [String] { TextFolding.words(in: text).map(\.folded) }
        let lengths = articles.map { article in
            titleWeight * Double(words(article.title).count) + Double(article.paragraphs.flatMap(words).count)
        }
        let average = lengths.reduce(0, +) / Double(articles.count)
        let tfs = articles.map { article in
            titleWeight * Double(words(article.title).filter { $0 == word }.count)
                + Double(article.paragraphs.flatMap(words).filter { $0 == word }.count)
        }
        let df = Double(tfs.filter { $0 > 0 }.count), n = Double(articles.count)
        let idf = log(1 + (n - df + 0.5) / (df + 0.5))
        var scores: [String: Double] = [:]
        for (index, article) in articles.enumerated() where tfs[index] > 0 {
            let tf = tfs[index]
            scores[article.title] = idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[index] / average))
        }
        return scores
    }

    @Test func relevanceIsTheFullBM25OrderWithTitleWeightAndLengthNormalisation() throws {
        let ranked = try StoreFixture.titles("tunnel", sort: .relevance, in: Self.store)
        #expect(ranked == ["The tunnel dispute", "Archive notes", "Tunnel notes", "Short memo", "Long survey"])
        // The reference agrees: by score, ties newest first.
        let scores = Self.referenceScores("tunnel")
        #expect(ranked == Self.referenceOrder("tunnel"), "reference scores: \(scores)")
        #expect(abs(scores["Tunnel notes"]! - scores["Archive notes"]!) < 1e-9, "a title hit weighs three body hits")
        #expect(scores["Archive notes"]! > scores["Long survey"]!, "same weighted tf, longer article: lower")
    }
}
