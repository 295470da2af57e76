@testable import GazetteCore

/// libFuzzer entry: a store built from fuzzed article files, so the tokenizer, the index, phrase
/// matching and position coding all see hostile text; queries made from the input's own words are
/// answered by the index and checked against a naive article-by-article evaluation.
///
/// The input is up to eight files separated by 0xFF bytes (never part of valid UTF-8, so the
/// mutator can grow and merge files without the separator appearing inside text by accident).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStore(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    var articles: [Article] = []
    var seen = Set<ArticleID>()
    for (number, file) in bytes.split(separator: 0xFF, omittingEmptySubsequences: false).prefix(8).enumerated() {
        let path = "f\(number).txt"
        let parsed = ArticleFileParser.parse(bytes: Array(file), path: path)
        checkParsed(parsed, path: path)
        // As the loader does: the first article with an id is kept, later ones are duplicates.
        for article in parsed.articles where seen.insert(article.id).inserted { articles.append(article) }
    }
    let store = ArticleStore(articles: articles)
    let words = store.articles.map { article in
        ([article.title] + article.paragraphs).map { TextFolding.words(in: $0).map(\.folded) }
    }

    // The input's own words (a few), its tags, and its last line as a query typed by hand.
    var vocabulary: [String] = []
    for field in words.joined() {
        for word in field where !vocabulary.contains(word) && vocabulary.count < 5 { vocabulary.append(word) }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    var queries = [text.split(separator: "\n").last.map(String.init) ?? ""]
    for (index, word) in vocabulary.enumerated() {
        let next = vocabulary[(index + 1) % vocabulary.count]
        queries += [word, String(word.prefix(2)) + "*", "\"\(word) \(next)\"", "\(word) OR \(next)", "\(word) -\(next)",
                    "NOT \(word)", "\"\(word) \(next.prefix(1))*\""]
    }
    for article in store.articles.prefix(3) {
        if let tag = article.tags.first { queries.append(QuerySyntax.term("tag", tag)) }
        if let category = article.categories.first { queries.append("-" + QuerySyntax.term("category", category)) }
        if let author = article.author { queries.append(QuerySyntax.term("author", String(author.prefix(3)))) }
        if let day = article.date?.isoDay { queries.append("after:\(day) OR before:\(day.prefix(7))") }
    }
    for queryText in queries {
        guard let query = try? Query.parse(queryText) else { continue }
        let expected = (0..<store.count).filter { naive(query.root, store.articles[$0], words[$0]) }
        for sort in [SortOrder.date, .relevance] {
            let got = store.evaluate(query, sort: sort).indices.map(Int.init)
            require(got.sorted() == expected,
                    "\(queryText.debugDescription) sorted by \(sort): the index finds \(got.sorted()), a scan of every article \(expected)")
        }
    }
    return 0
}

/// The query's meaning, article by article (the same oracle as `StoreOracleTests.naive`).
func naive(_ node: QueryNode, _ article: Article, _ fields: [[String]]) -> Bool {
    let day = article.date.map { Int32($0.year * 10000 + $0.month * 100 + $0.day) }
    switch node {
    case .all: return true
    case .term(let term): return fields.contains { $0.contains { term.matches(foldedWord: $0) } }
    case .phrase(let terms):
        return fields.contains { field in
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
        // No reader state in the fuzz store: every article is unread, none read or starred.
        case ("is", .flag(let flag)): return flag == .unread
        default:
            require(false, "no oracle for \(term)")
            return false
        }
    case .not(let child): return !naive(child, article, fields)
    case .and(let children): return children.allSatisfy { naive($0, article, fields) }
    case .or(let children): return children.contains { naive($0, article, fields) }
    }
}
