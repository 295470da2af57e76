import Foundation
@testable import GazetteCore

/// A small fixed archive the fuzzed queries are evaluated against.
let fuzzStore: ArticleStore = {
    func day(_ year: Int, _ month: Int, _ day: Int) -> ArticleDate? { DateParser.parse("\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)") }
    let here = SourceLocation(path: "store.txt", line: 1)
    return ArticleStore(articles: [
        Article(title: "Harbour pilots strike over night shifts", date: day(2019, 4, 3), author: "Ada Quill",
                categories: ["Labour"], tags: ["ports", "strikes"], paragraphs: ["The pilots walked out at dawn.", "Ships waited offshore."], source: here),
        Article(title: "Ciphers on postcards", date: day(2021, 2, 14), author: "Björn Ålund",
                categories: ["History", "Tradecraft"], tags: ["ciphers", "post"], paragraphs: ["A collector found dots under stamps."], source: here),
        Article(title: "Ζήτω η ΑΠΟΓΡΑΦΗ — census", date: nil, author: nil,
                tags: ["census", "Greece"], paragraphs: ["Μια απογραφή.", "東京 and naïve café."], source: here),
        Article(title: "Quiet exchange on the bridge", date: day(2023, 11, 9), author: "Ada Quill",
                categories: ["Analysis, history and tradecraft"], tags: ["exchanges", "Cold War"],
                paragraphs: ["Prisoner exchanges are rarely improvised.", "Who walks first is agreed in writing."], source: here),
        Article(title: "", date: day(2000, 2, 29), paragraphs: [], source: here),
    ])
}()

/// libFuzzer entry: the query language; a query that parses is evaluated in every sort order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    do {
        let query = try Query.parse(text)
        _ = query.highlightTerms
        for sort in SortOrder.allCases {
            let result = fuzzStore.evaluate(query, sort: sort)
            let indices = result.indices.map(Int.init)
            require(Set(indices).count == indices.count, "an article listed twice for \(text.debugDescription)")
            require(indices.allSatisfy { (0..<fuzzStore.count).contains($0) }, "index outside the store")
        }
    } catch {
        require(error.column >= 1 && error.column <= text.count + 1, "error column \(error.column) outside \(text.debugDescription)")
        require(!error.message.isEmpty, "error without a message")
    }
    // Any value quoted by QuerySyntax parses back to exactly the query built from the value
    // (the documented round trip the sidebar marks rely on), for each exact-match field.
    let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if !value.isEmpty {
        for kind in [FacetKind.tag, .category] {
            let term = QuerySyntax.term(kind.rawValue, value)
            do {
                let parsed = try Query.parse(term)
                require(parsed.root == Query.facet(kind, value).root,
                        "QuerySyntax.term(\(kind.rawValue), \(value.debugDescription)) = \(term.debugDescription) parses to \(parsed.root), not \(Query.facet(kind, value).root)")
            } catch {
                require(false, "QuerySyntax.term(\(value.debugDescription)) = \(term.debugDescription) does not parse: \(error)")
            }
        }
    }
    return 0
}
