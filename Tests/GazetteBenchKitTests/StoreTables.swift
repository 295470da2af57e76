@testable import GazetteCore

/// Every table of a store, in a form that does not depend on how it was made: facet values by
/// name rather than by id (a patched table numbers new values after the old ones), the rest as is.
/// Equal exactly when two stores answer every query, sort and count alike.
struct StoreTables: Equatable {
    var dayKeys: [Int32]
    var sortedIDs: [UInt64]
    var sortedIDIndices: [Int32]
    var titleOrder: [Int32]
    var authorOrder: [Int32]
    var threads: [[Int32]]
    /// Per kind: each article's value names in the article's order.
    var articleValues: [[[String]]]
    /// Per kind: names in rank order, with total, postings and plain flag.
    var values: [[ValueRow]]
    var entries: [[FacetEntry]]

    struct ValueRow: Equatable {
        var name: String
        var folded: String
        var total: Int32
        var postings: [Int32]
        var plain: UInt8
        var found: Bool
    }

    init(_ store: ArticleStore) {
        dayKeys = store.dayKeys.array
        sortedIDs = store.sortedIDs.array
        sortedIDIndices = store.sortedIDIndices.array
        titleOrder = store.titleOrder
        authorOrder = store.authorOrder
        threads = [store.threads.parents.array, store.threads.replyStarts.array, store.threads.replies.array]
        articleValues = store.facets.map { table in
            (0..<store.count).map { article in
                (Int(table.articleStarts[article])..<Int(table.articleStarts[article + 1])).map { table.names[Int(table.articleValues[$0])] }
            }
        }
        values = store.facets.map { table in
            (0..<table.valueCount).sorted { table.rank[$0] < table.rank[$1] }.map { value in
                ValueRow(name: table.names[value], folded: table.folded[value], total: table.totals[value],
                         postings: Array(table.postingDocs[Int(table.postingStarts[value])..<Int(table.postingStarts[value + 1])]),
                         plain: table.plain[value], found: table.id(of: table.names[value]) == Int32(value))
            }
        }
        entries = FacetKind.allCases.map { store.allFacetEntries($0) }
    }
}
