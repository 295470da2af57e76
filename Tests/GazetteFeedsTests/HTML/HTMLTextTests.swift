import Foundation
import Testing
@testable import GazetteFeeds

@Suite struct HTMLTextTests {
    private func text(_ html: String, base: String? = nil) -> String {
        HTMLText.text(html, base: base.flatMap(URL.init(string:)))
    }

    @Test func paragraphsHeadingsAndBreaks() {
        #expect(text("<h2>Title</h2><p>One\n   two</p><p>Three<br>four<br/>five</p>") == """
            Title

            One two

            Three
            four
            five
            """)
    }

    @Test func listsGetBulletsAndNumbersNestedIndented() {
        #expect(text("<p>Intro</p><ul><li>apples</li><li>pears<ol start=\"3\"><li>conference</li><li>comice</li></ol></li></ul><p>After</p>") == """
            Intro

            - apples
            - pears
              3. conference
              4. comice

            After
            """)
    }

    @Test func blockquotesBecomeQuoteLinesNested() {
        #expect(text("<p>He wrote:</p><blockquote><p>First</p><blockquote>Inner</blockquote><p>Last</p></blockquote>") == """
            He wrote:

            > First
            >
            > > Inner
            >
            > Last
            """)
    }

    @Test func preIsKeptVerbatimAndIndented() {
        #expect(text("<p>Code:</p><pre>\nif x &lt; 1 {\n    y()\n}\n</pre><p>Done</p>") == """
            Code:

                if x < 1 {
                    y()
                }

            Done
            """)
    }

    @Test func smallTablesAlignWideOnesGoRowPerLine() {
        #expect(text("<table><tr><th>Day</th><th>High</th></tr><tr><td>1 Mar</td><td>05:12</td></tr></table>") == """
                Day    High
                1 Mar  05:12
            """)
        let long = String(repeating: "word ", count: 30)
        #expect(text("<table><tr><td>a</td><td>\(long)</td></tr><tr><td>b</td><td>c</td></tr></table>") == """
            a | \(long.trimmingCharacters(in: .whitespaces))
            b | c
            """)
    }

    @Test func linksAreNumberedReferencesListedAtTheEnd() {
        let html = "<p>See <a href=\"/rules/35/\">the rule</a>, <a href=\"https://x.example/\">this</a> and <a href=\"/rules/35/\">again</a>. <a href=\"#top\">Top</a> <a href=\"javascript:alert(1)\">js</a></p>"
        #expect(text(html, base: "https://harbour.example/2024/") == """
            See the rule [1], this [2] and again [1]. Top js

            [1] https://harbour.example/rules/35/
            [2] https://x.example/
            """)
    }

    @Test func imagesShowTheirAltText() {
        #expect(text("<p><img src=a.jpg alt=\"The horn at dusk\"> and <img src=b.jpg></p>") == "[image: The horn at dusk] and [image]")
    }

    @Test func scriptStyleIframeAndFormsAreDropped() {
        let html = "<p>Keep</p><script>alert('<p>no</p>')</script><style>p{}</style><iframe src=x>frame text</iframe><form><input value=v><button>Go</button>label</form><noscript>ns</noscript><p>Also</p>"
        #expect(text(html) == "Keep\n\nAlso")
    }

    @Test func entitiesDecodedAndControlsGone() {
        #expect(text("<p>Fish &amp; chips &mdash; &eacute;t&eacute; &#x263A; &#8217;s &copy 2024 &bogus; \u{1B}[2J\u{07}</p>") ==
                "Fish & chips — été ☺ ’s © 2024 &bogus; [2J")
        // References to controls are never text: dropped, like a bidi override.
        #expect(text("<p>&#27;[31m &#0; &#x202E;x</p>") == "[31m x")
    }

    @Test func malformedHTMLNeverFailsAndKeepsText() {
        #expect(text("<p>Unclosed <b>bold <i>both</p><p>next") == "Unclosed bold both\n\nnext")
        #expect(text("a < b and c > d") == "a < b and c > d")
        #expect(text("<") == "<")
        #expect(text("<!-- only a comment -->") == "")
        #expect(text("<a href=\"x\"") == "")
    }

    @Test func inlineMakesOneLine() {
        #expect(HTMLText.inline("Seed potatoes &amp; <em>chitting</em>\n now") == "Seed potatoes & chitting now")
    }
}

/// Inputs the fuzzers found.
@Suite struct HTMLTextFuzzRegressionTests {
    @Test func preOfControlsAndBlankLinesWritesAtMostOneBlankLine() {
        let text = HTMLText.text("<p>a</p><pre>\u{0F}\u{0F}\n\n\n\nx\n\n\n\ny\n\u{0F}</pre><p>b</p>")
        #expect(text == "a\n\n    x\n\n    y\n\nb")
        #expect(!text.contains("\n\n\n"))
    }
}
