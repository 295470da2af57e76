import Foundation
import Testing
@testable import GazetteBenchKit
@testable import GazetteCore

/// Warm starts over a generated corpus edited between runs give exactly what a fresh load gives.
@Suite(.serialized) struct SnapshotDifferentialTests {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    @Test(arguments: [CorpusFormat.canonical, .dump])
    func randomEditsBetweenRunsNeverChangeResults(format: CorpusFormat) throws {
        let directory = TemporaryDirectory()
        let data = directory.child("data"), snapshot = directory.child("cache/snapshot-diff.gzsnap")
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        // Dumps hold many posts per file: more of them, so deletions do not empty the corpus.
        _ = try CorpusGenerator(articles: format == .dump ? 1000 : 300, seed: 3, format: format).write(to: data)
        let donor = CorpusGenerator(articles: 2000, seed: 11, format: format)
        var random = Random(state: format == .canonical ? 5 : 6)
        var added = 0
        var queries = 0
        var patched = 0
        var previous: ArticleStore?
        var copied: String?
        var listedFromDelta = 0
        for round in 0..<12 {
            let edits = round == 0 || round == 3 || round >= 6 ? 0 : 1 + random.below(12)
            for _ in 0..<edits { try edit(data, donor: donor, random: &random, added: &added) }
            // Edits at the ends of the orders and of duplicate ids: the newest and oldest articles'
            // files deleted; a file copied (its articles duplicates), then its original deleted.
            if round == 6, let previous {
                unlink(previous.articles[0].source.path)
                unlink(previous.articles[previous.count - 1].source.path)
            }
            if round == 7, let previous {
                let original = previous.articles[previous.count / 2].source.path
                copied = original
                try FileManager.default.copyItem(atPath: original, toPath: original.replacingOccurrences(of: ".txt", with: "z-copy.txt"))
            }
            if round == 8, let copied { unlink(copied) }
            if round == 9, let previous {
                // A copy that sorts before its original: the original's kept articles become the duplicates.
                let original = previous.articles[previous.count / 3].source.path
                let name = (original as NSString).lastPathComponent
                try FileManager.default.copyItem(atPath: original, toPath: (original as NSString).deletingLastPathComponent + "/!" + name)
            }
            if round == 10, let previous {
                // Deleted then written again at the same path; a new directory; a move across directories.
                let path = previous.articles[previous.count / 4].source.path
                unlink(path)
                var bytes: [UInt8] = []
                donor.render(file: random.below(donor.layout.fileCount), into: &bytes)
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                try FileManager.default.createDirectory(atPath: data + "/zz-new/deeper", withIntermediateDirectories: true)
                for (index, name) in ["zz-new/a.txt", "zz-new/deeper/b.txt"].enumerated() {
                    bytes.removeAll()
                    donor.render(file: index, into: &bytes)
                    try Data(bytes).write(to: URL(fileURLWithPath: data + "/" + name))
                }
                let moved = previous.articles[previous.count / 5].source.path
                rename(moved, data + "/zz-new/moved-" + (moved as NSString).lastPathComponent)
            }
            if round == 11 { try FileManager.default.removeItem(atPath: data + "/zz-new") }
            // A refresh lists the files from the fast walk's delta: exactly the full walk's listing and plan.
            if round > 0, let opened = try? Snapshot.open(path: snapshot),
               let delta = WarmCheck.delta(directories: [data], files: opened.files),
               let (plan, listing) = RefreshPlan.fromDelta(delta, snapshot: opened) {
                let full = try FileListing.walk([data])
                #expect(listing == full, "round \(round): the delta's listing")
                #expect(plan == RefreshPlan(files: full.files, stats: full.stats, snapshot: opened), "round \(round): the delta's plan")
                listedFromDelta += 1
            }
            let load = try CachedLoader.load(directories: [data], snapshotPath: snapshot)
            _ = load.write?.wait()
            let fresh = try ArchiveLoader.load(directories: [data])
            let store = ArticleStore(articles: fresh.articles)
            previous = store
            switch round {
            case 0: #expect(load.kind == .cold)
            case 3: #expect(load.kind == .warm, "round \(round): nothing changed")
            default: if case .refreshed = load.kind {} else { Issue.record("round \(round): \(load.kind)") }
            }
            // A patched store keeps the snapshot's records in place.
            if case .refreshed = load.kind, load.store.articles.isMixed { patched += 1 }
            // 7: the copy (sorting after its original) is read, its articles dropped as duplicates of kept
            // ones; 8: they are kept, their original gone.
            if round >= 6 && round <= 8 { #expect(load.store.articles.isMixed, "round \(round): patched") }
            if round == 7 { #expect(!fresh.report.duplicates.isEmpty, "round 7: the copy's articles are duplicates") }
            if round == 9 { #expect(!load.store.articles.isMixed, "round 9: kept articles displaced by read ones: rebuilt") }
            #expect(encoded(load.store) == encoded(store), "round \(round)")
            #expect(StoreTables(load.store) == StoreTables(store), "round \(round): store tables")
            #expect(load.store.articles.indices.map(load.store.articles.id(at:)) == store.articles.map(\.id), "round \(round): ids in place")
            // A refresh updates the old index instead of rebuilding it: it must be the very index a fresh build
            // makes, given the common words it kept (a fresh build chooses its own; see `CommonWords`).
            let common = load.store.textIndex.commonWords
            #expect(Self.tables(load.store.textIndex) == Self.tables(FullTextIndex(articles: Array(store.articles), commonWords: common)),
                    "round \(round): text index tables")
            #expect(load.report.duplicates == fresh.report.duplicates, "round \(round)")
            #expect(load.report.warnings == fresh.report.warnings, "round \(round)")
            #expect(load.report.filesRead == fresh.report.filesRead, "round \(round)")
            for _ in 0..<50 {
                let text = Self.query(store, &random)
                try compare(load.store, store, text, round: round)
                queries += 1
            }
        }
        #expect(queries >= 300)
        #expect(listedFromDelta == 11, "every edit here is one the fast walk judges")
        // The dump corpus has a handful of files: random edits often replace most articles, which rebuilds.
        #expect(patched >= (format == .canonical ? 6 : 3), "refreshes patch the snapshot's store")
    }

    /// One random edit: add, change (same size or not), delete, touch or rename a file.
    private func edit(_ data: String, donor: CorpusGenerator, random: inout Random, added: inout Int) throws {
        let files = try ArchiveLoader.discoverFiles(in: [data]).files
        let file = random.pick(files)
        switch random.below(6) {
        case 0:
            var bytes: [UInt8] = []
            donor.render(file: random.below(donor.layout.fileCount), into: &bytes)
            try Data(bytes).write(to: URL(fileURLWithPath: data + "/added-\(added).txt"))
            added += 1
        case 1:
            var bytes: [UInt8] = []
            donor.render(file: random.below(donor.layout.fileCount), into: &bytes)
            try Data(bytes).write(to: URL(fileURLWithPath: file))
        case 2:
            // Same size, same inode: only the mtime tells.
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            if let position = bytes.indices.reversed().first(where: { bytes[$0] >= 0x61 && bytes[$0] <= 0x79 }) { bytes[position] += 1 }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
            try handle.write(contentsOf: Data(bytes))
            try handle.close()
        case 3:
            unlink(file)
        case 4:
            // Same bytes, a new mtime: read again, same articles.
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            var times = [now, now]
            utimensat(AT_FDCWD, file, &times, 0)
        default:
            rename(file, (file as NSString).deletingLastPathComponent + "/renamed-\(added).txt")
            added += 1
        }
    }

    /// Every table of a text index, as plain arrays (equal exactly when the indexes are).
    static func tables(_ index: FullTextIndex) -> [[Int]] {
        [index.termBytes.map(Int.init), index.termOffsets.array, index.postingStarts.array, index.docStarts.array,
         index.docBytes.map(Int.init), index.tfs.map(Int.init), index.lengths.map(Int.init), [Int(index.averageLength.bitPattern)],
         index.positions.map(Int.init), index.positionStarts.array, index.skipDocs.map(Int.init), index.skipDocBytes.array,
         index.skipPositions.array]
    }

    private func encoded(_ store: ArticleStore) -> [[UInt8]] {
        store.articles.map { article in
            var out = ByteWriter()
            ArticleCodec.encode(article, into: &out)
            return out.bytes
        }
    }

    private func compare(_ a: ArticleStore, _ b: ArticleStore, _ text: String, round: Int) throws {
        let query = try Query.parse(text)
        for sort in GazetteCore.SortOrder.allCases {
            let x = a.evaluate(query, sort: sort), y = b.evaluate(query, sort: sort)
            #expect(x.indices == y.indices, "round \(round): \(text) [\(sort)]")
            for kind in FacetKind.allCases { #expect(x.facet(kind) == y.facet(kind), "round \(round): \(text) [\(sort)] \(kind)") }
        }
    }

    /// A query made of what the corpus holds: words, prefixes, phrases, facets, dates, combined.
    static func query(_ store: ArticleStore, _ random: inout Random) -> String {
        func term() -> String {
            guard store.count > 0 else { return "anything" }
            let article = store.articles[random.below(store.count)]
            let words = TextFolding.words(in: article.title + " " + String(article.body.prefix(400))).map(\.folded)
            switch random.below(9) {
            case 0, 1: return words.isEmpty ? "x" : random.pick(words)
            case 2: return words.isEmpty ? "x*" : String(random.pick(words).prefix(2)) + "*"
            case 3:
                guard words.count > 1 else { return "y" }
                let start = random.below(words.count - 1)
                return "\"\(words[start]) \(words[start + 1])\""
            case 4: return article.tags.isEmpty ? "tag:none" : QuerySyntax.term("tag", random.pick(article.tags))
            case 5: return article.author.map { QuerySyntax.term("author", $0) } ?? "author:nobody"
            case 6: return article.date.map { "year:\($0.year)" } ?? "year:1999"
            case 7: return article.date.map { "after:\($0.isoDay)" } ?? "before:2001"
            default: return article.categories.first.map { QuerySyntax.term("category", $0) } ?? "category:none"
            }
        }
        var parts = (0..<(1 + random.below(3))).map { _ in random.below(5) == 0 ? "-" + term() : term() }
        if random.below(4) == 0 { parts.append("OR " + term()) }
        return parts.joined(separator: " ")
    }
}
