import Foundation
import Testing
@testable import GazetteCore

/// A refreshed store's reply links are exactly a fresh load's, whether they are rebuilt from the
/// records' reply headers or known to be absent without reading them.
@Suite struct RefreshThreadTests {
    private func deliver(_ corpus: SnapshotCorpus, _ name: String, subject: String, headers: String) {
        for folder in ["cur", "new", "tmp"] { mkdir(corpus.data + "/mail", 0o755); mkdir(corpus.data + "/mail/" + folder, 0o755) }
        corpus.scratch.write("data/mail/cur/" + name, """
            From: desk@example.org
            Subject: \(subject)
            Date: Tue, 5 Mar 2024 10:00:00 +0000
            \(headers)

            A note about the courier.
            """)
    }

    /// Refreshes, then compares the reply links with a fresh load's; the store refreshed.
    @discardableResult
    private func expectSameThreads(_ corpus: SnapshotCorpus, _ label: String) throws -> ArticleStore {
        let load = try corpus.cachedLoad()
        if case .refreshed = load.kind {} else { Issue.record("\(label): \(load.kind)") }
        #expect(load.store.articles.isMixed, "\(label): the snapshot's store patched, not rebuilt")
        let fresh = try corpus.freshStore()
        let tables = { (store: ArticleStore) in [store.threads.parents.array, store.threads.replyStarts.array, store.threads.replies.array] }
        #expect(tables(load.store) == tables(fresh), "\(label)")
        return load.store
    }

    private func index(of title: String, in store: ArticleStore) -> Int? { store.articles.firstIndex { $0.title == title } }

    @Test func aReplyArrivingLinksToItsParent() throws {
        let corpus = SnapshotCorpus()
        deliver(corpus, "1.host:2,S", subject: "Courier spotted", headers: "Message-ID: <first@example.org>")
        _ = try corpus.cachedLoad()
        deliver(corpus, "2.host:2,S", subject: "Re: Courier spotted", headers: "Message-ID: <second@example.org>\nIn-Reply-To: <first@example.org>")
        let store = try expectSameThreads(corpus, "a reply added")
        let parent = try #require(index(of: "Courier spotted", in: store)), reply = try #require(index(of: "Re: Courier spotted", in: store))
        #expect(store.parent(of: reply) == parent)
        // An unrelated edit with no reply headers: the links stay (rebuilt from the records).
        corpus.scratch.write("data/notes/plain.txt", "Title: Handler notes, revised\nDate: 1999-12-31\n\nThe asset met the handler.\n")
        let again = try expectSameThreads(corpus, "an unrelated edit")
        #expect(again.parent(of: try #require(index(of: "Re: Courier spotted", in: again))) == index(of: "Courier spotted", in: again))
    }

    @Test func aParentArrivingAfterItsReplyLinksThem() throws {
        let corpus = SnapshotCorpus()
        // No links at first: the reply's parent is not in the archive yet.
        deliver(corpus, "2.host:2,S", subject: "Re: Missing memo", headers: "Message-ID: <reply@example.org>\nIn-Reply-To: <memo@example.org>")
        _ = try corpus.cachedLoad()
        // A file without reply headers changes: nothing can link, so no reply header is read.
        corpus.scratch.write("data/notes/plain.txt", "Title: Handler notes, revised\nDate: 1999-12-31\n\nThe asset met the handler.\n")
        let unlinked = try expectSameThreads(corpus, "no links before or after")
        #expect(unlinked.parent(of: try #require(index(of: "Re: Missing memo", in: unlinked))) == nil)
        // The parent arrives: the kept reply now has it.
        deliver(corpus, "1.host:2,S", subject: "Missing memo", headers: "Message-ID: <memo@example.org>")
        let linked = try expectSameThreads(corpus, "the parent added")
        #expect(linked.parent(of: try #require(index(of: "Re: Missing memo", in: linked))) == index(of: "Missing memo", in: linked))
    }
}
