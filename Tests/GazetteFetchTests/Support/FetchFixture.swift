import Foundation
import GazetteFeeds
@testable import GazetteFetch

/// A temporary data directory and helpers to look at what a fetch wrote.
final class FetchSandbox {
    let root: String
    var data: String { root + "/data" }
    var feeds: String { data + "/feeds" }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-fetch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        // A file of the user's own, which no fetch may touch.
        try "Title: Mine\n\nMy own notes.\n".write(toFile: data + "/notes.txt", atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Every regular file under the sandbox (relative path → contents hash and mtime), hidden ones included.
    func snapshot(under folder: String? = nil) -> [String: (hash: Int, mtime: Date)] {
        let base = folder ?? root
        var result: [String: (Int, Date)] = [:]
        let walker = FileManager.default.enumerator(atPath: base)
        while let relative = walker?.nextObject() as? String {
            let path = base + "/" + relative
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            guard attributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            let data = FileManager.default.contents(atPath: path) ?? Data()
            result[relative] = (data.hashValue, attributes?[.modificationDate] as? Date ?? .distantPast)
        }
        return result
    }

    /// Article files (not hidden) under a feed's folder, relative to it, sorted.
    func articles(in folder: String) -> [String] {
        snapshot(under: feeds + "/" + folder).keys.filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted()
    }

    func read(_ relative: String) -> String {
        (try? String(contentsOfFile: feeds + "/" + relative, encoding: .utf8)) ?? ""
    }
}

enum Fixture {
    static func bytes(_ name: String) -> [UInt8] {
        let url = Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!
        return Array((try? Data(contentsOf: url)) ?? Data())
    }
}

/// Options with short limits, so failure cases end quickly.
func quickOptions(idle: Double = 3, total: Double = 6, maxBytes: Int = 50 << 20) -> FetchOptions {
    var options = FetchOptions()
    options.limits.idleTimeout = idle
    options.limits.totalTimeout = total
    options.limits.maxBytes = maxBytes
    options.now = 1_709_985_600 // 2024-03-09T12:00:00Z
    return options
}
