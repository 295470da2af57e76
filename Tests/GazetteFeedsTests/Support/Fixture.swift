import Foundation
import GazetteFeeds

/// The test target's feed fixtures (all of the project's own writing).
enum Fixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!
        return Array(try Data(contentsOf: url))
    }

    static func feed(_ name: String, url: String = "https://feeds.example/feed", contentType: String? = nil) throws -> Feed {
        FeedParser.parse(try bytes(name), url: URL(string: url), contentType: contentType)
    }
}
