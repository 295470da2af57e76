import Foundation
import Testing
@testable import GazetteCore

/// A refresh patches facet tables whose values are spelled several ways: the display name (the
/// most common spelling) moves, values appear and vanish, and every table still equals a fresh build's.
@Suite struct FacetPatchTests {
    private let directory = TemporaryDirectory()
    private var data: String { directory.child("data") }
    private var snapshot: String { directory.child("cache/facets.gzsnap") }

    private func write(_ name: String, title: String, day: Int, author: String, tags: [String]) throws {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let text = """
            Title: \(title)
            Date: 2024-03-\(String(format: "%02d", day))
            Author: \(author)
            Tags: \(tags.joined(separator: ", "))

            A report on \(title.lowercased()) filed by the desk.
            """
        try text.write(toFile: data + "/" + name + ".txt", atomically: true, encoding: .utf8)
    }

    /// Loads through the snapshot and checks the result against a fresh build, table by table.
    @discardableResult
    private func refreshMatchesFreshBuild(_ step: String, patched: Bool = true) throws -> [String] {
        let load = try CachedLoader.load(directories: [data], snapshotPath: snapshot)
        _ = load.write?.wait()
        let fresh = ArticleStore(articles: try ArchiveLoader.load(directories: [data]).articles)
        #expect((load.store.articles.isMixed) == patched, "\(step): patched")
        #expect(StoreTables(load.store) == StoreTables(fresh), "\(step)")
        for query in ["tag:\"cold war\"", "tag:spies", "author:anna", "tag:zeppelin", "-tag:cia"] {
            let parsed = try Query.parse(query)
            for sort in GazetteCore.SortOrder.allCases {
                let x = load.store.evaluate(parsed, sort: sort), y = fresh.evaluate(parsed, sort: sort)
                #expect(x.indices == y.indices, "\(step): \(query) [\(sort)]")
                for kind in FacetKind.allCases { #expect(x.facet(kind) == y.facet(kind), "\(step): \(query) \(kind)") }
            }
        }
        return load.store.allFacetEntries(.tag).map(\.value)
    }

    @Test func spellingsMoveNamesAndValuesComeAndGo() throws {
        // Filler, so each step changes well under half of the articles (beyond that a refresh rebuilds).
        for k in 0..<16 { try write("filler-\(k)", title: "Filler dispatch \(k)", day: 1 + k, author: "Desk \(k % 3)", tags: ["wire", "CIA"]) }
        try write("a1", title: "Tunnel under the sector", day: 20, author: "Anna", tags: ["Cold War", "Spies"])
        try write("a2", title: "Cable cut at the border", day: 21, author: "ANNA", tags: ["Cold War"])
        try write("a3", title: "Courier at the station", day: 22, author: "Anna", tags: ["cold war", "cia"])
        _ = try CachedLoader.load(directories: [data], snapshotPath: snapshot).write?.wait()

        // "cold war" becomes the commonest spelling: the value is renamed and moves in rank.
        try write("b1", title: "Another courier", day: 23, author: "anna", tags: ["cold war"])
        try write("b2", title: "A third courier", day: 24, author: "anna", tags: ["cold war", "COLD WAR"])
        #expect(try refreshMatchesFreshBuild("renamed").contains("cold war"))

        // The "Cold War" spellings and the only "Spies" article go: one spelling left, a value dropped.
        unlink(data + "/a1.txt")
        unlink(data + "/a2.txt")
        #expect(try !refreshMatchesFreshBuild("dropped").contains("Spies"))

        // New values (tag, author) take their places in the rank order.
        try write("c1", title: "Airship over the city", day: 25, author: "Zeppelin watcher", tags: ["Zeppelin", "Aardvark"])
        #expect(try refreshMatchesFreshBuild("added").contains("Zeppelin"))

        // Another spelling beside a common one (which keeps the name); an article changed in place.
        try write("a3", title: "Courier at the station", day: 22, author: "Anna", tags: ["cold war", "Cia", "cia"])
        #expect(try refreshMatchesFreshBuild("changed").contains("CIA"))

        // The newest and the oldest article deleted together.
        unlink(data + "/c1.txt")
        unlink(data + "/filler-0.txt")
        try refreshMatchesFreshBuild("ends")
    }

    @Test func oneAuthorSpelledThreeWaysStaysOneValueThroughRefreshes() throws {
        for k in 0..<16 { try write("filler-\(k)", title: "Filler dispatch \(k)", day: 1 + k, author: "Desk \(k % 3)", tags: ["wire"]) }
        try write("m1", title: "Minutes of the meeting", day: 20, author: "\"Anna K.\" <anna@example.org>", tags: ["list"])
        try write("m2", title: "Re: Minutes of the meeting", day: 21, author: "Anna K. <Anna@Example.org>", tags: ["list"])
        // A list that rewrites senders: another person on the list's address is not Anna.
        try write("m3", title: "Digest", day: 22, author: "Bob via spies-l <spies-l@example.org>", tags: ["list"])
        _ = try CachedLoader.load(directories: [data], snapshotPath: snapshot).write?.wait()

        // The Usenet form of the same person arrives: still one value, now counted three times.
        try write("n1", title: "Re: Re: Minutes", day: 23, author: "anna@example.org (Anna K.)", tags: ["list"])
        try refreshMatchesFreshBuild("usenet form")
        let store = try CachedLoader.load(directories: [data], snapshotPath: snapshot).store
        let anna = store.allFacetEntries(.author).filter { $0.value.lowercased().contains("anna") }
        #expect(anna.count == 1)
        #expect(anna.first?.count == 3)
        #expect(store.allFacetEntries(.author).contains { $0.value == "Bob via spies-l <spies-l@example.org>" && $0.count == 1 })
        // Choosing the row in the sidebar, whichever spelling names it, finds all three.
        for spelling in ["anna@example.org (Anna K.)", "Anna K. <anna@example.org>", "\"Anna K.\" <anna@example.org>"] {
            #expect(store.evaluate(Query.facet(.author, spelling)).count == 3, "\(spelling)")
        }

        // Two of the spellings go: the value stays, with the one article left.
        unlink(data + "/m1.txt")
        unlink(data + "/m2.txt")
        try refreshMatchesFreshBuild("spellings dropped")
    }
}
