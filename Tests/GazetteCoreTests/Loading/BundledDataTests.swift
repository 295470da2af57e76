import Foundation
import Testing
@testable import GazetteCore

/// The bundled archive in `Data/` loads cleanly and shows threads, quotes and mail.
@Suite struct BundledDataTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data").path

    @Test func loadsWithoutWarningsAndHasThreads() throws {
        let archive = try ArchiveLoader.load(directories: [Self.root])
        #expect(archive.report.warnings.isEmpty, "\(archive.report.warnings)")
        #expect(archive.report.duplicates.isEmpty)
        let store = ArticleStore(articles: archive.articles)
        let root = try #require(store.articles.firstIndex { $0.title == "How many rotors did the naval Enigma use?" })
        #expect(store.thread(containing: root).count == 4)
        #expect(store.replies(to: root).count == 2)  // same day, same subject, both kept; the third answers one of them
        let mail = try #require(store.articles.firstIndex { $0.title == "October: the Berlin tunnel and the «mole»" })
        #expect(store.thread(containing: mail).map { store.articles[$0].title } == [
            "October: the Berlin tunnel and the «mole»", "Re: October: the Berlin tunnel and the «mole»",
            "Re: October: the Berlin tunnel -- the map",
        ])
        #expect(store.articles[mail].body.contains("Meeting at the café on the corner"))
        let scan = try #require(store.articles.first { $0.title == "Scan of the tunnel photograph for Thursday" })
        #expect(scan.body.hasSuffix("[Attachment: tap-chamber.png, image/png, 5 KB]"))
    }
}
