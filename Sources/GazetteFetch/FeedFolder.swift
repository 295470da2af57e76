import Foundation
import GazetteFeeds

/// One subscription's folder under `DATA/feeds/`: the article files Gazette wrote there (found by
/// their `Guid` header) and the conditional-GET state kept beside them.
final class FeedFolder {
    /// What the last successful fetch said, for the next conditional GET.
    struct State: Codable, Equatable {
        var url: String
        var etag: String?
        var lastModified: String?
    }

    /// Counts of what a fetch did to the folder.
    struct Changes {
        var added = 0, updated = 0, unchanged = 0
    }

    static let stateFile = ".gazette-feed.json"
    let path: String
    private var byIdentity: [String: String] = [:]
    /// Relative paths taken in this folder, so two items never share a file.
    private var taken: Set<String> = []
    private var loaded = false
    private var seenThisFetch: Set<String> = []
    /// Month folders already made in this fetch (one `mkdir -p` each, not one per file).
    private var madeFolders: Set<String> = []
    /// Files written but not yet in place: they go in together (`commit`), one flush for all.
    private let batch = AtomicBatch()
    /// A long feed is committed in parts, so memory and temporary files stay bounded.
    private static let batchLimit = 256

    init(path: String) { self.path = path }

    func readState() -> State? {
        guard let data = FileManager.default.contents(atPath: path + "/" + Self.stateFile) else { return nil }
        return try? JSONDecoder().decode(State.self, from: data)
    }

    func writeState(_ state: State) throws {
        if readState() == state { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(Array(try encoder.encode(state)) + [0x0A], to: path + "/" + Self.stateFile)
    }

    /// Files this folder already holds, by identity (read from each file's `Guid` header).
    private func loadIndex() {
        guard !loaded else { return }
        loaded = true
        guard let walker = FileManager.default.enumerator(atPath: path) else { return }
        while let relative = walker.nextObject() as? String {
            if AtomicFile.isAbandonedTemporary((relative as NSString).lastPathComponent) {
                // A fetch that was stopped (the browser quit mid-fetch, a crash) left it behind.
                unlink(path + "/" + relative)
                continue
            }
            guard relative.hasSuffix(".txt"), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            taken.insert(relative)
            if let identity = Self.guidHeader(of: path + "/" + relative) { byIdentity[identity] = relative }
        }
    }

    /// Writes `article` unless an identical file is there; moves the item's old file when its
    /// date or title (hence its name) changed.
    func store(_ article: ArticleFileText, changes: inout Changes) throws {
        loadIndex()
        guard seenThisFetch.insert(article.identity).inserted else { return } // the same item twice in one document
        let bytes = Array(article.text.utf8)
        let existing = byIdentity[article.identity]
        var target = article.relativePath
        if target != existing, taken.contains(target) {
            // Another item has this date and title: tell them apart by identity.
            target = String(target.dropLast(4)) + "-" + SafeFileName.shortHash(article.identity) + ".txt"
        }
        if let existing, existing == target {
            if let current = FileManager.default.contents(atPath: path + "/" + existing), Array(current) == bytes {
                changes.unchanged += 1
            } else {
                try write(bytes, relative: target)
                changes.updated += 1
            }
            return
        }
        try write(bytes, relative: target)
        taken.insert(target)
        byIdentity[article.identity] = target
        if let existing {
            batch.remove(afterCommit: path + "/" + existing)
            taken.remove(existing)
            changes.updated += 1
        } else {
            changes.added += 1
        }
    }

    /// The `Date` header of the item's existing file, so an undated item keeps its first-seen date.
    func existingDate(of identity: String) -> FeedDate? {
        loadIndex()
        guard let relative = byIdentity[identity] else { return nil }
        return Self.header("Date", of: path + "/" + relative).flatMap(FeedDateParser.parse)
    }

    private func write(_ bytes: [UInt8], relative: String) throws {
        // Names come from SafeFileName and digits only; this is a second lock on the door.
        guard !relative.hasPrefix("/"), !relative.split(separator: "/").contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw FetchFailure("refused to write outside the feed's folder: \(relative)")
        }
        let folder = (relative as NSString).deletingLastPathComponent
        if madeFolders.insert(folder).inserted {
            try FileManager.default.createDirectory(atPath: path + "/" + folder, withIntermediateDirectories: true)
        }
        try batch.write(bytes, to: path + "/" + relative)
        if batch.count >= Self.batchLimit { try commit() }
    }

    /// Puts every file written so far in place (after one flush to disk for all of them).
    func commit() throws {
        try batch.commit()
    }

    static func guidHeader(of file: String) -> String? { header("Guid", of: file) }

    /// A header's value from the start of a file, reading only the header block.
    static func header(_ name: String, of file: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16_384)) ?? Data()
        let prefix = name.lowercased() + ":"
        for line in String(decoding: head, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { break }
            if line.lowercased().hasPrefix(prefix) {
                return line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
