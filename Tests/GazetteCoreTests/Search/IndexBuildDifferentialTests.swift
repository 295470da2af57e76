import Foundation
import Testing
@testable import GazetteCore
import GazetteTestSupport

/// The parallel index build gives, table for table, the index `ReferenceTextIndex` builds the
/// obvious way: on random Unicode text with long words (past the term table's 16 inline bytes),
/// on many articles (several chunks, table growth), and on the fixture archives (mbox, Maildir,
/// Usenet, a duplicate).
@Suite struct IndexBuildDifferentialTests {
    static let syllables = ["an", "Bro", "ust", "qu", "ZÜ", "rich", "éa", "ñd", "мос", "ква", "東", "京", "ﬁ", "ß", "İs", "x9", "42"]

    static func word(_ random: inout SeededRandom) -> String {
        // Mostly short words, some past 16 bytes, a few past 255 (the length byte saturates).
        let roll = Int.random(in: 0..<100, using: &random)
        let count = roll < 80 ? Int.random(in: 1...3, using: &random) : roll < 98 ? Int.random(in: 6...14, using: &random) : 140
        return (0..<count).map { _ in syllables.randomElement(using: &random)! }.joined()
    }

    static func articles(count: Int, random: inout SeededRandom) -> [Article] {
        (0..<count).map { k in
            func line() -> String {
                (0..<Int.random(in: 0...12, using: &random)).map { _ in word(&random) }.joined(separator: [" ", ", ", "-", " — "].randomElement(using: &random)!)
            }
            let body = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                Bool.random(using: &random) ? "" : (0..<Int.random(in: 1...3, using: &random)).map { _ in line() }.joined(separator: "\n")
            }.joined(separator: "\n")
            var article = StoreFixture.article("\(line()) \(k)", nil)
            article.bodyUTF8 = Array(body.utf8)
            return article
        }
    }

    @Test func randomUnicodeArticlesGiveTheReferenceIndex() {
        var random = SeededRandom()
        let articles = Self.articles(count: 300, random: &random)
        #expect(IndexUpdateTests.tables(FullTextIndex(articles: articles)) == ReferenceTextIndex(articles: articles).tables,
                "\(random.reproduce)")
    }

    @Test func manyArticlesInSeveralChunksGiveTheReferenceIndex() {
        var random = SeededRandom()
        let articles = Self.articles(count: 3000, random: &random)
        #expect(IndexUpdateTests.tables(FullTextIndex(articles: articles)) == ReferenceTextIndex(articles: articles).tables,
                "\(random.reproduce)")
    }

    @Test func fixtureArchivesGiveTheReferenceIndex() {
        let articles = Array(ArchiveFixtureTests.store.articles)
        #expect(articles.count == 15)
        #expect(IndexUpdateTests.tables(ArchiveFixtureTests.store.text) == ReferenceTextIndex(articles: articles).tables)
    }

    @Test func emptyIndexMatches() {
        #expect(IndexUpdateTests.tables(FullTextIndex(articles: [])) == ReferenceTextIndex(articles: []).tables)
    }

    /// The term table against a `Dictionary`: long keys, keys differing only past byte 16,
    /// spellings mapped to another term, and growth from a small capacity.
    @Test func termTableAgreesWithADictionary() {
        var random = SeededRandom()
        var table = TermTable(capacity: 4)
        var expected: [[UInt8]: Int32] = [:]
        var keys: [[UInt8]] = []
        for _ in 0..<5000 {
            var key = Array(Self.word(&random).lowercased().utf8)
            if Int.random(in: 0..<4, using: &random) == 0, let other = keys.randomElement(using: &random), other.count > 16 {
                key = Array(other.prefix(16)) + Array("tail\(keys.count)".utf8)  // same first 16 bytes
            }
            let found = key.withUnsafeBufferPointer { table.find($0, TermTable.key($0)) }
            #expect(found == expected[key], "\(random.reproduce)")
            guard found == nil else { continue }
            // Every fifth new key is another spelling of an earlier term.
            let alias: Int32? = keys.isEmpty || Int.random(in: 0..<5, using: &random) != 0 ? nil : expected[keys.randomElement(using: &random)!]
            let id = key.withUnsafeBufferPointer { table.insert($0, TermTable.key($0), term: alias) }
            if let alias { #expect(id == alias) }
            expected[key] = id
            keys.append(key)
        }
        for key in keys {
            #expect(key.withUnsafeBufferPointer { table.find($0, TermTable.key($0)) } == expected[key], "\(random.reproduce)")
            // Looked up with upper-case ASCII, as raw tokens are.
            let upper = key.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }
            #expect(upper.withUnsafeBufferPointer { table.find($0, TermTable.key($0)) } == expected[key])
        }
        #expect(table.termCount == Set(expected.values).count)
    }
}
