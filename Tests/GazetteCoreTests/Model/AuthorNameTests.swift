import Testing
@testable import GazetteCore

/// Mail and news authors read as names: the forms real archives hold.
@Suite struct AuthorNameTests {
    @Test func mailAndNewsForms() {
        let cases: [(raw: String, short: String, full: String)] = [
            ("\"Ada K.\" <ada@example.org>", "Ada K.", "Ada K. <ada@example.org>"),
            ("Ada K. <ada@example.org>", "Ada K.", "Ada K. <ada@example.org>"),
            ("\"O'Brien, Pat \\\"Paddy\\\"\" <pat@example.ie>", "O'Brien, Pat \"Paddy\"", "O'Brien, Pat \"Paddy\" <pat@example.ie>"),
            ("ada@example.org (Ada K.)", "Ada K.", "Ada K. <ada@example.org>"),
            ("<noreply@example.org>", "noreply@example.org", "noreply@example.org"),
            ("\"\" <blank@example.org>", "blank@example.org", "blank@example.org"),
            ("  Jörg Müller   <jm@example.de>  ", "Jörg Müller", "Jörg Müller <jm@example.de>"),
            // Mailman's pipermail archives hide the `@`.
            ("alice at example.org (Alice Liddell)", "Alice Liddell", "Alice Liddell <alice@example.org>"),
            // Not address forms: kept as written.
            ("Meet at noon (Alice)", "Meet at noon (Alice)", "Meet at noon (Alice)"),
            ("Signals desk", "Signals desk", "Signals desk"),
            ("ada@example.org", "ada@example.org", "ada@example.org"),
            ("Reuters (London)", "Reuters (London)", "Reuters (London)"),
            ("a <b> c", "a <b> c", "a <b> c"),
            ("odd <<x>>", "odd <<x>>", "odd <<x>>"),
            ("x@y (   )", "x@y (   )", "x@y (   )"),
            ("", "", ""),
        ]
        for item in cases {
            let name = AuthorName(item.raw)
            #expect(name.short == item.short, "\(item.raw)")
            #expect(name.full == item.full, "\(item.raw)")
        }
    }
}
