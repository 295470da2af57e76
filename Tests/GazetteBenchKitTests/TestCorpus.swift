import Foundation
@testable import GazetteBenchKit

/// A temporary directory removed when the test is done.
final class TemporaryDirectory {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazette-bench-tests-\(UUID().uuidString)").path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// `path/name` (not created).
    func child(_ name: String) -> String { path + "/" + name }
}

/// Every file under `root` (hidden ones included), by path relative to `root`, with its bytes.
func filesByRelativePath(_ root: String) throws -> [String: Data] {
    var result = [String: Data]()
    let enumerator = FileManager.default.enumerator(atPath: root)!
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory),
           !isDirectory.boolValue {
            result[relative] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
        }
    }
    return result
}

/// The data files (no summary file) as text, sorted by path.
func dataFileTexts(_ root: String) throws -> [(path: String, text: String)] {
    try filesByRelativePath(root)
        .filter { $0.key.hasSuffix(".txt") }
        .sorted { $0.key < $1.key }
        .map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
}

/// A canonical file split into its headers (name → value) and its body text.
func parseCanonical(_ text: String) -> (headers: [String: String], body: String) {
    let parts = text.components(separatedBy: "\n\n")
    var headers = [String: String]()
    for line in parts[0].split(separator: "\n") {
        let pieces = line.split(separator: ":", maxSplits: 1)
        headers[String(pieces[0])] = pieces.count > 1 ? String(pieces[1].dropFirst()) : ""
    }
    return (headers, parts.dropFirst().joined(separator: "\n\n"))
}
