import Foundation
import GazetteCore
import GazetteFeeds

/// libFuzzer entry: the feed parser (XML and JSON, every dialect) and the article file written
/// for each item, which must be safe to file and load back with its title.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeed(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let fallback = FeedDate(year: 2024, month: 3, day: 9)
    _ = FeedParser.parse(bytes, url: URL(string: "https://fuzz.example/feed")) { item, feed in
        for scalar in item.title.unicodeScalars where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" {
            fatalError("fuzz invariant broken: control U+\(String(scalar.value, radix: 16)) in title \(item.title.debugDescription)")
        }
        if let date = item.date {
            require((1...12).contains(date.month) && date.day >= 1 && date.day <= 31, "impossible date \(date)")
        }
        let file = ArticleFileText(item: item, feedTitle: feed.title, feedURL: "https://fuzz.example/feed",
                                   subscriptionTags: ["t"], fallbackDate: fallback)
        let parts = file.relativePath.split(separator: "/", omittingEmptySubsequences: false)
        require(parts.count == 3 && !parts.contains { $0.isEmpty || $0 == ".." || $0 == "." }, "unsafe path \(file.relativePath)")
        require(file.relativePath.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 }, "non-ASCII path \(file.relativePath)")
        require(parts[2].count <= 11 + SafeFileName.maxSlug + 4, "long name \(parts[2])")
        require(!file.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "control character in the file")
        let titleLine = file.text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        let parsed = CanonicalFormat.parse(file.text, path: "f.txt")
        require(parsed.articles.count == 1, "the file did not load as one article")
        require("Title: " + (parsed.articles.first?.title ?? "") == titleLine, "title did not load back: \(titleLine.debugDescription)")
        require(parsed.articles.first?.date?.isoDay == (item.date ?? fallback).isoDay, "date did not load back")
    }
    return 0
}
