/// Deterministic RSS 2.0 documents in the shape WordPress writes (content:encoded CDATA with
/// paragraphs, a list, a quote, links), for the feed benchmarks.
public enum SyntheticFeed {
    private static let words = ["harbour", "signal", "tide", "keeper", "ledger", "vestry", "ferry", "beacon", "cargo",
                                "pilot", "storm", "chart", "quay", "lantern", "mooring", "foghorn", "estuary", "gull"]

    /// One item's HTML body, about 1.5 kB.
    public static func itemHTML(_ index: Int) -> String {
        var random = UInt64(truncatingIfNeeded: index &* 2_654_435_761 &+ 1)
        func word() -> String {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return words[Int(random >> 33) % words.count]
        }
        func sentence(_ count: Int) -> String { (0..<count).map { _ in word() }.joined(separator: " ") }
        return """
            <p>The \(word()) &amp; the \(word()): \(sentence(24)). See <a href="/notes/\(index)/">the notes</a>.</p>
            <ul><li>\(sentence(6))</li><li>\(sentence(7))</li><li><em>\(sentence(5))</em></li></ul>
            <blockquote><p>&#8220;\(sentence(18))&#8221;</p></blockquote>
            <p>\(sentence(30)) <img src="/img/\(index).jpg" alt="\(sentence(3))" /> \(sentence(20)).</p>
            <h3>\(sentence(4))</h3><p>\(sentence(26))<br/>\(sentence(12)).</p>
            """
    }

    /// A whole feed of `items` items; `feed` varies titles and ids between feeds.
    public static func rss(feed: Int, items: Int) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Bench feed \(feed)</title><link>https://bench\(feed).example/</link>

            """
        for item in 0..<items {
            let day = 1 + item % 28, month = 1 + (item / 28) % 12
            xml += """
                <item><title>Item \(item) of feed \(feed): notes on the harbour</title>
                <link>https://bench\(feed).example/\(item)</link><guid isPermaLink="false">bench-\(feed)-\(item)</guid>
                <dc:creator>Writer \(item % 7)</dc:creator><category>cat\(item % 5)</category>
                <pubDate>Tue, \(day) \(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]) 2024 09:05:00 +0000</pubDate>
                <content:encoded><![CDATA[\(itemHTML(feed * 1000 + item))]]></content:encoded></item>

                """
        }
        return xml + "</channel></rss>\n"
    }
}
