import Foundation
@testable import GazetteCore

/// A temporary directory for snapshot files, removed afterwards.
final class SnapshotScratch {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-snapshot-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func child(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ text: String) {
        let file = child(name)
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
    }
}

/// Compares two stores the way a user would see them: articles, results and facet counts.
enum StoreComparison {
    /// Every field of every article, through the codec (which carries every field).
    static func encodedArticles(_ store: ArticleStore) -> [[UInt8]] {
        store.articles.map { article in
            var out = ByteWriter()
            ArticleCodec.encode(article, into: &out)
            return out.bytes
        }
    }

    /// The differences between `a` and `b` on `query` in every sort order (empty when identical).
    static func differences(_ a: ArticleStore, _ b: ArticleStore, query text: String) throws -> [String] {
        let query = try Query.parse(text)
        var problems: [String] = []
        for sort in GazetteCore.SortOrder.allCases {
            let x = a.evaluate(query, sort: sort), y = b.evaluate(query, sort: sort)
            let xs = x.indices.map { a.articles[Int($0)].id }, ys = y.indices.map { b.articles[Int($0)].id }
            if xs != ys { problems.append("\(text) [\(sort)]: \(xs.count) vs \(ys.count) results") }
            for kind in FacetKind.allCases where x.facet(kind) != y.facet(kind) {
                problems.append("\(text) [\(sort)]: \(kind) counts differ")
            }
        }
        return problems
    }
}
