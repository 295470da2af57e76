import Testing
@testable import GazetteCore

@Suite struct HeaderRelevanceTests {
    @Test func routingHeadersAreNoise() {
        for name in ["Path", "Xref", "References", "Message-ID", "Lines", "Sender", "NNTP-Posting-Host",
                     "X-Newsreader", "Received", "Return-Path", "DKIM-Signature", "MIME-Version",
                     "Content-Type", "Content-Transfer-Encoding", "Article-I.D.", "In-Reply-To", "message-id", "x-no-archive"] {
            #expect(HeaderRelevance.isNoise(name), "\(name)")
        }
    }

    @Test func headersWorthReadingAndUnknownOnesAreShown() {
        for name in ["Organization", "Newsgroups", "Followup-To", "Reply-To", "Summary", "Keywords", "Source", "Edition", "Distribution-Desk"] {
            #expect(!HeaderRelevance.isNoise(name), "\(name)")
        }
    }

    @Test func readableKeepsFileOrder() {
        let headers = [
            HeaderField(name: "Path", value: "a!b"),
            HeaderField(name: "Organization", value: "Lab"),
            HeaderField(name: "X-Mailer", value: "mutt"),
            HeaderField(name: "Summary", value: "dates"),
        ]
        #expect(HeaderRelevance.readable(headers).map(\.name) == ["Organization", "Summary"])
    }
}
