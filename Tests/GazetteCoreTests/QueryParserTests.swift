import Testing
@testable import GazetteCore

@Suite struct QueryParserTests {
    private func root(_ text: String) throws -> QueryNode { try Query.parse(text).root }
    private func word(_ text: String, prefix: Bool = false) -> QueryNode { .term(SearchTerm(folded: text, isPrefix: prefix)) }

    @Test func emptyAndWhitespaceQueriesMatchEverything() throws {
        #expect(try Query.parse("").isEmpty)
        #expect(try Query.parse("   ").isEmpty)
        #expect(Query.all.isEmpty)
        #expect(try !Query.parse("spy").isEmpty)
    }

    @Test func wordsAreFoldedAndImplicitlyAnded() throws {
        #expect(try root("Zürich SPIES") == .and([word("zurich"), word("spies")]))
    }

    @Test func prefixPhraseAndHyphenatedWords() throws {
        #expect(try root("cartel*") == word("cartel", prefix: true))
        #expect(try root("\"Covert Action\"") == .phrase([SearchTerm(folded: "covert"), SearchTerm(folded: "action")]))
        // A hyphenated word is the same word sequence the index sees.
        #expect(try root("well-known") == .phrase([SearchTerm(folded: "well"), SearchTerm(folded: "known")]))
        #expect(try root("\"one\"") == word("one"))
    }

    @Test func fields() throws {
        #expect(try root("tag:CIA") == .facet(.tag, "cia"))
        #expect(try root("TAG:\"Covert Action\"") == .facet(.tag, "covert action"))
        #expect(try root("category:Europe") == .facet(.category, "europe"))
        #expect(try root("author:Müller") == .author("muller"))
        #expect(try root("year:2022") == .facet(.year, "2022"))
        #expect(try root("after:2024-01") == .after(20240101))
        #expect(try root("before:2022-06-01") == .before(20220601))
        #expect(try root("after:1999") == .after(19990101))
    }

    @Test func negation() throws {
        #expect(try root("-tag:cia") == .not(.facet(.tag, "cia")))
        #expect(try root("NOT spy") == .not(word("spy")))
        #expect(try root("NOT -spy") == .not(.not(word("spy"))))
        // A hyphen inside a word is not negation; `not` in lower case is a word.
        #expect(try root("not spy") == .and([word("not"), word("spy")]))
    }

    @Test func precedenceIsNotThenAndThenOr() throws {
        #expect(try root("a b OR c") == .or([.and([word("a"), word("b")]), word("c")]))
        #expect(try root("a OR b c") == .or([word("a"), .and([word("b"), word("c")])]))
        #expect(try root("NOT a b") == .and([.not(word("a")), word("b")]))
        #expect(try root("NOT a OR b") == .or([.not(word("a")), word("b")]))
        #expect(try root("a (b OR c)") == .and([word("a"), .or([word("b"), word("c")])]))
        #expect(try root("-(a OR b) c") == .and([.not(.or([word("a"), word("b")])), word("c")]))
        #expect(try root("a AND b") == .and([word("a"), word("b")]))
        #expect(try root("a or b") == .and([word("a"), word("or"), word("b")]))
    }

    @Test func hasWordsAndHighlightTermsIgnoreNegatedWords() throws {
        let query = try Query.parse("spy -mole \"covert action\" cart* tag:CIA spy")
        #expect(query.hasWords)
        #expect(query.highlightTerms == [
            SearchTerm(folded: "spy"), SearchTerm(folded: "covert"), SearchTerm(folded: "action"),
            SearchTerm(folded: "cart", isPrefix: true),
        ])
        #expect(try !Query.parse("tag:CIA -spy").hasWords)
    }

    @Test(arguments: [
        ("tag:\"covert", 5, "unbalanced quote"),
        ("spy \"a b", 5, "unbalanced quote"),
        ("(a b", 1, "unbalanced parenthesis: '(' is never closed"),
        ("a (b (c)", 3, "unbalanced parenthesis: '(' is never closed"),
        ("a b)", 4, "unbalanced parenthesis: ')' without '('"),
        ("foo:bar", 1, "unknown field 'foo:' (known: tag, category, author, year, after, before, date, is, thread)"),
        ("x after:2024-13", 9, "bad date '2024-13' (expected YYYY, YYYY-MM, YYYY-MM-DD or 7d, 2w, 6m, 1y)"),
        ("before:2022-02-30", 8, "bad date '2022-02-30' (expected YYYY, YYYY-MM, YYYY-MM-DD or 7d, 2w, 6m, 1y)"),
        ("after:24", 7, "bad date '24' (expected YYYY, YYYY-MM, YYYY-MM-DD or 7d, 2w, 6m, 1y)"),
        ("year:22x", 6, "bad year '22x' (expected YYYY)"),
        ("a OR", 3, "OR needs a term on both sides"),
        ("OR a", 1, "OR needs a term on both sides"),
        ("a OR OR b", 3, "OR needs a term on both sides"),
        ("(a OR) b", 4, "OR needs a term on both sides"),
        ("NOT", 1, "NOT needs a term after it"),
        ("a NOT)", 3, "NOT needs a term after it"),
        ("a -", 3, "'-' must be followed by a term"),
        ("AND a", 1, "AND needs a term on both sides"),
        ("tag:", 1, "empty value for 'tag:' (expected a tag)"),
        ("x author:\"\"", 3, "empty value for 'author:' (expected part of a name)"),
        ("()", 1, "empty parentheses"),
        ("a *", 3, "'*' needs a word before it"),
    ])
    func malformedQueriesNameTheColumn(text: String, column: Int, message: String) {
        #expect(throws: QueryError(column: column, message: message)) { try Query.parse(text) }
    }

    @Test func errorDescriptionNamesTheColumn() {
        #expect(QueryError(column: 7, message: "unbalanced quote").description == "column 7: unbalanced quote")
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(throws: QueryError(column: 8, message: "unbalanced quote")) { try Query.parse("Zürich \"x") }
    }

    @Test func querySyntaxQuotesOnlyWhenNeeded() throws {
        #expect(QuerySyntax.term("tag", "CIA") == "tag:CIA")
        #expect(QuerySyntax.term("tag", "covert action") == "tag:\"covert action\"")
        for value in ["covert action", "say \"hi\"", "back\\slash", "(paren)", "Zürich", "a:b"] {
            let text = QuerySyntax.term("tag", value)
            #expect(try root(text) == .facet(.tag, value.lowercased()), "\(text)")
        }
        #expect(try root(QuerySyntax.term("author", "O'Brien (ed.)")) == .author("o'brien (ed.)"))
    }
}
