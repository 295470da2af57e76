import Foundation
import Testing
@testable import GazetteCore

/// Which articles were edited in place between two loads: their reader state follows them.
@Suite struct EditedArticlesTests {
    static func article(_ title: String, _ body: String, path: String, line: Int = 1) -> Article {
        Article(title: title, date: ArticleDate(year: 2001, month: 9, day: 9, instant: 1_000_000_000), paragraphs: [body],
                source: SourceLocation(path: path, line: line))
    }

    static func id(of title: String, in store: ArticleStore) -> ArticleID? {
        store.articles.firstIndex { $0.title == title }.map { store.articles.id(at: $0) }
    }

    @Test func aFixedTypoInAOneArticleFileIsAnEdit() {
        let old = ArticleStore(articles: [Self.article("Bridge", "Two prisoners crosed.", path: "a.txt"),
                                          Self.article("Cable", "Arrived late.", path: "b.txt")])
        let new = ArticleStore(articles: [Self.article("Bridge", "Two prisoners crossed.", path: "a.txt"),
                                          Self.article("Cable", "Arrived late.", path: "b.txt")])
        let edited = new.editedArticles(since: old)
        #expect(edited.map(\.from) == [Self.id(of: "Bridge", in: old)])
        #expect(edited.map(\.to) == [Self.id(of: "Bridge", in: new)])
        #expect(Self.id(of: "Bridge", in: old) != Self.id(of: "Bridge", in: new))
        // A retitled one-article file too: the file held one article before and after.
        let retitled = ArticleStore(articles: [Self.article("The bridge", "Two prisoners crosed.", path: "a.txt"),
                                               Self.article("Cable", "Arrived late.", path: "b.txt")])
        #expect(retitled.editedArticles(since: old).map(\.to) == [Self.id(of: "The bridge", in: retitled)])
    }

    @Test func inAFileOfManyOnlyATitleMatchedOnBothSidesPairs() {
        let old = ArticleStore(articles: [Self.article("One", "First post.", path: "dump.txt", line: 1),
                                          Self.article("Two", "Second post.", path: "dump.txt", line: 9),
                                          Self.article("Three", "Third post.", path: "dump.txt", line: 17)])
        // "Two" edited, "Three" removed, "Four" added: only "Two" is an edit.
        let new = ArticleStore(articles: [Self.article("One", "First post.", path: "dump.txt", line: 1),
                                          Self.article("Two", "Second post, corrected.", path: "dump.txt", line: 9),
                                          Self.article("Four", "Fourth post.", path: "dump.txt", line: 17)])
        let edited = new.editedArticles(since: old)
        #expect(edited.count == 1)
        #expect(edited.first?.from == Self.id(of: "Two", in: old))
        #expect(edited.first?.to == Self.id(of: "Two", in: new))
        // An article moved to another file and changed is not followed (nothing ties the two).
        let moved = ArticleStore(articles: [Self.article("One", "First post, moved.", path: "other.txt")])
        #expect(moved.editedArticles(since: ArticleStore(articles: [Self.article("One", "First post.", path: "dump.txt")])).isEmpty)
        // Nothing changed: nothing to follow.
        #expect(old.editedArticles(since: old).isEmpty)
    }
}
