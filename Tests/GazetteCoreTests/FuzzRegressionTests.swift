import Testing
@testable import GazetteCore

/// Inputs that crashed a fuzz target (Fuzz/run.sh) once; each must now give an ordinary answer.
@Suite struct FuzzRegressionTests {
    static let store = ArticleStore(articles: [
        Article(title: "Ciphers on postcards", tags: ["ciphers"], paragraphs: ["Dots under stamps."],
                source: SourceLocation(path: "a.txt", line: 1)),
        Article(title: "Harbour pilots", paragraphs: ["A strike at dawn."], source: SourceLocation(path: "b.txt", line: 1)),
    ])

    /// fuzz-query: deep nesting overflowed the stack (stack-overflow under ASan at ~100k levels).
    /// Arguments are (case name, expected error column); the text is built from the name.
    static let deepInputs: [String: String] = [
        "parentheses": String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000),
        "minus signs": String(repeating: "-", count: 100_000) + "a",
        "NOTs": String(repeating: "NOT ", count: 50_000) + "a",
        "mixed": String(repeating: "(-", count: 40_000) + "a" + String(repeating: ")", count: 40_000),
    ]

    @Test(arguments: [("parentheses", 65), ("minus signs", 65), ("NOTs", 257), ("mixed", 65)])
    func deeplyNestedQueryIsAnErrorNotACrash(_ name: String, column: Int) throws {
        let text = try #require(Self.deepInputs[name])
        do {
            _ = try Query.parse(text)
            Issue.record("\(name): a query nested 40,000 deep must be refused")
        } catch {
            #expect(error.message == "nested too deeply (more than 64 levels)")
            #expect(error.column == column, "\(name)")  // the 65th opening '(' , '-' or NOT
        }
    }

    @Test func nestingUpToTheLimitStillWorks() throws {
        let nested = try Query.parse(String(repeating: "(", count: 64) + "cipher*" + String(repeating: ")", count: 64))
        #expect(Self.store.evaluate(nested).indices == [0])
        let negated = try Query.parse(String(repeating: "-", count: 63) + "cipher*")  // odd: NOT cipher*
        #expect(Self.store.evaluate(negated).indices == [1])
    }
}
