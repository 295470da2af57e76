import Testing
@testable import GazetteCore

/// Checks the indexed evaluation against a naive article-by-article evaluation on a synthetic store.
@Suite struct StoreOracleTests {
    /// Deterministic SplitMix64, so failures reproduce.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        /// Skewed towards small values, like word frequencies.
        mutating func skewed(_ n: Int) -> Int { let r = below(n); return r * below(n) / n }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let vocabulary: [String] = {
        let base = ["spy", "agent", "cartel", "cartels", "covert", "action", "station", "cable", "tunnel", "mole",
                    "defector", "cipher", "enigma", "embassy", "border", "Zürich", "café", "naïve", "Müller", "señor",
                    "Москва", "東京", "report", "network", "asset", "handler", "signal", "intercept", "courier", "safehouse"]
        var words = base
        var random = Random(state: 7)
        for _ in 0..<370 {
            let letters = "abcdefghijklmnopqrstuvwxyz"
            words.append(String((0..<(3 + random.below(6))).map { _ in random.pick(Array(letters)) }))
        }
        return words
    }()

    static let tags = (0..<60).map { "Tag \($0)" } + ["CIA", "covert action", "Mexico"]
    static let authors = ["Anna Müller", "Joseph Fitsanakis", "History desk", "Li Wei", "Ólafur Jónsson"]

    static func sentence(_ random: inout Random, words count: Int) -> String {
        var parts: [String] = []
        for _ in 0..<count {
            var word = vocabulary[random.skewed(vocabulary.count)]
            if random.below(10) == 0 { word = word.uppercased() }
            parts.append(word)
        }
        return parts.joined(separator: random.below(4) == 0 ? ", " : " ") + "."
    }

    static let store: ArticleStore = {
        var random = Random(state: 2025)
        let articles = (0..<20_000).map { n -> Article in
            let date: ArticleDate? = random.below(30) == 0 ? nil
                : StoreFixture.day(1998 + random.below(27), 1 + random.below(12), 1 + random.below(28))
            let articleTags = (0..<random.below(5)).map { _ -> String in
                let tag = Self.tags[random.skewed(Self.tags.count)]
                return random.below(5) == 0 ? tag.lowercased() : tag
            }
            return StoreFixture.article(
                sentence(&random, words: 2 + random.below(6)) + " \(n)", date,
                author: random.below(8) == 0 ? nil : random.pick(authors),
                category: random.below(3) == 0 ? [] : ["Category \(random.below(6))"],
                tags: articleTags,
                body: (0..<(1 + random.below(3))).map { _ in sentence(&random, words: 4 + random.below(25)) })
        }
        return ArticleStore(articles: articles)
    }()

    /// Each article's words, folded, per title and paragraph.
    static let words: [[[String]]] = store.articles.map { article in
        ([article.title] + article.paragraphs).map { TextFolding.words(in: $0).map(\.folded) }
    }

    static func naive(_ node: QueryNode, _ index: Int) -> Bool {
        let article = store.articles[index]
        let day = article.date.map { Int32($0.year * 10000 + $0.month * 100 + $0.day) }
        switch node {
        case .all: return true
        case .term(let term): return words[index].contains { $0.contains { term.matches(foldedWord: $0) } }
        case .phrase(let terms):
            return words[index].contains { field in
                guard field.count >= terms.count else { return false }
                return (0...(field.count - terms.count)).contains { start in
                    terms.indices.allSatisfy { terms[$0].matches(foldedWord: field[start + $0]) }
                }
            }
        case .field(let term):
            switch (term.field, term.argument) {
            case ("tag", .exact(let key)): return article.tags.contains { $0.lowercased() == key }
            case ("category", .exact(let key)): return article.categories.contains { $0.lowercased() == key }
            case ("author", .exact(let key)): return article.author?.lowercased() == key
            case ("author", .contains(let needle)): return article.author.map { TextFolding.fold($0).contains(needle) } ?? false
            case ("year", .exact(let key)): return article.date.map { String($0.year) == key } ?? false
            case (_, .days(let from, let before)):
                guard let day else { return false }
                return day >= (from ?? Int32.min) && day < (before ?? Int32.max)
            case ("is", .flag(let flag)): return flag == .unread  // no reader state: all unread
            case ("thread", _): return false  // no threads in the generated corpus (see StoreThreadTests)
            default: Issue.record("no oracle for \(term)"); return false
            }
        case .not(let child): return !naive(child, index)
        case .and(let children): return children.allSatisfy { naive($0, index) }
        case .or(let children): return children.contains { naive($0, index) }
        }
    }

    static func randomTerm(_ random: inout Random) -> String {
        func word() -> String { vocabulary[random.skewed(vocabulary.count)] }
        switch random.below(11) {
        case 0, 1, 2: return word()
        case 3: return String(word().prefix(1 + random.below(3))) + "*"
        case 4: return "\"\(word()) \(word())\""
        case 5: return QuerySyntax.term("tag", random.pick(tags).uppercased())
        case 6: return "author:" + random.pick(["mull", "JOSEPH", "desk", "jon", "wei"])
        case 7: return "year:\(1998 + random.below(27))"
        case 8: return "after:\(1998 + random.below(27))-0\(1 + random.below(9))"
        case 9: return "before:\(1998 + random.below(27))"
        default: return "category:\"category \(random.below(7))\""
        }
    }

    static func randomQuery(_ random: inout Random, depth: Int = 0) -> String {
        var parts: [String] = []
        for _ in 0..<(1 + random.below(3)) {
            var part = depth < 2 && random.below(5) == 0 ? "(\(randomQuery(&random, depth: depth + 1)))" : randomTerm(&random)
            if random.below(5) == 0 { part = random.below(2) == 0 ? "-" + part : "NOT " + part }
            parts.append(part)
        }
        let text = parts.joined(separator: " ")
        return random.below(4) == 0 ? text + " OR " + randomTerm(&random) : text
    }

    @Test func indexedEvaluationEqualsNaiveEvaluation() throws {
        let store = Self.store
        var random = Random(state: 99)
        var nonEmpty = 0
        for _ in 0..<40 {
            let text = Self.randomQuery(&random)
            let query = try Query.parse(text)
            let expected = (0..<store.count).filter { Self.naive(query.root, $0) }
            let result = store.evaluate(query)
            #expect(result.indices.map(Int.init) == expected, "\(text)")
            if !expected.isEmpty { nonEmpty += 1 }
            // Every sort order returns the same set.
            let ranked = store.evaluate(query, sort: .relevance).indices
            #expect(ranked.sorted() == result.indices, "\(text)")
            // Facet counts over the result equal counting the result's articles.
            var naiveTags: [String: Int] = [:]
            for index in expected {
                for tag in Set(store.articles[index].tags.map { $0.lowercased() }) { naiveTags[tag, default: 0] += 1 }
            }
            for entry in result.facet(.tag) { #expect(naiveTags[entry.value.lowercased()] == entry.count, "\(text)") }
            #expect(result.facet(.tag).count == naiveTags.count, "\(text)")
        }
        // The generator must exercise real matches, not only empty results.
        #expect(nonEmpty >= 20)
    }

    @Test func sortOrdersAgreeWithNaiveSorting() throws {
        let store = Self.store
        let query = try Query.parse("-year:2001")
        let indices = store.evaluate(query, sort: .title).indices.map(Int.init)
        // Titles in natural order (`… 213` before `… 9685`), by the documented rule written out
        // in `StoreOrderingTests.natural`.
        let titles = indices.map { store.articles[$0].title }
        #expect(zip(titles, titles.dropFirst()).allSatisfy { StoreOrderingTests.natural($0, $1) <= 0 })
        let byAuthor = store.evaluate(query, sort: .author).indices.map(Int.init)
        let authors = byAuthor.map { store.articles[$0].author.map { TextFolding.fold($0) } ?? "\u{10FFFF}" }
        #expect(authors == authors.sorted())
        #expect(Set(byAuthor) == Set(indices))
        let dates = store.articles.map(\.date)
        #expect(zip(dates, dates.dropFirst()).allSatisfy { a, b in b == nil || (a != nil && a! >= b!) })
    }
}
