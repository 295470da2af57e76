import Testing
@testable import GazetteCore

@Suite struct MailFormatTests {
    static func parse(_ text: String, path: String = "m.txt") -> ParsedFile {
        ArticleFileParser.parse(bytes: Array(text.utf8), path: path)
    }

    @Test func encodedWords() {
        #expect(EncodedWords.decode("=?iso-8859-1?q?J=F6rg_M=FCller?= <j@x.de>").text == "Jörg Müller <j@x.de>")
        // Whitespace between adjacent encoded words goes; around plain text it stays.
        #expect(EncodedWords.decode("=?UTF-8?B?Q2Fmw6k=?= =?UTF-8?Q?_Central?= today").text == "Café Central today")
        #expect(EncodedWords.decode("=?windows-1252?Q?=93quoted=94?=").text == "“quoted”")
        #expect(EncodedWords.decode("=?iso-8859-15*fr?Q?40_=A4?=").text == "40 €")
        let unknown = EncodedWords.decode("a =?x-martian?Q?zz?= b")
        #expect(unknown.text == "a =?x-martian?Q?zz?= b")
        #expect(unknown.problem == "cannot decode =?x-martian?Q?zz?=")
        #expect(EncodedWords.decode("no words = here ?=").text == "no words = here ?=")
        // A stray `=?` does not stop the words after it from being decoded.
        #expect(EncodedWords.decode("a =?b c =?utf-8?q?d=C3=A9?=").text == "a =?b c dé")
    }

    @Test func encodedWordsSplitInsideACharacterAreJoinedFirst() {
        // "Über" in UTF-8 is C3 9C 62 65 72: a mailer cut the base64 between C3 and 9C.
        #expect(EncodedWords.decode("=?UTF-8?B?ww==?= =?UTF-8?B?nGJlcg==?= alles").text == "Über alles")
        #expect(EncodedWords.decode("=?utf-8?Q?Gr=C3?= \t=?utf-8?Q?=BC=C3=9Fe?=").text == "Grüße")
        // Different charsets are decoded each on its own, the space between them still dropped.
        #expect(EncodedWords.decode("=?iso-8859-1?q?J=F6rg?= =?utf-8?q?_M=C3=BCller?=").text == "Jörg Müller")
        // An unknown charset after a known one: the known one decoded, the other as written.
        let mixed = EncodedWords.decode("=?utf-8?q?caf=C3=A9?= =?x-martian?q?zz?=")
        #expect(mixed.text == "café =?x-martian?q?zz?=")
    }

    @Test func manyEncodedWordsDecodeInLinearTime() {
        // A hostile Subject of 200k words: quadratic decoding took minutes; this takes well under a second.
        let subject = Array(repeating: "=?utf-8?q?ab?=", count: 200_000).joined(separator: " ")
        let clock = ContinuousClock()
        var decoded = ""
        let took = clock.measure { decoded = EncodedWords.decode(subject).text }
        #expect(decoded == String(repeating: "ab", count: 200_000))
        #expect(took < .seconds(20))
    }

    @Test func rfc2231ContinuationsAreJoined() {
        let split = MimeEntity.parameters("image/png; name*0=\"a very long \"; name*1=\"file name.png\"")
        #expect(split.1["name"] == "a very long file name.png")
        let encoded = MimeEntity.parameters("attachment; filename*0*=utf-8''%E2%80%9CQuarterly; filename*1*=%20report%E2%80%9D; filename*2=\".pdf\"")
        #expect(encoded.1["filename"] == "“Quarterly report”.pdf")
        #expect(MimeEntity.parameters("text/plain; charset*=iso-8859-1'fr'caf%E9").1["charset"] == "café")
    }

    @Test func transferEncodings() {
        #expect(QuotedPrintable.decode(Array("caf=C3=A9 soft=\nbreak =ZZ end=".utf8)) == Array("café softbreak =ZZ end".utf8))
        #expect(Base64Text.decode(Array("SGVs\nbG8=".utf8)).bytes == Array("Hello".utf8))
        #expect(Base64Text.decode(Array("SGVs\nbG8=".utf8)).damaged == false)
        #expect(Base64Text.decode(Array("SGVs!bG8".utf8)).damaged)
    }

    @Test func charsets() {
        #expect(Charset.decode([0x80, 0x93, 0x41], charset: "Windows-1252") == "€“A")
        #expect(Charset.decode([0xA4, 0xE9], charset: "ISO-8859-15") == "€é")
        #expect(Charset.decode([0xA4, 0xE9], charset: "latin1") == "¤é")
        // What Outlook labels ISO-8859-1 is Windows-1252: its quotes and dashes are not C1 controls.
        #expect(Charset.decode([0x93, 0x68, 0x69, 0x94, 0x20, 0x96, 0x20, 0x69, 0x74, 0x92, 0x73], charset: "iso-8859-1") == "“hi” – it’s")
        // Single-byte sets by table: KOI8-R (relcom.* news), ISO-8859-5, IBM866, Greek.
        #expect(Charset.decode([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], charset: "KOI8-R") == "Привет")
        #expect(Charset.decode([0xBF, 0xE0, 0xD8, 0xD2, 0xD5, 0xE2], charset: "iso-8859-5") == "Привет")
        #expect(Charset.decode([0x8F, 0xE0, 0xA8, 0xA2, 0xA5, 0xE2], charset: "cp866") == "Привет")
        #expect(Charset.decode([0xE1, 0xE5, 0xE9, 0xE1], charset: "iso-8859-7") == "αεια")
        #expect(Charset.isKnown("koi8-u"))
        #expect(Charset.decode([0xC3, 0xA9], charset: "\"UTF-8\"") == "é")
        #expect(Charset.decode([0xE9], charset: "utf-8") == nil)
        #expect(Charset.decode([0xE9], charset: "x-unknown") == nil)
        #expect(Charset.decode([0xEA], charset: "iso-8859-2") == "ę")  // through Foundation
        // Unlabelled: UTF-8 when valid, else Windows-1252, line by line.
        #expect(Charset.decodeUnlabelled(Array("café\n".utf8) + [0x63, 0x61, 0x66, 0xE9]) == "café\ncafé")
    }

    @Test func chineseKoreanAndThaiCharsetsAreDecodedUnderTheLabelsMailUses() {
        #expect(Charset.decode([0xC4, 0xE3, 0xBA, 0xC3, 0xA3, 0xAC, 0xCA, 0xC0, 0xBD, 0xE7], charset: "GB2312") == "你好，世界")
        // Mail labelled gb2312 holds GBK characters (镕 is not in GB2312): read as GB18030.
        #expect(Charset.decode([0xE9, 0x46], charset: "gb2312") == "镕")
        #expect(Charset.decode([0xBB, 0x4F, 0xC6, 0x57], charset: "big5") == "臺灣")
        #expect(Charset.decode([0xBE, 0xC8, 0xB3, 0xE7, 0xC7, 0xCF, 0xBC, 0xBC, 0xBF, 0xE4], charset: "EUC-KR") == "안녕하세요")
        // Outlook's Korean label, and a Windows-949 syllable outside EUC-KR (똠).
        #expect(Charset.decode([0x8C, 0x63, 0xB9, 0xE6, 0xB0, 0xA2, 0xC7, 0xCF], charset: "ks_c_5601-1987") == "똠방각하")
        #expect(Charset.decode([0xCA, 0xC7, 0xD1, 0xCA, 0xB4, 0xD5], charset: "tis-620") == "สวัสดี")
        // A stateful set: its escape and shifts are not text.
        #expect(Charset.decode([0x1B, 0x24, 0x29, 0x43, 0x0E, 0x47, 0x51, 0x31, 0x39, 0x0F], charset: "iso-2022-kr") == "한국")
        // A bad byte is one replacement character and the rest still reads, as a mail client shows it;
        // a character cut off by the end of the text is one too.
        #expect(Charset.decode([0xC4, 0xE3, 0xFF, 0xBA, 0xC3], charset: "gbk") == "你\u{FFFD}好")
        #expect(Charset.decode([0xC4, 0xE3, 0xBA], charset: "gbk") == "你\u{FFFD}")
        #expect(Charset.isKnown("big5-hkscs") && Charset.isKnown("cp850"))
        // Labels are never passed on with anything but a name's characters (no `//TRANSLIT`).
        #expect(Charset.decode([0x41], charset: "utf-8//translit") == nil)
        #expect(Charset.decode([0x41], charset: "x-unknown-8bit") == nil)
    }

    @Test func aChineseMailingListPostReadsWhole() {
        // Subject in GB2312 base64 words, body in GB2312 quoted-printable, as Chinese mailers send them.
        let head = """
            From: =?gb2312?B?1cXI/Q==?= <zhang@example.cn>
            Subject: =?gb2312?B?0MLOxcvZtd0=?=
            Date: Mon, 4 Mar 2002 09:15:00 +0800
            Message-ID: <cn-1@example.cn>
            MIME-Version: 1.0
            Content-Type: text/plain; charset="gb2312"
            Content-Transfer-Encoding: quoted-printable

            =B1=B1=BE=A9=CF=FB=CF=A2
            """
        let parsed = Self.parse(head, path: "cn.eml")
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.articles.map(\.title) == ["新闻速递"])
        #expect(parsed.articles.map(\.author) == ["张三 <zhang@example.cn>"])
        #expect(parsed.articles.map(\.body) == ["北京消息"])
    }

    @Test func htmlToText() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body><script>x<y</script>"
            + "<p>One &amp; two&nbsp;&#233;&#x41;&bogus;</p><!-- a > comment --><div>Three<br>Four</div>"
            + "<pre>  keep\n    this</pre><ul><li>a</li><li>b</li></ul></body></html>"
        #expect(HTMLText.text(html) == "One & two éA&bogus;\n\nThree\nFour\n\n  keep\n    this\n\n- a\n- b")
        #expect(HTMLText.text("<SCRIPT>if (a<b) x()</Script >after<!-- open") == "after")
        // Many comments in a long mail: linear, not a copy of the rest per comment.
        let long = String(repeating: "<!-- c -->word ", count: 20_000)
        #expect(HTMLText.text(long).count == 20_000 * 5 - 1)
    }

    @Test func mboxSuffixByBytesIsTheLowerCasedSuffix() {
        let stems = ["", "a", "/data/box", "/data/ü", "x\u{0600}", "é", "東", "x\u{301}", "archive.tar"]
        let ends = [".mbox", ".MBOX", ".MbOx", ".mbox\u{301}", ".mbo", "mbox", ".mboxx", "\u{212A}.mbox", ".mbox ", ".txt"]
        for stem in stems {
            for end in ends {
                let path = stem + end
                #expect(MboxFormat.hasMboxSuffix(path) == path.lowercased().hasSuffix(".mbox"), "\(Array(path.unicodeScalars))")
            }
        }
    }

    @Test func aMessageWithoutADateTakesItsEnvelopes() {
        let mbox = """
            From alice at example.org  Tue Jun  3 10:22:01 2003
            From: alice at example.org (Alice Liddell)
            Subject: No Date header here

            Body one.

            From bob@example.org Fri Jan 08 09:00:00 +0100 2021
            From: bob@example.org
            Subject: A date that cannot be read
            Date: sometime soon

            Body two.

            From carol@example.org Fri Jan 08 09:00:00 2021
            From: carol@example.org
            Subject: Its own date wins
            Date: Mon, 4 Jan 2021 08:00:00 +0000

            Body three.
            """
        let parsed = Self.parse(mbox, path: "list.mbox")
        #expect(parsed.articles.map { $0.date?.isoDay } == ["2003-06-03", "2021-01-08", "2021-01-04"])
        #expect(parsed.articles.first?.author == "alice at example.org (Alice Liddell)")
        #expect(parsed.articles.allSatisfy { $0.id == ArticleID(identityKey: ArticleIdentity(of: $0).key) })
        // The unreadable Date header is still reported.
        #expect(parsed.warnings.contains { $0.reason.contains("sometime soon") }, "\(parsed.warnings)")
    }

    @Test func mboxWithoutBlankLinesBeforeEnvelopesStillSplits() {
        // Google Takeout and mblaze's mexport write no blank line before an envelope.
        let mbox = "From 1653@xxx Fri Jan 08 09:00:00 +0000 2021\r\nSubject: One\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nFirst body.\r\n--b--\r\n"
            + "From 1654@xxx Fri Jan 08 10:00:00 +0000 2021\r\nSubject: Re: One\r\n\r\nSecond body.\r\n"
            + "From the desk Tue Jun  3 10:22:01 2003 we wrote this line of prose.\r\nStill the second body.\r\n"
        let parsed = Self.parse(mbox, path: "All mail Including Spam and Trash.mbox")
        #expect(parsed.articles.map(\.title) == ["One", "Re: One"])
        #expect(parsed.articles.map(\.body) == ["First body.", "Second body.\nFrom the desk Tue Jun  3 10:22:01 2003 we wrote this line of prose.\nStill the second body."])
    }

    @Test func gmailLabelsFromATakeoutExportAreTags() {
        // Takeout's shape: a numeric envelope, X-GM-THRID and X-Gmail-Labels first, CRLF, no
        // blank line before the next envelope; labels quoted when they hold a comma, encoded
        // words when they are not ASCII, folded when long.
        let mbox = "From 1785230475961562119@xxx Tue Jan 05 14:02:11 +0000 2021\r\n"
            + "X-GM-THRID: 1785230475961562119\r\n"
            + "X-Gmail-Labels: Inbox,Important,Opened,Category Personal,\"Trips, 2019\",Work/Alpha,\r\n"
            + " =?UTF-8?Q?R=C3=A9unions?=,IMAP_$NotJunk\r\n"
            + "Subject: Flights\r\nFrom: Ada <ada@example.org>\r\n\r\nBooked.\r\n"
            + "From 1785230475961562120@xxx Tue Jan 05 15:00:00 +0000 2021\r\n"
            + "X-Gmail-Labels: Archived,Unread,Category Promotions,inbox\r\n"
            + "Keywords: sale\r\nSubject: Sale\r\n\r\nHalf price.\r\n"
            + "From 1785230475961562121@xxx Tue Jan 05 16:00:00 +0000 2021\r\n"
            + "X-Gmail-Labels: Opened,Archived\r\nSubject: Old note\r\n\r\nNothing to file.\r\n"
        let parsed = Self.parse(mbox, path: "All mail Including Spam and Trash.mbox")
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        #expect(parsed.articles.map(\.title) == ["Flights", "Sale", "Old note"])
        #expect(parsed.articles.map(\.tags) == [
            ["Inbox", "Important", "Category Personal", "Trips, 2019", "Work/Alpha", "Réunions"],
            ["Category Promotions", "inbox", "sale"],
            [],
        ])
        // The labels are tags now, not a header shown in the reader.
        #expect(!parsed.articles[0].extraHeaders.contains { $0.name.lowercased() == "x-gmail-labels" })
    }

    @Test func gmailLabelItems() {
        func items(_ text: String) -> [String] {
            var text = text
            return text.withUTF8 { GmailLabels.items($0) }
        }
        #expect(items(" a , b,,c ") == ["a", "b", "c"])
        #expect(items(#""x, y" , "say \"hi\"",5" drive"#) == ["x, y", #"say "hi""#, #"5" drive"#])
        #expect(items(#""unterminated, still one"#) == ["unterminated, still one"])
        #expect(items("") == [])
        var problems: [String] = []
        var bad = "=?x-martian?Q?zz?=,Opened"
        let tags = bad.withUTF8 { GmailLabels.tags($0) { problems.append($0) } }
        #expect(tags == ["=?x-martian?Q?zz?="])
        #expect(problems == ["cannot decode =?x-martian?Q?zz?="])
    }

    @Test func aMailboxWithLeadingBlankLinesIsStillAMailbox() {
        let mbox = "\n\nFrom a@example.org Mon Jan  1 00:00:00 2001\nSubject: A\n\nOne.\n\nFrom b@example.org Mon Jan  1 01:00:00 2001\nSubject: B\n\nTwo.\n"
        #expect(Self.parse(mbox, path: "leading-blank.txt").articles.map(\.title) == ["A", "B"])
    }

    @Test func mboxSplitsAtEnvelopesAndUnescapes() {
        let mbox = """
            From a@x.org Mon Jan  1 00:00:00 2001
            Subject: First
            Message-ID: <1@x.org>

            Body one.
            >From here on, escaped.
            >>From twice.
            From this line on, not an envelope

            From b@x.org Tue Jan  2 00:00:00 2001
            Subject: Second
            Message-ID: <2@x.org>

            Body two.

            """
        let parsed = Self.parse(mbox, path: "box.txt")
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.articles.map(\.title) == ["First", "Second"])
        #expect(parsed.articles[0].body == "Body one.\nFrom here on, escaped.\n>From twice.\nFrom this line on, not an envelope")
        #expect(parsed.articles.map(\.source.line) == [2, 11])
    }

    @Test func envelopes() {
        #expect(MboxFormat.isEnvelope(Array("From MAILER-DAEMON Fri Jul  8 12:08:34 2011".utf8)))
        #expect(MboxFormat.isEnvelope(Array("From a@b.org Sat Jan 3 01:05:34 1996".utf8)))
        #expect(!MboxFormat.isEnvelope(Array("From Moscow with love, 1963".utf8)))
        #expect(!MboxFormat.isEnvelope(Array("From: a@b.org".utf8)))
        // A plain article whose title starts with "From" stays one article with that title.
        let parsed = Self.parse("From Moscow, 1963: the hot line at 10:30\n\nA teletype link.\n")
        #expect(parsed.articles.map(\.title) == ["From Moscow, 1963: the hot line at 10:30"])
    }

    @Test func contentLengthIsTrustedOnlyWhenItLandsOnAnEnvelope() {
        let body = "Line one.\n\nFrom me to you, an unescaped line.\n"
        let good = "From a@x Mon Jan  1 00:00:00 2001\nSubject: A\nContent-Length: \(body.utf8.count)\n\n\(body)\nFrom b@x Mon Jan  1 00:00:00 2001\nSubject: B\n\nTwo.\n"
        #expect(Self.parse(good, path: "x.mbox").articles.map(\.title) == ["A", "B"])
        #expect(Self.parse(good, path: "x.mbox").articles[0].body == "Line one.\n\nFrom me to you, an unescaped line.")
        let lying = good.replacingOccurrences(of: "Content-Length: \(body.utf8.count)", with: "Content-Length: 3")
        #expect(Self.parse(lying, path: "x.mbox").articles.map(\.title) == ["A", "B"])
        #expect(Self.parse("just text\n", path: "x.mbox").warnings.map(\.description) == ["x.mbox:1: no \"From \" line: not a mailbox; skipped"])
    }

    @Test func brokenMimeIsAWarningNeverALostArticle() {
        let noBoundary = "Subject: S\nContent-Type: multipart/mixed\n\nText anyway.\n"
        let parsed = Self.parse(noBoundary)
        #expect(parsed.articles.map(\.body) == ["Text anyway."])
        #expect(parsed.warnings.map(\.description) == ["m.txt:4: multipart/mixed without a boundary; its body is shown as text"])
        let neverFound = "Subject: S\nContent-Type: multipart/mixed; boundary=zz\n\nPlain.\n"
        #expect(Self.parse(neverFound).articles.map(\.body) == ["Plain."])
        #expect(Self.parse(neverFound).warnings.map(\.reason) == ["multipart/mixed: boundary \"zz\" never found; body shown as text"])
    }

    @Test func aListFooterAfterABase64BodyIsKeptAndTheBodyDecoded() {
        // ezmlm appends its plain footer to a base64 body.
        let mail = """
            Subject: S
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            SGVsbG8gZnJvbSB0aGUgbGlzdC4KU2Vj
            b25kIGxpbmUgw7wu

            ---------------------------------------------------------------------
            To unsubscribe, e-mail: dev-unsubscribe@lists.example
            """
        let parsed = Self.parse(mail)
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        #expect(parsed.articles.map(\.body) == ["Hello from the list.\nSecond line ü.\n\n"
            + "---------------------------------------------------------------------\nTo unsubscribe, e-mail: dev-unsubscribe@lists.example"])
    }

    @Test func plainTextLabelledBase64IsShownAsWritten() {
        let mislabelled = "Subject: S\nContent-Transfer-Encoding: base64\n\nThanks, see you on Friday.\n"
        let parsed = Self.parse(mislabelled)
        #expect(parsed.articles.map(\.body) == ["Thanks, see you on Friday."])
        #expect(parsed.warnings.map(\.description) == ["m.txt:4: labelled base64 but written as plain text; body taken as written"])
        // Stray bytes in real base64 are still decoded as far as it goes.
        let stray = Self.parse("Subject: S\nContent-Transfer-Encoding: base64\n\nVGhlIHRleHQgc3Vydml2ZXMu!!\n")
        #expect(stray.articles.map(\.body) == ["The text survives."])
        #expect(stray.warnings.map(\.reason) == ["bad base64; decoded as far as it goes"])
        #expect(!Base64Text.isPlainText(Array("  SGVs\n\tbG8=  \n".utf8)), "indents and trailing blanks are not words")
    }

    @Test func forwardedMessagesAndNestedMultiparts() {
        let mail = """
            Subject: Fwd: report
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: text/plain

            See below.
            --outer
            Content-Type: message/rfc822

            From: Agent <a@x.org>
            Subject: Report
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/html

            <p>html</p>
            --inner
            Content-Type: text/plain; charset=us-ascii

            All quiet.
            --inner--
            --outer--
            """
        let parsed = Self.parse(mail)
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.articles.first?.body == "See below.\n\nForwarded message:\n\nFrom: Agent <a@x.org>\n\nSubject: Report\n\nAll quiet.")
    }

    @Test func aDigestsPartsAreMessagesDecodedLikeOne() {
        // Mailman's MIME digest: the messages carry no part headers (RFC 2046: message/rfc822 by default).
        let digest = """
            From: list-request@lists.example
            Subject: Swift-dev Digest, Vol 12, Issue 3
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="===============1=="

            --===============1==
            Content-Type: text/plain; charset="us-ascii"

            Today's Topics:
            --===============1==
            Content-Type: multipart/digest; boundary="===============2=="

            --===============2==

            From: Bob =?utf-8?q?B=C3=BCrger?= <bob@example.org>
            Subject: Second entry
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            U2Vjb25kIGVudHJ5IGJvZHku
            --===============2==--
            --===============1==--
            """
        let parsed = Self.parse(digest)
        #expect(parsed.warnings.isEmpty)
        // Each message of the digest is an article of its own; the contents are none.
        #expect(parsed.articles.map(\.title) == ["Second entry"])
        let entry = parsed.articles.first
        #expect(entry?.author == "Bob Bürger <bob@example.org>")
        #expect(entry?.body == "Second entry body.")
        #expect(entry?.extraHeaders.contains(HeaderField(name: "Digest", value: "Swift-dev Digest, Vol 12, Issue 3")) == true)
        #expect(entry?.source.line == 15, "the line of the message's first header")
    }

    @Test func dottedAndOddHeaderNamesStayInTheHeaderBlock() {
        let post = "From: a@b.edu\nArticle-I.D.: ptolemy.1993Apr28\nX-Original-To: list@x\nReferences: <1@x>\nLines: 3\n\nHeadline\nBody.\n"
        let parsed = Self.parse(post)
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.articles.first?.body == "Body.")
        #expect(parsed.articles.first?.extraHeaders.map(\.name) == ["Article-I.D.", "X-Original-To", "References", "Lines"])
        #expect(parsed.articles.first?.title == "Headline")  // no Subject: the first body line
    }

    @Test func aFileBeginningWithHeadersIsNeverABlogDump() {
        // The body holds a title line followed by a dateline, the blog dump's shape.
        let post = "Newsgroups: sci.space\nSubject: Launch schedule\nFrom: a@b.edu\n\nSPACE CALENDAR\nApril 27, 1993\n\nShuttle first.\n"
        let parsed = Self.parse(post)
        #expect(parsed.articles.map(\.title) == ["Launch schedule"])
        #expect(parsed.articles.first?.tags == ["sci.space"])
        #expect(ArticleFormats.all.map { $0.name } == ["mbox", "MIME message", "header block", "SGML wire archive", "blog dump", "plain text"])
    }

    @Test func bodyLinesAreKeptAsWritten() {
        let text = "Title: T\n\n\n  \n  Indented first.\nsecond line   \n\t\n\tTabbed\r\n>quoted\n\n\n\nlast\n \n\n"
        let article = Self.parse(text).articles[0]
        #expect(article.body == "  Indented first.\nsecond line\n\n\tTabbed\n>quoted\n\n\n\nlast")
        #expect(article.paragraphs == ["Indented first. second line", "Tabbed >quoted", "last"])
        #expect(article.paragraphCount == 3)
    }
}
