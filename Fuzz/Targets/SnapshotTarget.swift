import GazetteCore

/// libFuzzer entry: the snapshot reader. Even first byte: the input as a snapshot file (header,
/// version, sizes and checksums must refuse damage). Odd: the rest, re-sealed with correct
/// checksums first, so mutations reach the structural checks of tables and offsets; a snapshot
/// that passes is then used: every article decoded, browsing queries evaluated in every order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput.bytes(data, size)
    guard let mode = input.first else { return 0 }
    let bytes = mode & 1 == 0 ? Array(input.dropFirst()) : SnapshotBytes.resealed(Array(input.dropFirst()))
    let store: ArticleStore
    do {
        store = try SnapshotBytes.store(from: bytes)
    } catch {
        require(!error.description.isEmpty, "a refusal without a reason")
        return 0
    }
    for index in 0..<store.count {
        let article = store.articles[index]
        require(article.title.utf8.count <= bytes.count, "an article larger than the snapshot")
        _ = store.tagDisplayNames(ofArticle: index)
    }
    // Word queries read postings whose bytes only the section checksums vouch for (re-sealed inputs
    // forge those); structural queries use only the tables the reader checked.
    let queries = mode & 1 == 0 ? ["", "tag:a", "-year:2001", "a", "\"a b\"", "a*"] : ["", "tag:a", "-year:2001", "author:a"]
    for text in queries {
        guard let query = try? Query.parse(text) else { continue }
        for sort in SortOrder.allCases {
            let indices = store.evaluate(query, sort: sort).indices.map(Int.init)
            require(Set(indices).count == indices.count, "an article listed twice")
            require(indices.allSatisfy { (0..<store.count).contains($0) }, "index outside the store")
        }
    }
    for kind in FacetKind.allCases {
        require(store.allFacetEntries(kind).allSatisfy { $0.count > 0 && $0.count <= store.count }, "facet count out of range")
    }
    return 0
}
