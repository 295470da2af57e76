import Foundation
import Testing
@testable import GazetteCore

/// Digests as lists send and archives keep them: a RISKS-style RFC 1153 file with no headers of
/// its own, and a Mailman plain-text digest delivered into an mbox. Each message is an article.
@Suite struct DigestTests {
    static let risks = """
        RISKS-LIST: Risks-Forum Digest  Monday 4 October 1999  Volume 20 : Issue 01

           FORUM ON RISKS TO THE PUBLIC IN COMPUTERS AND RELATED SYSTEMS (comp.risks)
           ACM Committee on Computers and Public Policy, moderator

          ***** See last item for further information, disclaimers, caveats, etc. *****

          Contents:
        Parking meters reset to 1900 (Ada Quill)
        Week counter rollover in GPS receivers (Bob Vance)

        ----------------------------------------------------------------------

        Date: Fri, 1 Oct 1999 10:00:00 -0400
        From: Ada Quill <ada@example.org>
        Subject: Parking meters reset to 1900

        Parking meters in the town reset to 1900 during a test run.
        ------
        The vendor blamed a two-digit field.

        Ada Quill, Town Engineering

        ------------------------------

        Date: Sat, 2 Oct 1999 11:00:00 -0400
        From: Bob Vance <bob@example.net>
        Subject: Week counter rollover in GPS receivers

        The week counter rolled over in August; some receivers showed 1980.

        ------------------------------

        End of RISKS-FORUM Digest 20.01
        ************************

        """

    @Test func anRFC1153DigestIsItsMessages() throws {
        let parsed = ArticleFileParser.parse(text: Self.risks, path: "risks-20.01.txt")
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        #expect(parsed.articles.map(\.title) == ["Parking meters reset to 1900", "Week counter rollover in GPS receivers"])
        let meters = parsed.articles[0], gps = parsed.articles[1]
        #expect(meters.author == "Ada Quill <ada@example.org>")
        #expect(meters.date?.isoDay == "1999-10-01")
        #expect(meters.source.line == 14, "the line of the message's first header")
        #expect(meters.body == "Parking meters in the town reset to 1900 during a test run.\n------\nThe vendor blamed a two-digit field.\n\nAda Quill, Town Engineering")
        #expect(gps.body == "The week counter rolled over in August; some receivers showed 1980.", "no separator, no trailer")
        #expect(gps.source.line == 26)
        #expect(meters.extraHeaders.contains(HeaderField(name: "Digest", value: "RISKS-LIST: Risks-Forum Digest Monday 4 October 1999 Volume 20 : Issue 01")))
        #expect(meters.id != gps.id)
    }

    @Test func aMailmanDigestInAMailboxIsItsMessagesThreaded() throws {
        let mbox = """
            From rotor-l-request@example.org  Wed Jun  4 12:00:02 2003
            From: rotor-l-request@example.org
            Subject: rotor-l Digest, Vol 1, Issue 2
            To: rotor-l@example.org
            Date: Wed, 04 Jun 2003 12:00:02 +0200
            Message-ID: <mailman.2.1054720802.rotor-l@example.org>
            MIME-Version: 1.0
            Content-Type: text/plain; charset="us-ascii"
            Content-Transfer-Encoding: 7bit

            Send rotor-l mailing list submissions to
            \trotor-l@example.org

            Today's Topics:

               1. Wiring of rotor VI (Ada Quill)
               2. Re: Wiring of rotor VI (Bob Vance)


            ----------------------------------------------------------------------

            Message: 1
            Date: Tue, 03 Jun 2003 10:22:01 +0200
            From: Ada Quill <ada@example.org>
            Subject: [rotor-l] Wiring of rotor VI
            To: rotor-l@example.org
            Message-ID: <3EDC5678.7000@example.org>
            Content-Type: text/plain; charset=us-ascii

            Does anyone know the wiring of rotor VI?


            ------------------------------

            Message: 2
            From: Bob Vance <bob@example.net>
            Subject: Re: [rotor-l] Wiring of rotor VI
            In-Reply-To: <3EDC5678.7000@example.org>
            Message-ID: <3EDC9999.1000@example.net>

            > Does anyone know the wiring of rotor VI?

            JZHLXRBQYDNTVMFOIUWSPGKAEC, I believe.

            ------------------------------

            _______________________________________________
            rotor-l mailing list
            rotor-l@example.org
            http://lists.example.org/mailman/listinfo/rotor-l


            End of rotor-l Digest, Vol 1, Issue 2
            *************************************

            """
        let parsed = ArticleFileParser.parse(text: mbox, path: "rotor-l.mbox")
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        #expect(parsed.articles.map(\.title) == ["[rotor-l] Wiring of rotor VI", "Re: [rotor-l] Wiring of rotor VI"])
        let question = parsed.articles[0], answer = parsed.articles[1]
        #expect(question.messageID == "3EDC5678.7000@example.org")
        #expect(answer.inReplyTo == question.messageID, "the reply threads under its question")
        #expect(question.date?.isoDay == "2003-06-03")
        #expect(answer.date?.isoDay == "2003-06-04", "a message with no Date takes the digest's")
        #expect(answer.body == "> Does anyone know the wiring of rotor VI?\n\nJZHLXRBQYDNTVMFOIUWSPGKAEC, I believe.", "the list footer is not the last message's")
        #expect(answer.extraHeaders.contains(HeaderField(name: "Digest", value: "rotor-l Digest, Vol 1, Issue 2")))
        #expect(question.source.line == 22, "the file line of `Message: 1`, its first header")
        #expect(answer.source.line == 35)
    }

    @Test func aReplyQuotingADigestIsOnePostAndARuleInsideAMessageIsKept() throws {
        // Outlook-style top posting: the reply's text, then the digest quoted without marks.
        let messages = """
            ------------------------------

            From: Ada Quill <ada@example.org>
            Subject: Wiring of rotor VI

            Does anyone know?

            ------------------------------

            From: Bob Vance <bob@example.net>
            Subject: Re: Wiring of rotor VI

            I believe so.

            ------------------------------
            """
        let reply = "From: Cy <cy@example.org>\nSubject: RE: rotor-l Digest, Vol 1, Issue 2\nDate: Thu, 05 Jun 2003 08:00:00 +0000\n\n"
            + "Bob is right, see below.\n\n-----Original Message-----\nrotor-l Digest\n\n" + messages
        let post = ArticleFileParser.parse(text: reply, path: "reply.eml")
        #expect(post.articles.map(\.title) == ["RE: rotor-l Digest, Vol 1, Issue 2"])
        #expect(post.articles.first?.body.hasPrefix("Bob is right, see below.") == true)

        // A rule between two paragraphs of a message belongs to the message.
        let ruled = Self.risks.replacingOccurrences(of: "The vendor blamed a two-digit field.",
                                                    with: "The vendor blamed a two-digit field.\n\n" + String(repeating: "-", count: 30) + "\n\nA patch followed.")
        let parsed = ArticleFileParser.parse(text: ruled, path: "risks.txt")
        #expect(parsed.articles.count == 2)
        #expect(parsed.articles.first?.body.hasSuffix("A patch followed.\n\nAda Quill, Town Engineering") == true, "\(parsed.articles.first?.body ?? "")")
    }

    @Test func linesOfHyphensInAnOrdinaryPostDoNotSplitIt() throws {
        // One forwarded message after a rule is a post quoting a mail, not a digest; rules
        // between sections with no headers after them are layout.
        let forwarded = """
            Title: Fwd: the wiring question
            Date: 2003-06-05

            See below.

            ------------------------------

            From: Ada Quill <ada@example.org>
            Subject: Wiring of rotor VI

            Does anyone know?
            """
        #expect(ArticleFileParser.parse(text: forwarded, path: "f.txt").articles.map(\.title) == ["Fwd: the wiring question"])
        let report = """
            Title: Quarterly report
            Date: 2003-06-30

            Summary
            ------------------------------

            Sales rose.

            ------------------------------

            Date: to be confirmed

            ------------------------------

            From: the desk
            """
        #expect(ArticleFileParser.parse(text: report, path: "r.txt").articles.map(\.title) == ["Quarterly report"])
    }

    @Test func aMailmanMIMEDigestIsItsMessages() throws {
        // Mailman's MIME digest in an mbox: contents, a multipart/digest of message/rfc822
        // parts, the list footer. A second digest quotes the first message again (dedupe's job).
        let mbox = """
            From rotor-l-request@example.org  Wed Jun  4 12:00:02 2003
            From: rotor-l-request@example.org
            Subject: rotor-l Digest, Vol 1, Issue 2
            Date: Wed, 04 Jun 2003 12:00:02 +0200
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="===============0123456789=="

            --===============0123456789==
            Content-Type: text/plain; charset="us-ascii"
            Content-Description: rotor-l Digest, Vol 1, Issue 2

            Today's Topics:

               1. Wiring of rotor VI (Ada Quill)
               2. Re: Wiring of rotor VI (Bob Vance)

            --===============0123456789==
            Content-Type: multipart/digest; boundary="===============9876543210=="

            --===============9876543210==
            Content-Type: message/rfc822
            MIME-Version: 1.0

            Date: Tue, 03 Jun 2003 10:22:01 +0200
            From: Ada Quill <ada@example.org>
            Subject: [rotor-l] Wiring of rotor VI
            Message-ID: <3EDC5678.7000@example.org>
            Content-Type: text/plain; charset=us-ascii

            Does anyone know the wiring of rotor VI?

            --===============9876543210==
            Content-Type: message/rfc822
            MIME-Version: 1.0

            From: Bob Vance <bob@example.net>
            Subject: =?iso-8859-1?q?Re=3A_=5Brotor-l=5D_Wiring_of_rotor_VI_=E0_Z=FCrich?=
            In-Reply-To: <3EDC5678.7000@example.org>
            Message-ID: <3EDC9999.1000@example.net>
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            > Does anyone know the wiring of rotor VI?

            JZHLXRBQYDNTVMFOIUWSPGKAEC, I believe. Gr=FC=DFe.

            --===============9876543210==--

            --===============0123456789==
            Content-Type: text/plain; charset="us-ascii"
            Content-Disposition: inline

            _______________________________________________
            rotor-l mailing list
            rotor-l@example.org

            --===============0123456789==--

            """
        let parsed = ArticleFileParser.parse(text: mbox, path: "rotor-l.mbox")
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        #expect(parsed.articles.map(\.title) == ["[rotor-l] Wiring of rotor VI", "Re: [rotor-l] Wiring of rotor VI à Zürich"])
        let question = parsed.articles[0], answer = parsed.articles[1]
        #expect(question.source.line == 24, "the line of its first header")
        #expect(question.date?.isoDay == "2003-06-03")
        #expect(answer.date?.isoDay == "2003-06-04", "no Date: the digest's")
        #expect(answer.inReplyTo == question.messageID)
        #expect(answer.body == "> Does anyone know the wiring of rotor VI?\n\nJZHLXRBQYDNTVMFOIUWSPGKAEC, I believe. Grüße.")
        #expect(!parsed.articles.contains { $0.body.contains("Today's Topics") || $0.body.contains("mailing list") })
    }

    @Test func digestsNestedWithoutEndAreReadNotRecursedInto() throws {
        // A hostile file: digests inside digests 20,000 deep (plain), 200 deep (MIME).
        // Built outside in, linearly: each level's opening, the innermost message, each closing.
        let rule = String(repeating: "-", count: 30)
        var openings: [String] = [], closings: [String] = []
        for level in stride(from: 19_999, through: 0, by: -1) {
            let wrapper = level < 19_999 ? "From: b@example.org\nSubject: Wrapper \(level)\n\n" : ""
            openings.append(wrapper + "Digest \(level)\n\n" + rule + "\n\n")
            closings.append("\n" + rule + "\n\nFrom: a@example.org\nSubject: Level \(level)\n\nSecond.\n\n")
        }
        let plain = openings.joined() + "Date: Mon, 1 Jan 2001 00:00:00 +0000\nFrom: deep@example.org\nSubject: Innermost\n\nBottom.\n"
            + closings.reversed().joined()
        // Every message is found in one pass over the lines, whatever its depth; none is recursed into.
        let flat = ArticleFileParser.parse(text: plain, path: "deep.txt")
        #expect(flat.articles.count == 40_000)
        #expect(flat.articles.first?.title == "Wrapper 19998")
        #expect(flat.articles.last?.title == "Level 19999")
        #expect(flat.articles.contains { $0.title == "Innermost" && $0.body == "Bottom." })

        var mime = "From: deep@example.org\nSubject: Innermost\n\nBottom.\n"
        for level in 0..<200 {
            mime = "From: list@example.org\nSubject: Digest \(level)\nMIME-Version: 1.0\nContent-Type: multipart/digest; boundary=\"b\(level)\"\n\n"
                + "--b\(level)\n\n" + mime + "\n--b\(level)--\n"
        }
        let nested = ArticleFileParser.parse(text: mime, path: "deep.eml")
        #expect(nested.articles.count == 1)
        #expect(nested.articles.first?.title == "Digest 196", "split three digests deep, then shown as written")
    }

    static let notebook = """
        =========================================================================
        Date:         Tue, 5 Jan 1999 10:00:00 -0500
        Reply-To:     Rotor discussion list <ROTOR-L@LISTSERV.EXAMPLE.EDU>
        Sender:       Rotor discussion list <ROTOR-L@LISTSERV.EXAMPLE.EDU>
        From:         Ada Quill <ada@EXAMPLE.EDU>
        Subject:      Wiring of rotor VI

        Does anyone know the wiring of rotor VI?

        Results so far
        ========================================
        none
        =========================================================================
        Date:         Tue, 5 Jan 1999 11:30:00 -0500
        Reply-To:     Rotor discussion list <ROTOR-L@LISTSERV.EXAMPLE.EDU>
        Sender:       Rotor discussion list <ROTOR-L@LISTSERV.EXAMPLE.EDU>
        From:         Bob Vance <bob@EXAMPLE.NET>
        Subject:      Re: Wiring of rotor VI
        Comments:     To: ROTOR-L@LISTSERV.EXAMPLE.EDU

        JZHLXRBQYDNTVMFOIUWSPGKAEC, I believe.
        =========================================================================
        Date:         Wed, 6 Jan 1999 09:00:00 -0500
        Reply-To:     Rotor discussion list <ROTOR-L@LISTSERV.EXAMPLE.EDU>
        Sender:       Rotor discussion list <ROTOR-L@LISTSERV.EXAMPLE.EDU>
        From:         Cy Tan <cy@EXAMPLE.ORG>
        Subject:      Reflector wiring

        And the reflector?

        """

    @Test func aListservNotebookIsItsMessages() throws {
        let tree = try TempTree()
        try tree.write("listserv/ROTOR-L.LOG9901", Self.notebook)
        try tree.write("listserv/rotor-l.log9901b", Self.notebook.replacingOccurrences(of: "1999", with: "2000"))
        try tree.write("listserv/server.log", "not a notebook\n")
        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.report.filesRead == 2)
        #expect(archive.report.warnings.isEmpty, "\(archive.report.warnings)")
        let month = archive.articles.filter { $0.source.path.hasSuffix("ROTOR-L.LOG9901") }.sorted { $0.source.line < $1.source.line }
        #expect(month.map(\.title) == ["Wiring of rotor VI", "Re: Wiring of rotor VI", "Reflector wiring"])
        #expect(month.map(\.source.line) == [2, 14, 23])
        #expect(month.map { $0.date?.isoDay } == ["1999-01-05", "1999-01-05", "1999-01-06"])
        #expect(month.first?.author == "Ada Quill <ada@EXAMPLE.EDU>")
        #expect(month.first?.body == "Does anyone know the wiring of rotor VI?\n\nResults so far\n" + String(repeating: "=", count: 40) + "\nnone",
                "a rule with no headers under it is the message's own")
        #expect(month[1].body == "JZHLXRBQYDNTVMFOIUWSPGKAEC, I believe.")
        #expect(!month.contains { $0.extraHeaders.contains { $0.name == "Digest" } })
        #expect(ArticleFileName.isNotebook(Array("SWIFT-L.LOG0312".utf8)))
        #expect(ArticleFileName.isNotebook(Array("swift-l.log0312e.gz".utf8)))
        #expect(!ArticleFileName.isNotebook(Array("server.log".utf8)))
        #expect(!ArticleFileName.isNotebook(Array("x.log12".utf8)))
    }
}
