import Testing
@testable import GazetteCore

/// URLs as they turn up in posts and mail: at sentence ends, in brackets, quoted, in angle brackets.
@Suite struct LinkScannerTests {
    @Test func sentencePunctuationIsNotPartOfTheURL() {
        #expect(LinkScanner.urls(in: "Read it at https://example.org/a/b. Then stop.") == ["https://example.org/a/b"])
        #expect(LinkScanner.urls(in: "Sources: https://a.example/x, https://b.example/y; and http://c.example/z!")
                == ["https://a.example/x", "https://b.example/y", "http://c.example/z"])
        #expect(LinkScanner.urls(in: "Is it https://example.org/faq?") == ["https://example.org/faq"])
        #expect(LinkScanner.urls(in: "keeps queries https://example.org/s?q=gold&page=2.") == ["https://example.org/s?q=gold&page=2"])
    }

    @Test func bracketsBalanceInsideTheURL() {
        #expect(LinkScanner.urls(in: "(see https://en.wikipedia.org/wiki/Operation_Gold)")
                == ["https://en.wikipedia.org/wiki/Operation_Gold"])
        #expect(LinkScanner.urls(in: "(see https://en.wikipedia.org/wiki/Gold_(operation)).")
                == ["https://en.wikipedia.org/wiki/Gold_(operation)"])
        #expect(LinkScanner.urls(in: "[1] [https://example.org/note]") == ["https://example.org/note"])
    }

    @Test func mailStyleAngleBracketsAndQuotes() {
        #expect(LinkScanner.urls(in: "The archive <https://lists.example.org/pipermail/ops/2024-May/000123.html> has it.")
                == ["https://lists.example.org/pipermail/ops/2024-May/000123.html"])
        #expect(LinkScanner.urls(in: "He wrote \"https://example.org/q\" and “https://example.org/curly”.")
                == ["https://example.org/q", "https://example.org/curly"])
        #expect(LinkScanner.urls(in: "Unsubscribe: <mailto:ops-leave@lists.example.org>") == ["mailto:ops-leave@lists.example.org"])
        #expect(LinkScanner.urls(in: "URL:https://example.org/x") == ["https://example.org/x"])
    }

    @Test func wwwAddressesAndCaseAndNonASCII() {
        #expect(LinkScanner.urls(in: "Visit www.example.org/news…") == ["http://www.example.org/news"])
        #expect(LinkScanner.urls(in: "HTTPS://EXAMPLE.ORG/Up") == ["HTTPS://EXAMPLE.ORG/Up"])
        #expect(LinkScanner.urls(in: "https://de.example.org/zürich—and more") == ["https://de.example.org/zürich"])
    }

    @Test func notURLs() {
        #expect(LinkScanner.urls(in: "the http:// prefix alone, xhttps://no.example, https:").isEmpty)
        #expect(LinkScanner.urls(in: "file:///etc/passwd javascript:alert(1)").isEmpty)
    }

    @Test func articleLinksInReadingOrderOnce() {
        let article = Article(title: "Links", link: "https://example.org/post",
                              paragraphs: ["See https://example.org/a and https://example.org/post.", "Again https://example.org/a."],
                              source: SourceLocation(path: "links.txt", line: 1))
        #expect(LinkScanner.urls(of: article) == ["https://example.org/post", "https://example.org/a"])
        let hostile = Article(title: "Bad link", link: "javascript:alert(1)", paragraphs: ["Nothing."],
                              source: SourceLocation(path: "links.txt", line: 1))
        #expect(LinkScanner.urls(of: hostile).isEmpty)
        #expect(!LinkScanner.isOpenable("https://example.org/\u{1b}[2J"))
    }

    @Test func aBodyThatNumbersItsLinksKeepsItsNumbers() {
        // A fetched item: "mail [2]" in the text is the second line of its list, and so link [2].
        var item = Article(title: "Torture", link: "https://site.example/post", source: SourceLocation(path: "f.txt", line: 1))
        item.bodyUTF8 = Array("The rule [1] and the mail [2].\n\n[1] https://example.org/rule\n[2] mailto:desk@example.org\n".utf8)
        #expect(LinkScanner.urls(of: item) == ["https://example.org/rule", "mailto:desk@example.org", "https://site.example/post"])
        #expect(LinkScanner.link(of: item) == "https://site.example/post")
        // The header's link among the numbered ones is listed once, at its number.
        item.bodyUTF8 = Array("Text [1].\n\n[1] https://site.example/post\n".utf8)
        #expect(LinkScanner.urls(of: item) == ["https://site.example/post"])
        // A bare URL earlier in the text comes after the numbered ones.
        item.bodyUTF8 = Array("See https://example.org/bare and [1].\n\n[1] https://example.org/one\n".utf8)
        #expect(LinkScanner.urls(of: item) == ["https://example.org/one", "https://example.org/bare", "https://site.example/post"])
        // "[1]" in running text, not at a line's start, numbers nothing.
        item.bodyUTF8 = Array("See [1] https://example.org/a here.\n".utf8)
        #expect(LinkScanner.urls(of: item) == ["https://site.example/post", "https://example.org/a"])
    }
}
